#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "field_map.hpp"
#include "json_document.hpp"
#include "jsonl_reader.hpp"

using dateline::FieldMap;
using dateline::ParseError;
using dateline::PressRelease;

namespace {

struct Read {
    std::vector<PressRelease> records;
    std::vector<std::size_t> lines;
    std::vector<std::string> skips;  // "LINE: MESSAGE"
    std::vector<std::string> warnings;
};

// Reads `text` handing it over `chunk` bytes at a time.
Read read_document(const std::string& text, std::size_t chunk = 7, const FieldMap& map = {},
                   std::size_t stop_after = 0) {
    Read read;
    dateline::ReaderEvents events;
    events.on_record = [&](PressRelease&& release, std::size_t line) {
        read.records.push_back(std::move(release));
        read.lines.push_back(line);
    };
    events.on_skip = [&](std::size_t line, const std::string& message) {
        read.skips.push_back(std::to_string(line) + ": " + message);
    };
    events.on_warning = [&](std::size_t line, const std::string& message) {
        read.warnings.push_back(std::to_string(line) + ": " + message);
    };
    if (stop_after > 0) {
        events.stop_requested = [&] { return read.records.size() >= stop_after; };
    }
    std::size_t pos = 0;
    dateline::read_json_document(
        [&](char* buffer, std::size_t capacity) {
            const std::size_t n = std::min({capacity, chunk, text.size() - pos});
            std::memcpy(buffer, text.data() + pos, n);
            pos += n;
            return n;
        },
        map, events);
    return read;
}

}  // namespace

TEST_CASE("a JSON array gives one release per object, with its line", "[common]") {
    const std::string text =
        "[\n  {\"id\": \"a\", \"title\": \"First\"},\n\n"
        "  {\"id\": \"b\",\n   \"body\": \"Second\"}\n]\n";
    for (const std::size_t chunk : {1, 3, 1000}) {
        CAPTURE(chunk);
        const Read r = read_document(text, chunk);
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].id == "a");
        CHECK(r.records[1].body == "Second");
        CHECK(r.lines == std::vector<std::size_t>{2, 4});
        CHECK(r.skips.empty());
    }
}

TEST_CASE("a single JSON object is one release", "[common]") {
    const Read r = read_document("{\n  \"title\": \"Alone\",\n  \"date\": \"2020-02-02\"\n}\n");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].title == "Alone");
    CHECK(r.records[0].date == "2020-02-02");
    CHECK(r.lines == std::vector<std::size_t>{1});
}

TEST_CASE("bad elements are skipped, the array goes on", "[common]") {
    const Read r = read_document(
        "[{\"title\": \"ok\"},\n 42,\n [1, 2],\n {\"title\": 5},\n {\"body\": \"ok too\"}]");
    CHECK(r.records.size() == 2);
    CHECK(r.skips == std::vector<std::string>{"2: array element is not a JSON object",
                                              "3: array element is not a JSON object",
                                              "4: field \"title\" must be a string"});
}

TEST_CASE("invalid JSON ends the document, keeping the releases before it", "[common]") {
    const Read r = read_document("[{\"title\": \"kept\"},\n{\"title\": \"cut\"\n");
    CHECK(r.records.size() == 1);
    REQUIRE(r.skips.size() == 1);
    CHECK_THAT(r.skips[0], Catch::StartsWith("3: invalid JSON: ") &&
                               Catch::EndsWith("; the rest of the document is skipped"));
    SECTION("trailing content after the document") {
        const Read after = read_document("[{\"title\": \"kept\"}]\n[{\"title\": \"more\"}]");
        CHECK(after.records.size() == 1);
        REQUIRE(after.skips.size() == 1);
        CHECK_THAT(after.skips[0], Catch::Contains("invalid JSON: "));
    }
}

TEST_CASE("documents that hold no release say so", "[common]") {
    CHECK(read_document("[]").skips ==
          std::vector<std::string>{"0: the JSON array holds no releases"});
    CHECK(read_document("\"text\"").skips ==
          std::vector<std::string>{
              "1: the JSON document is a single value, not an object or an array of objects"});
}

