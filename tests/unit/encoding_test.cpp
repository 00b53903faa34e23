#include <string>

#include <catch2/catch.hpp>

#include "encoding.hpp"

namespace encoding = dateline::encoding;
using namespace std::string_literals;

TEST_CASE("UTF-8 passes, a UTF-8 byte-order mark is dropped", "[common]") {
    const auto plain = encoding::text_to_utf8("caf\xC3\xA9\n");
    CHECK(plain.text == "caf\xC3\xA9\n");
    CHECK(plain.warning.empty());
    const auto bom = encoding::text_to_utf8("\xEF\xBB\xBFtitle\n");
    CHECK(bom.text == "title\n");
    CHECK(bom.warning.empty());
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252, naming line and byte", "[common]") {
    const auto decoded = encoding::text_to_utf8("Title\nSecond line\nZ\xFCrich \x80 5\n");
    CHECK(decoded.text == "Title\nSecond line\nZ\xC3\xBCrich \xE2\x82\xAC 5\n");
    CHECK(decoded.warning == "not valid UTF-8 (line 3, byte 20); read as Windows-1252");
}

TEST_CASE("UTF-16 is recognised with or without a byte-order mark", "[common]") {
    CHECK(encoding::detect_utf16("\xFF\xFEt\0"s) == encoding::Utf16::little_endian);
    CHECK(encoding::detect_utf16("\xFE\xFF\0t"s) == encoding::Utf16::big_endian);
    CHECK(encoding::detect_utf16("T\0i\0t\0l\0e\0 \0"s) == encoding::Utf16::little_endian);
    CHECK(encoding::detect_utf16("\0T\0i\0t\0l\0e\0 "s) == encoding::Utf16::big_endian);
    CHECK(encoding::detect_utf16("plain ASCII text") == encoding::Utf16::none);
    CHECK(encoding::detect_utf16("a\0\0b\0c\xFF\0\0\x01\0\x02"s) == encoding::Utf16::none);
}

TEST_CASE("UTF-16 is converted, surrogate pairs included", "[common]") {
    SECTION("little-endian with a mark: no warning") {
        // "é€😀\n": U+00E9, U+20AC, U+1F600 (D83D DE00), LF
        const auto d = encoding::text_to_utf8("\xFF\xFE\xE9\x00\xAC\x20\x3D\xD8\x00\xDE\n\0"s);
        CHECK(d.text == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n");
        CHECK(d.warning.empty());
    }
    SECTION("big-endian without a mark: converted, with a warning") {
        const auto d = encoding::text_to_utf8("\0N\0e\0w\0s\0 \0t\0o\0d\0a\0y"s);
        CHECK(d.text == "News today");
        CHECK(d.warning == "no byte-order mark, but the bytes are UTF-16BE; converted to UTF-8");
    }
    SECTION("an unpaired surrogate and an odd last byte become U+FFFD") {
        const auto d = encoding::text_to_utf8("\xFF\xFE" "a\0\x00\xD8" "b\0c"s);
        CHECK(d.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
        CHECK(d.warning ==
              "2 invalid UTF-16LE code unit(s) replaced with U+FFFD; converted to UTF-8");
    }
}

TEST_CASE("HTML pages are converted from their declared charset", "[common]") {
    SECTION("valid UTF-8 is kept whatever the page declares") {
        const std::string page = "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>";
        CHECK(encoding::html_to_utf8(page).text == page);
    }
    SECTION("Latin-1 and Windows-1252 declarations need no warning") {
        const auto d = encoding::html_to_utf8(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
            "charset=ISO-8859-1\"></head><p>Z\xFCrich \x93quoted\x94</p>");
        CHECK(d.text.find("Z\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D") != std::string::npos);
        CHECK(d.warning.empty());
    }
    SECTION("other charsets go through iconv: GB2312 (read as GBK)") {
        // "外交部" in GB2312.
        const auto d =
            encoding::html_to_utf8("<meta charset='gb2312'><h1>\xCD\xE2\xBD\xBB\xB2\xBF</h1>");
        CHECK(d.text == "<meta charset='gb2312'><h1>\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8</h1>");
        CHECK(d.warning.empty());
    }
    SECTION("no declaration: Windows-1252 with a warning") {
        const auto d = encoding::html_to_utf8("<p>\n caf\xE9</p>");
        CHECK(d.text == "<p>\n caf\xC3\xA9</p>");
        CHECK(d.warning ==
              "not valid UTF-8 and no charset declared (line 2, byte 9); read as Windows-1252");
    }
    SECTION("an unknown charset: Windows-1252 with a warning") {
        const auto d = encoding::html_to_utf8("<meta charset=\"x-no-such\"><p>caf\xE9</p>");
        CHECK(d.text.find("caf\xC3\xA9") != std::string::npos);
        CHECK(d.warning.find("declared charset \"x-no-such\"") != std::string::npos);
    }
}

TEST_CASE("the declared charset is found in meta tags only", "[common]") {
    CHECK(encoding::declared_html_charset("<META CHARSET=UTF-8>") == "utf-8");
    CHECK(encoding::declared_html_charset(
              "<meta http-equiv=\"content-type\" content=\"text/html;charset=windows-1252\"/>") ==
          "windows-1252");
    CHECK(encoding::declared_html_charset("<script>var charset='gb2312';</script>").empty());
    CHECK(encoding::declared_html_charset("<meta charset=\"\xFF\xFEx\">").empty());
    CHECK(encoding::declared_html_charset("<meta charset=iso-8859-15\xFF>") == "iso-8859-15");
    CHECK(encoding::declared_html_charset(std::string(9000, ' ') + "<meta charset=utf-8>").empty());
}

TEST_CASE("line ends are normalised to LF", "[common]") {
    CHECK(encoding::normalize_line_ends("a\r\nb\r\n") == "a\nb\n");
    CHECK(encoding::normalize_line_ends("old\rmac\r") == "old\nmac\n");
    CHECK(encoding::normalize_line_ends("a\nb\rc\n") == "a\nb\rc\n");
    CHECK(encoding::normalize_line_ends("none") == "none");
}

TEST_CASE("Utf8Repair repairs a stream chunk by chunk", "[common]") {
    const std::string input = "ok \xE2\x82\xAC\nline two caf\xE9\n\xC3\xA9 end \xFF";
    for (std::size_t chunk = 1; chunk <= input.size(); ++chunk) {
        CAPTURE(chunk);
        encoding::Utf8Repair repair;
        std::string out;
        for (std::size_t pos = 0; pos < input.size(); pos += chunk) {
            const bool last = pos + chunk >= input.size();
            repair.feed(std::string_view(input).substr(pos, chunk), last, out);
        }
        CHECK(out == "ok \xE2\x82\xAC\nline two caf\xC3\xA9\n\xC3\xA9 end \xC3\xBF");
        CHECK(repair.repaired() == 2);
        CHECK(repair.first_line() == 2);
        CHECK(repair.first_byte() == 20);
    }
}

TEST_CASE("describe_offset gives 1-based line and byte", "[common]") {
    CHECK(encoding::describe_offset("abc", 0) == "line 1, byte 1");
    CHECK(encoding::describe_offset("a\nb\nc", 4) == "line 3, byte 5");
}
