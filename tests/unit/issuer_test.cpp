#include <string>

#include <catch2/catch.hpp>

#include "issuer.hpp"
#include "release_header.hpp"

using dateline::issuer_from_agency;
using dateline::issuer_from_header;

TEST_CASE("issuer_from_agency spells wire services as they are known", "[common]") {
    auto [agency, expected] = GENERATE(table<std::string, std::string>({
        {"Xinhua", "Xinhua"},
        {"XINHUA", "Xinhua"},
        {"Xinhua News Agency", "Xinhua"},
        {"AP", "AP"},
        {"The Associated Press", "AP"},
        {"Reuter", "Reuters"},
        {"REUTERS", "Reuters"},
        {"afp", "AFP"},
        {" Kyodo ", "Kyodo"},
        {"Harbor Wire", "Harbor Wire"},
        {"Ministry of Coastal Affairs", "Ministry of Coastal Affairs"},
        {"", ""},
        {"Sept. 19", ""},
        {"updated 2025", ""},
        {"see below", ""},
        {"A Very Long Agency Name That Goes On And On", ""},
        {"One Two Three Four Five Six", ""},
    }));
    CAPTURE(agency);
    CHECK(issuer_from_agency(agency) == expected);
}

TEST_CASE("issuer_from_header reads the office a release header names", "[common]") {
    auto [body, expected] = GENERATE(table<std::string, std::string>({
        {"Department of Justice\nOffice of Public Affairs\nFOR IMMEDIATE RELEASE\n"
         "Friday, April 13, 2018\nJose Rivera, 59, was indicted yesterday.",
         "Department of Justice, Office of Public Affairs"},
        {"U.S. Department of Justice\n\nOffice of Public Affairs\n\nThe department said today.",
         "U.S. Department of Justice, Office of Public Affairs"},
        {"FOR IMMEDIATE RELEASE\n\nMinistry of Coastal Affairs\n\nKESTREL BAY - The ministry.",
         "Ministry of Coastal Affairs"},
        {"Media Release\nDepartment of Immigration and Multicultural Affairs\nBUDGET",
         "Department of Immigration and Multicultural Affairs"},
        {"Valdoria Press Office\n\nThe trade office opened today in Zurich.",
         "Valdoria Press Office"},
        // no release marker and no press office: a headline, not a header
        {"Office of Inspector General Finds Fraud in Grant Program\n\nThe office found.", ""},
        {"Department of Justice\n\nThe department said today.", ""},
        // a menu entry is not a marker, a single word is not an office
        {"Home\nMedia Releases\nDepartment\nSpeeches", ""},
        // the header ends at the first long line
        {"FOR IMMEDIATE RELEASE\n" + std::string(130, 'x') + "\nMinistry of Coastal Affairs", ""},
        {"", ""},
    }));
    CAPTURE(body);
    CHECK(issuer_from_header(body) == expected);
}

TEST_CASE("release header lines", "[common]") {
    using dateline::is_office_line;
    using dateline::release_marker_length;
    using dateline::skip_release_header;
    CHECK(release_marker_length("FOR IMMEDIATE RELEASE") == 21);
    CHECK(release_marker_length("For Immediate Release: today") == 22);
    CHECK(release_marker_length("Press Release") == 13);
    CHECK(release_marker_length("Media Releases") == 0);
    CHECK(release_marker_length("Forward") == 0);
    CHECK(is_office_line("Department of Justice"));
    CHECK(is_office_line("Ministry of Foreign Affairs of the People's Republic of China"));
    CHECK_FALSE(is_office_line("Department"));
    CHECK_FALSE(is_office_line("The department said today."));
    CHECK_FALSE(is_office_line("Office of 2025"));
    CHECK(skip_release_header("Department of Justice\nOffice of Public Affairs\n"
                              "FOR IMMEDIATE RELEASE\nFriday, April 13, 2018\nJose Rivera") == 92);
    CHECK(skip_release_header("FOR IMMEDIATE RELEASE WASHINGTON DC The") == 22);
    CHECK(skip_release_header("The ministry said") == 0);
    CHECK(skip_release_header("") == 0);
}
