#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "html_text.hpp"
#include "utf8.hpp"

using dateline::html_to_text;

TEST_CASE("html_to_text lays out blocks, breaks and whitespace", "[common]") {
    std::string html;
    std::string text;
    std::tie(html, text) = GENERATE(table<std::string, std::string>({
        {"<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
        {"<div><div><p>Nested.</p></div></div><p>Next.</p>", "Nested.\n\nNext."},
        {"<h1>Head</h1>Loose text<p>Para</p>", "Head\n\nLoose text\n\nPara"},
        {"First line<br>second line<br/>third", "First line\nsecond line\nthird"},
        {"One<br><br>Two<br>\n <br />Three", "One\n\nTwo\n\nThree"},
        {"<p>  spread \n\t over   lines  </p>", "spread over lines"},
        {"<p>Hel<b>lo</b> <i>wor</i>ld</p>", "Hello world"},
        {"<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"},
        {"<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc"},
        {"<pre>line one\n  line two</pre>", "line one\nline two"},
        {"plain text without tags", "plain text without tags"},
        {"<p>A</p><hr><p>B</p>", "A\n\nB"},
    }));
    CAPTURE(html);
    CHECK(html_to_text(html) == text);
}

TEST_CASE("html_to_text decodes entities", "[common]") {
    CHECK(html_to_text("AT&amp;T &lt;tag&gt; caf&eacute; &#8212; &#x4E2D;") ==
          "AT&T <tag> caf\xC3\xA9 \xE2\x80\x94 \xE4\xB8\xAD");
    // A non-breaking space separates words like any space.
    CHECK(html_to_text("<p>&nbsp;Ten&nbsp;&nbsp;miles&nbsp;</p>") == "Ten miles");
}

TEST_CASE("html_to_text leaves out scripts, styles and the head", "[common]") {
    const std::string page =
        "<!DOCTYPE html><html><head><title>Page title</title>"
        "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>"
        "<body><noscript>Enable JavaScript</noscript>"
        "<template><p>template text</p></template>"
        "<p>Kept <script>document.write('gone')</script>paragraph.</p>"
        "<svg><text>vector label</text></svg></body></html>";
    CHECK(html_to_text(page) == "Kept paragraph.");
}

TEST_CASE("html_to_text returns nothing for pages without text", "[common]") {
    CHECK(html_to_text("").empty());
    CHECK(html_to_text("   \n\t ").empty());
    CHECK(html_to_text("<html><body><div><p> </p><br></div></body></html>").empty());
    CHECK(html_to_text("<!-- only a comment -->").empty());
}

TEST_CASE("html_to_text survives broken and hostile markup", "[common]") {
    SECTION("unclosed tags and stray end tags") {
        CHECK(html_to_text("<p>one<p>two</span></div><b>three") == "one\n\ntwothree");
    }
    SECTION("invalid UTF-8 becomes U+FFFD") {
        CHECK(html_to_text("<p>bad \xFF byte</p>") == "bad \xEF\xBF\xBD byte");
    }
    SECTION("NUL bytes do not end the input") {
        const std::string with_nul("<p>before</p>\0<p>after</p>", 26);
        CHECK(html_to_text(with_nul).find("after") != std::string::npos);
    }
    SECTION("very deep nesting is parsed quickly and keeps its text") {
        // Gumbo alone needs minutes for this; the nesting limit keeps it linear.
        std::string deep;
        for (int i = 0; i < 200000; ++i) deep += "<div>";
        deep += "deep text";
        CHECK(html_to_text(deep) == "deep text");
    }
}

TEST_CASE("html_to_text gives valid UTF-8 for numeric references gumbo cannot decode", "[common]") {
    // Found by fuzzing: a hexadecimal reference too long for 32 bits, cut by a control byte.
    const std::string html = "a &#x1cccccccc\x01 b &#xD800; c &#0; d &#1114112; e";
    const std::string text = html_to_text(html);
    CHECK(dateline::utf8::is_valid(text));
    CHECK_THAT(text, Catch::StartsWith("a "));
    CHECK_THAT(text, Catch::EndsWith(" e"));
}
