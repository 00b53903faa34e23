#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "jsonl_reader.hpp"
#include "line_reader.hpp"

using dateline::parse_jsonl_record;
using dateline::ParseError;
using Catch::Matchers::StartsWith;

namespace {

const std::string data_dir = TEST_DATA_DIR;
// How every message about an unreadable date ends.
const std::string expected_date_hint = "(expected a date such as 2016-03-04 or March 4, 2016)";

}  // namespace

TEST_CASE("parse_jsonl_record reads every corpus field", "[common]") {
    const auto release = parse_jsonl_record(
        R"({"id":"fixture-x","title":"  Port Plan \n","date":"2024-05-06T10:30:00",)"
        R"("source":" Harbor Wire ","url":"https://example.org/releases/x ","lang":"en",)"
        R"("body":"\nFirst paragraph.\n\nSecond  paragraph.\n","extra":[1,{"a":2}]})");
    CHECK(release.id == "fixture-x");
    CHECK(release.title == "Port Plan");
    CHECK(release.date == "2024-05-06T10:30:00");
    CHECK(release.source == "Harbor Wire");
    CHECK(release.url == "https://example.org/releases/x");
    CHECK(release.lang == "en");
    CHECK(release.body == "First paragraph.\n\nSecond  paragraph.");
    CHECK(release.place.empty());
}

TEST_CASE("integer ids, topics and the place are read", "[common]") {
    const auto release = parse_jsonl_record(
        R"({"id":1234,"title":"T","place":" KESTREL BAY ","topics":["ports"," ferries ",""]})");
    CHECK(release.id == "1234");
    CHECK(release.place == "KESTREL BAY");
    CHECK(release.topics == std::vector<std::string>{"ports", "ferries"});
    CHECK(parse_jsonl_record(R"({"title":"T","topics":"trade"})").topics ==
          std::vector<std::string>{"trade"});
}

TEST_CASE("missing and null fields stay empty", "[common]") {
    const auto release = parse_jsonl_record(R"({"title":"Only a title","date":null,"url":null})");
    CHECK(release.title == "Only a title");
    CHECK(release.id.empty());
    CHECK(release.date.empty());
    CHECK(release.url.empty());
    CHECK(release.body.empty());
    CHECK(parse_jsonl_record(R"({"body":"Only a body"})").body == "Only a body");
}

TEST_CASE("dates are normalised to ISO 8601", "[common]") {
    auto [date, expected] = GENERATE(table<std::string, std::string>({
        {"2024-05-06", "2024-05-06"},
        {"2024-05-06T10:30:00", "2024-05-06T10:30:00"},
        {"2024-05-06T10:30:00Z", "2024-05-06T10:30:00Z"},  // a zoned time stays UTC
        {"2024-05-06 10:30", "2024-05-06T10:30:00"},
        {"May 6, 2024", "2024-05-06"},
        {"6 May 2024", "2024-05-06"},
        {"", ""},
        {"   ", ""},
    }));
    CAPTURE(date);
    const auto release = parse_jsonl_record(R"({"title":"T","date":")" + date + R"("})");
    CHECK(release.date == expected);
}

TEST_CASE("parse_jsonl_record explains what is wrong", "[common]") {
    auto [line, message] = GENERATE(table<std::string, std::string>({
        {"[1,2]", "not a JSON object"},
        {"\"text\"", "not a JSON object"},
        {"42", "not a JSON object"},
        {"null", "not a JSON object"},
        {R"({"title":42})", "field \"title\" must be a string"},
        {R"({"title":"T","body":["a"]})", "field \"body\" must be a string"},
        {R"({"title":"T","date":20240506})", "field \"date\" must be a string"},
        {R"({"id":7.5,"title":"T"})", "field \"id\" must be a string"},
        {R"({"id":true,"title":"T"})", "field \"id\" must be a string"},
        {R"({"title":"T","topics":[1]})",
         "field \"topics\" must be a string or an array of strings"},
        {R"({"title":"T","topics":{"a":1}})",
         "field \"topics\" must be a string or an array of strings"},
        {"{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}",
         "JSON nested deeper than 64 levels"},
        {R"({"title":"T","lang":true})", "field \"lang\" must be a string"},
        {"{\"title\":\"Caf\xFF\"}", "invalid UTF-8 at byte 14"},
        {"\xC3", "invalid UTF-8 at byte 1"},
        {"{\"title\":\"\xED\xA0\x80\"}", "invalid UTF-8 at byte 11"},
        {R"({"id":"no-text","title":"","body":""})", "record has neither \"title\" nor \"body\""},
        {R"({"id":"blank","title":"  ","body":"\n\n"})",
         "record has neither \"title\" nor \"body\""},
        {R"({"id":"only-id"})", "record has neither \"title\" nor \"body\""},
        {R"({"title":"T","date":"2019-13-45"})",
         "invalid \"date\" value \"2019-13-45\" " + expected_date_hint},
        {R"({"title":"T","date":"2023-02-29"})",
         "invalid \"date\" value \"2023-02-29\" " + expected_date_hint},
        {R"({"title":"T","date":"yesterday \"late\""})",
         "invalid \"date\" value \"yesterday \\\"late\\\"\" " + expected_date_hint},
        {R"({"title":"T","date":")" + std::string(100, '9') + R"("})",
         "invalid \"date\" value \"" + std::string(60, '9') + "\"... " + expected_date_hint},
    }));
    CAPTURE(line);
    REQUIRE_THROWS_AS(parse_jsonl_record(line), ParseError);
    REQUIRE_THROWS_WITH(parse_jsonl_record(line), message);
}