TEST_CASE("deep nesting is refused before it is built", "[common]") {
    const std::size_t depth = 200000;
    const Read r = read_document("[{\"title\": \"kept\"}, " + std::string(depth, '[') +
                                     std::string(depth, ']') + "]",
                                 4096);
    CHECK(r.records.size() == 1);
    CHECK(r.skips == std::vector<std::string>{
                         "1: JSON nested deeper than 64 levels; the rest of the document is "
                         "skipped"});
    SECTION("nesting up to the limit is fine") {
        std::string nested = "{\"title\": \"deep\", \"x\": ";
        nested += std::string(60, '[') + std::string(60, ']') + "}";
        CHECK(read_document("[" + nested + "]").records.size() == 1);
    }
    SECTION("parse_json_value refuses it too") {
        const std::string deep = std::string(depth, '[') + std::string(depth, ']');
        REQUIRE_THROWS_WITH(dateline::parse_json_value(deep), "JSON nested deeper than 64 levels");
        CHECK(dateline::parse_json_value(std::string(64, '[') + std::string(64, ']')).is_array());
    }
}

TEST_CASE("an element larger than the limit ends the document without being held",
          "[common]") {
    std::string text = "[{\"title\": \"kept\"},\n{\"title\": \"huge\", \"body\": \"";
    text.append(dateline::max_json_element_bytes, 'x');
    text += "\"},\n{\"title\": \"after\"}]";
    const Read r = read_document(text, 1 << 20);
    CHECK(r.records.size() == 1);
    CHECK(r.skips == std::vector<std::string>{
                         "2: JSON element larger than 64 MiB; the rest of the document is "
                         "skipped"});
}

TEST_CASE("bytes that are not UTF-8 are read as Windows-1252 once warned", "[common]") {
    const Read r = read_document("[{\"title\": \"ok\"},\n{\"title\": \"Z\xFCrich\"}]", 5);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].title == "Z\xC3\xBCrich");
    CHECK(r.warnings == std::vector<std::string>{
                            "2: not valid UTF-8 (byte 31); 1 byte(s) read as Windows-1252"});
}

TEST_CASE("a stop request ends the document early and quietly", "[common]") {
    const Read r = read_document("[{\"title\": \"1\"}, {\"title\": \"2\"}, {\"title\": \"3\"}]", 7,
                                 {}, 1);
    CHECK(r.records.size() == 1);
    CHECK(r.skips.empty());
}

TEST_CASE("field maps rename fields and reach into nested objects", "[common]") {
    FieldMap map;
    REQUIRE(map.add("title=headline, body=text").empty());
    REQUIRE(map.add("source=meta.agency,date=meta.published").empty());
    const Read r = read_document(
        R"([{"headline": "Mapped", "text": "Body", "title": "ignored",
             "meta": {"agency": "Harbor Wire", "published": "1 Mar 2021"}},
            {"headline": "No meta", "text": "b", "meta": "flat"}])",
        11, map);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].title == "Mapped");
    CHECK(r.records[0].body == "Body");
    CHECK(r.records[0].source == "Harbor Wire");
    CHECK(r.records[0].date == "2021-03-01");
    CHECK(r.records[1].source.empty());
    SECTION("errors name the input's field") {
        const Read bad = read_document(R"([{"headline": 3}, {"id": "x"}])", 100, map);
        CHECK(bad.skips == std::vector<std::string>{
                               "1: field \"headline\" must be a string",
                               "1: record has neither \"headline\" nor \"text\""});
    }
    SECTION("a field literally named with a dot wins over the path") {
        FieldMap dotted;
        REQUIRE(dotted.add("title=a.b").empty());
        const Read d = read_document(R"({"a.b": "literal", "a": {"b": "nested"}})", 100, dotted);
        REQUIRE(d.records.size() == 1);
        CHECK(d.records[0].title == "literal");
    }
}

TEST_CASE("FieldMap checks its specs", "[common]") {
    FieldMap map;
    CHECK(map.add("title=headline").empty());
    CHECK(map.input_name("title") == "headline");
    CHECK(map.input_name("body") == "body");
    CHECK(map.add("title=headline").empty());  // the same again is fine
    CHECK(map.add("title=other") == "--map: field 'title' is mapped twice");
    CHECK(map.add("heading=x") ==
          "--map: unknown field 'heading' (valid: id, title, date, source, place, url, lang, "
          "body, topics)");
    CHECK(map.add("body") == "--map expects FIELD=NAME pairs, got 'body'");
    CHECK(map.add("body=text,") == "--map expects FIELD=NAME pairs, got ''");
    CHECK(map.add("body=") == "--map: no input field name for 'body'");
    CHECK(map.add("date=a,date=b") == "--map: field 'date' is mapped twice");
    // A failed spec adds nothing.
    CHECK(map.input_name("date") == "date");
    CHECK(map.input_name("body") == "body");
}
