// End-to-end: hostile search text against the real server over the fixtures. Whatever arrives
// in q (or in the source, place and from filters) gets a 200 with hits or a 400 with the JSON
// error shape: never a 5xx, never a dropped connection, and the server keeps answering.

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "e2e_server.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

struct Hostile {
    std::string name;     // what the case is, for the report
    std::string encoded;  // the value as it goes on the wire, already percent-encoded
};

Hostile raw(std::string name, const std::string& text) { return {std::move(name), url_encode(text)}; }
Hostile wire(std::string name, std::string encoded) { return {std::move(name), std::move(encoded)}; }

// 1024 bytes (the q limit) of words, operators, phrases, prefixes and brackets.
std::string long_mixed_query(std::size_t bytes) {
    const std::vector<std::string> pieces = {
        "harbour", "AND", "(development", "OR", "\"belt and road\")", "NOT", "title:ferry",
        "NEAR/3", "+quality", "-river", "lantern*", "date:2020..2024", "XOR", "ADJ/2", "发展"};
    std::string out;
    for (std::size_t i = 0; out.size() < bytes; ++i) {
        if (!out.empty()) out += ' ';
        out += pieces[i % pieces.size()];
    }
    // Cut back to a whole UTF-8 character, then pad with ASCII to the exact length.
    while (out.size() > bytes) out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) out.pop_back();
    out.append(bytes - out.size(), 'x');
    return out;
}

std::vector<Hostile> hostile_values() {
    const std::string nested = std::string(300, '(') + "harbour" + std::string(300, ')');
    return {
        // Size.
        raw("1024 bytes of words and operators", long_mixed_query(1024)),
        raw("1025 bytes: over the limit", long_mixed_query(1025)),
        raw("one 1024-byte word", std::string(1024, 'a')),
        raw("300 nested brackets", nested),
        raw("300 opening brackets", std::string(300, '(') + "harbour"),
        raw("300 closing brackets", "harbour" + std::string(300, ')')),
        // Only operators.
        raw("AND OR NOT", "AND OR NOT"),
        raw("NEAR/5", "NEAR/5"),
        raw("signs and quote", "+ - * \""),
        raw("OR OR OR", "OR OR OR"),
        raw("NOT NOT harbour", "NOT NOT harbour"),
        raw("trailing NEAR", "harbour NEAR/5"),
        raw("huge NEAR distance", "harbour NEAR/99999999999 ferry"),
        raw("ADJ first", "ADJ/3 harbour"),
        raw("lone plus", "+"),
        raw("only a negation", "-harbour"),
        raw("unterminated quote", "\"harbour ferry"),
        raw("five quotes", "\"\"\"\"\""),
        // Control characters.
        raw("SOH around a word", "\x01harbour\x01"),
        raw("DEL", "\x7f"),
        raw("tab between words", "harbour\tferry"),
        raw("newlines around AND", "harbour\nAND\nferry"),
        raw("CR LF", "harbour\r\nferry"),
        wire("NUL inside a word", "harb%00our"),
        wire("NUL alone", "%00"),
        raw("whitespace only", " \t "),
        // Invalid UTF-8.
        wire("lone 0xFF", "%FF"),
        wire("0xFF after a word", "harbour%FF"),
        wire("overlong slash", "%C0%AF"),
        wire("lone surrogate", "%ED%A0%80"),
        wire("truncated sequence", "%E5%8F"),
        wire("continuation bytes only", "%80%80%80"),
        // Scripts, emoji, direction marks.
        raw("mixed CJK and Latin", "press 发展 release"),
        raw("CJK then AND", "发展 AND"),
        raw("AND then CJK", "AND 发展"),
        raw("quoted CJK and Latin", "\"发展 press\""),
        raw("emoji and a word", "🚢 harbour"),
        raw("emoji only", "😀😀😀"),
        raw("right-to-left Arabic", "مرحبا harbour"),
        raw("right-to-left Hebrew", "שלום עולם"),
        raw("RTL override mark", "\u202Eharbour\u202C"),
        raw("zero-width space in a word", "har\u200Bbour"),
        // Field prefixes with nothing after them.
        raw("title:", "title:"),
        raw("source:", "source:"),
        raw("date:", "date:"),
        raw("place:", "place:"),
        raw("empty quoted title", "title:\"\""),
        raw("prefix chain", "title:title:title:harbour"),
        // Broken dates and years.
        raw("reversed date range", "date:2019..2018"),
        raw("letters as dates", "date:abc..def"),
        raw("open both ends", "date:.."),
        raw("impossible day", "date:2018-13-45..2019"),
        raw("five-digit year", "year:99999"),
        raw("empty year", "year:"),
        // Wildcards.
        raw("star", "*"),
        raw("a star", "a*"),
        raw("two stars", "**"),
        raw("leading star", "*harbour"),
        // Percent signs and backslashes.
        raw("percent", "100%"),
        raw("percents", "%%%"),
        raw("encoded-looking text", "%41%ZZ"),
        raw("backslash", "\\"),
        raw("Windows path", "C:\\Windows\\system32"),
        // Injection-looking text.
        raw("script tag", "<script>alert(1)</script>"),
        raw("SQL tautology", "' OR 1=1 --"),
        raw("SQL drop", "\"; DROP TABLE releases; --"),
        raw("query-string smuggling", "harbour&size=1000&q=x"),
        raw("JSON-looking", "{\"$ne\": null}"),
    };
}