TEST_CASE("invalid JSON gives nlohmann's reason without its prefix", "[common]") {
    auto line = GENERATE(as<std::string>{}, R"({"id": "x", "title": )", "{", "", "{'a':1}",
                         R"({"a":1} trailing)", R"({"a":tru})");
    CAPTURE(line);
    try {
        parse_jsonl_record(line);
        FAIL("no exception");
    } catch (const ParseError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, StartsWith("invalid JSON: "));
        CHECK_THAT(message, Catch::Matchers::Contains("(at byte "));
        CHECK(message.find("[json.exception") == std::string::npos);
        CHECK(message.find("parse error at line") == std::string::npos);
        CHECK(error.line == 0);
    }
}

TEST_CASE("invalid JSON names the 1-based byte where parsing stopped", "[common]") {
    // 21 bytes: the parser stops just past the end.
    REQUIRE_THROWS_WITH(parse_jsonl_record(R"({"id": "x", "title": )"),
                        "invalid JSON: unexpected end of input; expected '[', '{', or a literal "
                        "(at byte 22)");
    REQUIRE_THROWS_WITH(parse_jsonl_record(R"({"a":tru})"),
                        "invalid JSON: invalid literal; last read: '\"a\":tru}' (at byte 9)");
}

TEST_CASE("the releases fixture holds six valid records, plain and gzipped", "[common]") {
    auto file = GENERATE(as<std::string>{}, "releases.jsonl", "releases.jsonl.gz");
    CAPTURE(file);
    dateline::LineReader reader(data_dir + "/jsonl/" + file);
    std::vector<dateline::PressRelease> releases;
    std::string line;
    while (reader.next(line)) releases.push_back(parse_jsonl_record(line));
    REQUIRE(releases.size() == 6);
    for (std::size_t i = 0; i < releases.size(); ++i) {
        const std::string number = "00" + std::to_string(i + 1);
        CHECK(releases[i].id == "fixture-" + number);
        CHECK(releases[i].url == "https://example.org/releases/" + number);
        CHECK(releases[i].lang == "en");
        CHECK(releases[i].body.find("\n\n") != std::string::npos);
    }
    CHECK(releases[1].date == "2024-05-06T10:30:00");
    CHECK(releases[5].date == "2019-08-30");
}

TEST_CASE("mixed.jsonl has three good records among the bad", "[common]") {
    const std::vector<std::string> expected = {
        "ok mixed-001",
        "invalid JSON: unexpected end of input; expected '[', '{', or a literal (at byte 22)",
        "ok mixed-003",
        "not a JSON object",
        "invalid UTF-8 at byte 30",
        "record has neither \"title\" nor \"body\"",
        "invalid \"date\" value \"2019-13-45\" " + expected_date_hint,
        "ok mixed-008",
        "skipped",
        "field \"title\" must be a string",
    };
    dateline::LineReader reader(data_dir + "/bad/mixed.jsonl");
    std::vector<std::string> outcomes;
    std::string line;
    std::vector<dateline::PressRelease> good;
    while (reader.next(line)) {
        if (line.empty()) {
            outcomes.push_back("skipped");  // the caller's rule for blank lines
            continue;
        }
        try {
            good.push_back(parse_jsonl_record(line));
            outcomes.push_back("ok " + good.back().id);
        } catch (const ParseError& error) {
            outcomes.push_back(error.what());
        }
    }
    CHECK(outcomes == expected);
    REQUIRE(good.size() == 3);
    CHECK(good[1].date == "2024-03-05");
    CHECK(good[2].date == "2024-02-01T09:00:00");
}
