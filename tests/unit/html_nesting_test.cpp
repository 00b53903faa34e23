#include <string>

#include <catch2/catch.hpp>

#include "html_nesting.hpp"

using dateline::html::limit_nesting;

TEST_CASE("limit_nesting leaves ordinary markup alone", "[common]") {
    CHECK_FALSE(limit_nesting("<html><body><div><p>text</p></div></body></html>", 3));
    // Elements a browser closes by itself, void elements and raw text do not pile up.
    CHECK_FALSE(limit_nesting("<div><p>a<p>b<li>c<li>d<br><img src=x><td>e</div>", 1));
    CHECK_FALSE(limit_nesting("<div><script>if (a<b) { '<div><div><div>' }</script></div>", 1));
    CHECK_FALSE(limit_nesting("<div><!-- <div><div> --></div>", 1));
    // An end tag closes the elements opened after its own start tag, as in a browser.
    CHECK_FALSE(limit_nesting("<div><span><b></div><div><span><b></div>", 3));
    // A '>' inside a quoted attribute value does not end the tag.
    CHECK_FALSE(limit_nesting("<div title='a > b'><span>x</span></div>", 2));
}

TEST_CASE("limit_nesting removes start tags beyond the depth and keeps the text", "[common]") {
    CHECK(limit_nesting("<div><div><div>deep</div></div></div>after", 2) ==
          std::string("<div><div>deep</div></div>after"));
    CHECK(limit_nesting("<a><b><c>x</c><c>y</c></b></a>", 2) == std::string("<a><b>xy</b></a>"));
    // Self-closing syntax does not close an HTML element, so it still counts.
    CHECK(limit_nesting("<div/><div/><div/>text", 2) == std::string("<div/><div/>text"));
}
