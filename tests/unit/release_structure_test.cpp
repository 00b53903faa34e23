#include <string>

#include <catch2/catch.hpp>

#include "release_structure.hpp"

using dateline::complete_structure;
using dateline::PressRelease;

namespace {

PressRelease release_with(std::string body) {
    PressRelease release;
    release.title = "Training Centre for Maritime Pilots Opens";
    release.body = std::move(body);
    return release;
}

const std::string text =
    "The Ministry of Coastal Affairs opened a training centre for maritime pilots on Tuesday, "
    "with a bridge simulator that can recreate the approaches to every major port.\n\n"
    "Pilots guide large ships through narrow channels, and the ministry expects to train "
    "forty of them each year, starting in the spring.";

}  // namespace

TEST_CASE("complete_structure fills place, source, language and cuts the trailer", "[common]") {
    PressRelease release = release_with("KESTREL BAY, Jan. 14 (Xinhua) -- " + text +
                                        "\n\n###\n\nMedia contact: Ana Ruiz, 555-0100");
    release.date = "2025-01-15";
    const auto notes = complete_structure(release);
    CHECK(release.place == "KESTREL BAY");
    CHECK(release.source == "Xinhua");
    CHECK(release.lang == "en");
    CHECK(release.date == "2025-01-15");
    CHECK(release.body == "KESTREL BAY, Jan. 14 (Xinhua) -- " + text);  // the dateline stays
    CHECK(notes.place_from_dateline);
    CHECK(notes.source_from_dateline);
    CHECK_FALSE(notes.source_from_header);
    CHECK(notes.lang_detected);
    CHECK(notes.boilerplate.end_mark_bytes > 0);
}

TEST_CASE("complete_structure keeps the fields the format gave", "[common]") {
    PressRelease release = release_with("BEIJING, July 22 (Xinhua) -- " + text);
    release.place = "Kestrel Bay";
    release.source = "Ministry of Coastal Affairs";
    release.lang = "fr";
    release.date = "2025-07-23T08:55:00";
    const auto notes = complete_structure(release);
    CHECK(release.place == "Kestrel Bay");
    CHECK(release.source == "Ministry of Coastal Affairs");
    CHECK(release.lang == "fr");
    CHECK(release.date == "2025-07-23T08:55:00");
    CHECK_FALSE(notes.place_from_dateline);
    CHECK_FALSE(notes.source_from_dateline);
    CHECK_FALSE(notes.lang_detected);
    CHECK_FALSE(notes.date_normalized);
}

TEST_CASE("complete_structure normalises the forms of lang and date", "[common]") {
    auto [lang, date, expected_lang, expected_date] =
        GENERATE(table<std::string, std::string, std::string, std::string>({
            {"en-US", "Tue, 10 Jun 2003 04:00:00 GMT", "en", "2003-06-10T04:00:00Z"},
            {"ZH_cn", "2025\xE5\xB9\xB4" "7\xE6\x9C\x88" "23\xE6\x97\xA5", "zh", "2025-07-23"},
            {"EN", "2018-04-13T00:00:00-04:00", "en", "2018-04-13T04:00:00Z"},
            {"en", "0001-01-01", "en", "0001-01-01"},
            // not a language tag, not a date (Feb 30; UTC in the year 10000): kept as written,
            // the reader reports it
            {"english!", "sometime in May", "english!", "sometime in May"},
            {"en", "2025-02-30", "en", "2025-02-30"},
            {"en", "9999-12-31T23:00:00-05:00", "en", "9999-12-31T23:00:00-05:00"},
        }));
    CAPTURE(lang, date);
    PressRelease release = release_with(text);
    release.lang = lang;
    release.date = date;
    complete_structure(release);
    CHECK(release.lang == expected_lang);
    CHECK(release.date == expected_date);
}

TEST_CASE("complete_structure takes a full date from the dateline only when none is given",
          "[common]") {
    PressRelease release = release_with("WASHINGTON (Sept. 6, 2007) - " + text);
    auto notes = complete_structure(release);
    CHECK(release.date == "2007-09-06");
    CHECK(release.place == "WASHINGTON");
    CHECK(release.source.empty());
    CHECK(notes.date_from_dateline);

    PressRelease dated = release_with("WASHINGTON (Sept. 6, 2007) - " + text);
    dated.date = "2007-09-07";
    notes = complete_structure(dated);
    CHECK(dated.date == "2007-09-07");
    CHECK_FALSE(notes.date_from_dateline);

    // A day without a year says nothing about a release that has no date.
    PressRelease undated = release_with("BEIJING, July 22 (Xinhua) -- " + text);
    complete_structure(undated);
    CHECK(undated.date.empty());
}

TEST_CASE("complete_structure reads a release header", "[common]") {
    PressRelease release = release_with(
        "Ministry of Coastal Affairs\n\nPress Office\n\nFOR IMMEDIATE RELEASE\n\n"
        "KESTREL BAY \xE2\x80\x93 " + text + "\n\nAbout the Ministry of Coastal Affairs\n\n"
        "The ministry looks after ports, shipping and the coast.");
    const auto notes = complete_structure(release);
    CHECK(release.place == "KESTREL BAY");
    CHECK(release.source == "Ministry of Coastal Affairs, Press Office");
    CHECK(notes.source_from_header);
    CHECK(notes.boilerplate.trailer_bytes > 0);
    CHECK(release.body.find("About the Ministry") == std::string::npos);
}

TEST_CASE("complete_structure is idempotent", "[common]") {
    PressRelease release = release_with("FOR IMMEDIATE RELEASE WASHINGTON DC " + text +
                                        " ###\n\nContact: Ana Ruiz, 555-0100");
    release.date = "Tue, 10 Jun 2003 04:00:00 +0800";
    release.lang = "en-GB";
    complete_structure(release);
    const PressRelease once = release;
    const auto notes = complete_structure(release);
    CHECK(release == once);
    CHECK_FALSE(notes.boilerplate.any());
    CHECK_FALSE(notes.date_normalized);
    CHECK(once.place == "WASHINGTON");
    CHECK(once.date == "2003-06-09T20:00:00Z");
    CHECK(once.lang == "en");
    CHECK(once.body.find("Contact") == std::string::npos);
}

TEST_CASE("complete_structure handles hostile releases", "[common]") {
    SECTION("empty") {
        PressRelease release;
        complete_structure(release);
        CHECK(release == PressRelease{});
    }
    SECTION("only a dateline") {
        PressRelease release = release_with("BEIJING, July 22 (Xinhua) --");
        complete_structure(release);
        CHECK(release.place == "BEIJING");
        CHECK(release.source == "Xinhua");
        CHECK(release.body == "BEIJING, July 22 (Xinhua) --");
    }
    SECTION("a 16 MB single line") {
        PressRelease release = release_with("WASHINGTON - " + std::string(16 << 20, 'a'));
        complete_structure(release);
        CHECK(release.place == "WASHINGTON");
        CHECK(release.body.size() == 13 + (16u << 20));
    }
    SECTION("invalid UTF-8 and NUL bytes") {
        PressRelease release = release_with(std::string("\xFF\xFE\0\0 ### \xC3", 9));
        release.title = std::string("\0\xC3", 2);
        CHECK_NOTHROW(complete_structure(release));
        CHECK(release.place.empty());
    }
}
