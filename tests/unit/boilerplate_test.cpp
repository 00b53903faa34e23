#include <string>

#include <catch2/catch.hpp>

#include "boilerplate.hpp"

using dateline::is_end_mark;
using dateline::strip_boilerplate;

namespace {

// A paragraph of real text, long enough that a short trailer may go.
const std::string text =
    "The Ministry of Coastal Affairs opened a training centre for maritime pilots on Tuesday, "
    "with a bridge simulator that can recreate the approaches to every major port.\n\n"
    "Pilots guide large ships through narrow channels, and the ministry expects to train "
    "forty of them each year, starting in the spring.";

std::string stripped(std::string body) {
    strip_boilerplate(body);
    return body;
}

}  // namespace

TEST_CASE("is_end_mark knows the wire and press-office marks", "[common]") {
    auto mark = GENERATE(as<std::string>{}, "###", "# # #", "-30-", "- 30 -", "END", "Ends",
                         "ENDS", "-END-", "- END -", "-ends-", "[ends]", "(ENDS)", "  ###  ",
                         "###\r");
    CAPTURE(mark);
    CHECK(is_end_mark(mark));
    auto other = GENERATE(as<std::string>{}, "", "#", "##", "30", "The end", "ENDS HERE",
                          "### Heading", "endless", "-3O-");
    CAPTURE(other);
    CHECK_FALSE(is_end_mark(other));
}

TEST_CASE("strip_boilerplate cuts at an end mark and drops contact blocks", "[common]") {
    auto [tail, kept] = GENERATE(table<std::string, std::string>({
        {"\n\n###", ""},
        {"\n\n# # #\n\nMedia contact: Ana Ruiz, 555-0100", ""},
        {"\n\n-30-", ""},
        {"\n\nENDS\n\nR8875/305\n\nCanberra, August 8, 1975.", ""},
        {" ###", ""},                                  // ends the last sentence
        {" -30-", ""},
        {" ### The ministry is the lead agency for ports.", ""},  // small text after it
        {"\n\nContact: Ana Ruiz, 555-0100.", ""},
        {"\n\nMedia Contact: Ana Ruiz\n\n555-0100\n\nana.ruiz@example.org", ""},
        {"\n\nPress contacts:\n\nMinistry of Coastal Affairs\n\nOffice of Public Affairs\n\n"
         "Ana Ruiz\n\n555-0100",
         ""},
        {"\n\nDOJ MEDIA CONTACT: Ana Ruiz, Office of Public Affairs", ""},
        {"\n\nMEDIA INQUIRIES: Ana Ruiz (06) 277 7860", ""},
        {"\n\nFor further information contact Ana Ruiz, Tel: 555-0100.", ""},
        {"\n\nFor more information, visit www.example.org/pilots.", ""},
        {"\n\nAdditional information about the ministry is available at www.example.org.", ""},
        {"\n\nAbout the Ministry of Coastal Affairs\n\nThe ministry looks after ports, "
         "shipping and the coast.",
         ""},
        {"\n\nAbout NVTC:\n\nThe council is the membership association of the region.", ""},
        {"\n\nFor more information, visit www.example.org.\n\nContact: Ana Ruiz, 555-0100.", ""},
        {"\n\n###\n\nAbout the Ministry of Coastal Affairs\n\nThe ministry looks after ports.",
         ""},
    }));
    CAPTURE(tail);
    const std::string body = text + tail;
    std::string cut = body;
    const auto result = strip_boilerplate(cut);
    CHECK(cut == text + kept);
    CHECK(result.any());
    CHECK(result.end_mark_bytes + result.trailer_bytes == body.size() - cut.size());
}

TEST_CASE("strip_boilerplate never cuts real text", "[common]") {
    auto body = GENERATE(as<std::string>{},
        // nothing to cut
        text,
        "",
        "###",
        "Contact: Ana Ruiz, 555-0100.",
        "ENDS",
        // a mark followed by more than a third of the text before it (an attached letter)
        text + "\n\n###\n\nDear Minister,\n\nWe write to ask for a meeting about the training "
               "centre and its budget for next year, the pilots' union and the port owners "
               "having agreed on the points below and on the need for more simulator time.",
        // "###" opening a line is a heading, not an end mark
        text + "\n\n### Background\n\nThe centre was planned in 2019.",
        // "Contact" and "About" in ordinary sentences, not as trailing blocks
        text + "\n\nContact between the ships and the pilots is by radio.\n\nThe first "
               "course starts in May and runs for twelve weeks, with exams in August.",
        text + "\n\nAbout 40 pilots will be trained each year.",
        text + "\n\nAbout the Centre\n\n" + std::string(2000, 'x'),  // longer than 1,500 bytes
        text + "\n\nFor more information on the history of pilotage, read on.",  // no pointer
        // the trailer would be longer than the text kept
        "Short text.\n\nContact: Ana Ruiz, 555-0100, ana.ruiz@example.org, Ministry of Coastal "
        "Affairs, Kestrel Bay.",
        // a mark at the very start
        "###\n\n" + text);
    CAPTURE(body);
    CHECK(stripped(body) == body);
}

TEST_CASE("strip_boilerplate leaves the first paragraph", "[common]") {
    CHECK(stripped("Contact: Ana Ruiz, 555-0100.\n\nAbout the Ministry\n\nIt looks after ports.") ==
          "Contact: Ana Ruiz, 555-0100.\n\nAbout the Ministry\n\nIt looks after ports.");
    CHECK(stripped("For more information, visit www.example.org.") ==
          "For more information, visit www.example.org.");
}

TEST_CASE("strip_boilerplate is idempotent", "[common]") {
    auto body = GENERATE(as<std::string>{},
        text + "\n\n###\n\nContact: Ana Ruiz, 555-0100.",
        text + "\n\nContact: Ana Ruiz, 555-0100.\n\n###",
        text + " ### About the ministry: it looks after ports.\n\nMedia contact: Ana Ruiz",
        text + "\n\n###\n\n" + text + "\n\n###");
    CAPTURE(body);
    const std::string once = stripped(body);
    CHECK(stripped(once) == once);
}

TEST_CASE("strip_boilerplate handles hostile bodies", "[common]") {
    SECTION("a huge single line") {
        std::string body(4 << 20, 'x');
        body += " ###";
        const auto result = strip_boilerplate(body);
        CHECK(body == std::string(4 << 20, 'x'));
        CHECK(result.end_mark_bytes == 4);
    }
    SECTION("many end marks and contact lines") {
        std::string body = text;
        for (int i = 0; i < 10000; ++i) body += "\n\n###\n\nContact: x";
        const std::string before = body;
        strip_boilerplate(body);
        CHECK(body.size() <= before.size());
        CHECK(body.substr(0, text.size()) == text);
    }
    SECTION("only blank lines and CRLF") {
        std::string body = "\r\n\r\n \t\r\n";
        strip_boilerplate(body);
        CHECK(body == "\r\n\r\n \t\r\n");
    }
    SECTION("CRLF paragraphs") {
        std::string body = "First paragraph of the text.\r\n\r\nSecond one, a bit longer than "
                           "the first.\r\n\r\nContact: Ana Ruiz\r\n";
        strip_boilerplate(body);
        CHECK(body == "First paragraph of the text.\r\n\r\nSecond one, a bit longer than the "
                      "first.");
    }
}
