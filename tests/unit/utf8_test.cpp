#include <string>

#include <catch2/catch.hpp>

#include "utf8.hpp"

using namespace std::string_literals;
namespace utf8 = dateline::utf8;

TEST_CASE("first_invalid finds the first ill-formed byte", "[common]") {
    auto [text, expected] = GENERATE(table<std::string, std::size_t>({
        {"", 0},
        {"plain ascii", 11},
        {"a\0b"s, 3},                   // NUL is valid UTF-8
        {"caf\xC3\xA9", 5},             // é
        {"\xE2\x82\xAC 5", 5},          // €
        {"\xF0\x9F\x98\x80", 4},        // U+1F600, four bytes
        {"\xF4\x8F\xBF\xBF", 4},        // U+10FFFF, the last code point
        {"ok\xFF", 2},                  // never valid in UTF-8
        {"a\x80", 1},                   // continuation byte without a lead
        {"ab\xC3", 2},                  // sequence cut short at the end
        {"\xC3(", 0},                   // lead byte followed by ASCII
        {"\xC0\xAF", 0},                // overlong "/"
        {"\xE0\x80\xAF", 0},            // overlong, three bytes
        {"\xF0\x80\x80\xAF", 0},        // overlong, four bytes
        {"x\xED\xA0\x80", 1},           // UTF-16 surrogate D800
        {"\xF4\x90\x80\x80", 0},        // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},        // lead byte out of range
        {"caf\xE9 au lait", 3},         // Latin-1 é
    }));
    CAPTURE(text);
    CHECK(utf8::first_invalid(text) == expected);
    CHECK(utf8::is_valid(text) == (expected == text.size()));
}

TEST_CASE("from_windows1252 decodes every byte into UTF-8", "[common]") {
    auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"plain", "plain"},
        {"caf\xE9", "caf\xC3\xA9"},
        {"Z\xFCrich", "Z\xC3\xBCrich"},
        {"\x80" "5", "\xE2\x82\xAC" "5"},               // euro sign
        {"\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
        {"a \x96 b", "a \xE2\x80\x93 b"},               // en dash
        {"\x9F", "\xC5\xB8"},                           // Ÿ
        {"\x81", "\xC2\x81"},                           // unassigned: the C1 control
        {"\xA0\xFF", "\xC2\xA0\xC3\xBF"},
    }));
    CHECK(utf8::from_windows1252(input) == expected);
}

TEST_CASE("from_windows1252 output is always valid UTF-8", "[common]") {
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    const std::string decoded = utf8::from_windows1252(all_bytes);
    CHECK(utf8::is_valid(decoded));
    CHECK(decoded.substr(0, 128) == all_bytes.substr(0, 128));
}

TEST_CASE("strip_bom removes one leading byte-order mark only", "[common]") {
    CHECK(utf8::strip_bom("\xEF\xBB\xBFTitle") == "Title");
    CHECK(utf8::strip_bom("\xEF\xBB\xBF\xEF\xBB\xBFx") == "\xEF\xBB\xBFx");
    CHECK(utf8::strip_bom("Title\xEF\xBB\xBF") == "Title\xEF\xBB\xBF");
    CHECK(utf8::strip_bom("\xEF\xBB") == "\xEF\xBB");
    CHECK(utf8::strip_bom("").empty());
}

TEST_CASE("repaired replaces each ill-formed byte with U+FFFD and keeps the rest", "[common]") {
    CHECK(utf8::repaired("") == "");
    CHECK(utf8::repaired("caf\xC3\xA9 \xE4\xB8\xAD") == "caf\xC3\xA9 \xE4\xB8\xAD");
    CHECK(utf8::repaired("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(utf8::repaired("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(utf8::repaired("end\xE4\xB8") == "end\xEF\xBF\xBD\xEF\xBF\xBD");          // cut short
    CHECK(utf8::is_valid(utf8::repaired("\xC0\xAF\xF8\x88\x80\x80\x80 ok")));
}