// The fixtures, indexed once per test run.
const std::string& indexed_fixtures() {
    static const IndexedFixtures fixtures;
    return fixtures.db;
}

// Checks one response: 200 with a hits array or 400 with {"error":{"code","message"}}.
void check_answer(const httplib::Result& res, const std::string& request) {
    INFO("GET " << request);
    REQUIRE(res);  // a dropped connection fails here
    INFO("status " << res->status << ", body " << res->body.substr(0, 500));
    CHECK(res->status < 500);
    CHECK((res->status == 200 || res->status == 400));
    CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    const json body = json::parse(res->body, nullptr, false);
    REQUIRE_FALSE(body.is_discarded());
    if (res->status == 200) {
        CHECK(body["hits"].is_array());
        CHECK(body["total"].is_number());
    } else if (res->status == 400) {
        CHECK(body["error"]["code"].is_string());
        CHECK(body["error"]["message"].is_string());
    }
}

void check_still_healthy(const RunningServer& server) {
    auto res = server.client().Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
}

}  // namespace

TEST_CASE("hostile q values get results or a 400, never a 5xx", "[e2e]") {
    const auto values = hostile_values();
    REQUIRE(values.size() >= 40);
    const Hostile value = GENERATE_COPY(from_range(values));
    CAPTURE(value.name);
    RunningServer server(indexed_fixtures());
    const std::string request = "/api/search?q=" + value.encoded;
    check_answer(server.client().Get(request.c_str()), request);
    check_still_healthy(server);
}

TEST_CASE("hostile values in the filter parameters get results or a 400", "[e2e]") {
    const auto values = hostile_values();
    const std::string parameter = GENERATE(as<std::string>{}, "source", "place", "from");
    const Hostile value = GENERATE_COPY(from_range(values));
    CAPTURE(parameter, value.name);
    RunningServer server(indexed_fixtures());
    for (const char* prefix : {"q=harbour&", ""}) {
        const std::string request =
            std::string("/api/search?") + prefix + parameter + "=" + value.encoded;
        check_answer(server.client().Get(request.c_str()), request);
    }
    check_still_healthy(server);
}

TEST_CASE("one server takes the whole hostile table and still answers", "[e2e]") {
    RunningServer server(indexed_fixtures());
    auto client = server.client();
    int answered = 0;
    for (const auto& value : hostile_values()) {
        CAPTURE(value.name);
        for (const std::string& request :
             {"/api/search?q=" + value.encoded, "/api/search?q=ferry&source=" + value.encoded,
              "/api/search?q=ferry&place=" + value.encoded,
              "/api/search?q=ferry&from=" + value.encoded}) {
            auto res = client.Get(request.c_str());
            INFO("GET " << request);
            REQUIRE(res);
            CHECK(res->status < 500);
            ++answered;
        }
    }
    CHECK(answered >= 160);
    check_still_healthy(server);
    // And ordinary searches still work.
    auto [status, body] = server.get_json("/api/search?q=harbour");
    CHECK(status == 200);
    CHECK(body["total"] == 6);
}
