#pragma once
// A thin layer over gumbo shared by the HTML readers: an owning parse tree, attribute and tag
// look-ups, and a depth-safe walk that renders an element's text. Gumbo's types appear only here
// and in the .cpp files of the HTML readers; the public headers of those readers stay gumbo-free.

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace dateline::html {

// The parse tree of one document; gumbo decodes entities and repairs broken markup as a
// browser would. Invalid UTF-8 is read as U+FFFD. Markup nested deeper than
// max_nesting_depth is flattened first (see html_nesting.hpp). The tree points into `html`,
// which must outlive the Document.
class Document {
public:
    explicit Document(std::string_view html);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // The <html> element (gumbo always creates one, even for an empty input).
    const GumboNode* root() const;

private:
    std::string flattened_;  // the markup gumbo parsed, when it had to be flattened
    GumboOutput* output_;
};

bool is_element(const GumboNode* node);
bool is_element(const GumboNode* node, GumboTag tag);
// Text, whitespace and CDATA nodes: the ones whose text a reader shows.
bool is_text(const GumboNode* node);

// The attribute's value, or nullptr when the element does not have it.
const char* attribute(const GumboNode* element, const char* name);

// The names in a class or id attribute value, lower-cased: "Nav-Bar main_menu" gives "nav-bar"
// and "main_menu". None for a null value.
std::vector<std::string> names_in(const char* value);

// The words of such a name: "nav-bar" gives "nav" and "bar", "main_menu" "main" and "menu".
std::vector<std::string_view> words_in(std::string_view name);

// True when a word of one of the element's class or id names is in `words` (lower-case).
bool names_word(const GumboNode* element, std::initializer_list<std::string_view> words);

// HTML names (tags, attributes, classes, keywords) are ASCII case-insensitive.
char ascii_lower(char c);
std::string ascii_lower(std::string_view text);
bool equals_nocase(std::string_view a, std::string_view b);
bool is_ascii_space(char c);

// Elements laid out as blocks of their own (paragraphs, list items, table rows and cells).
bool is_block(const GumboNode* element);

// Elements whose content is never text for a reader: script, style, noscript, template, svg...
bool is_non_text(const GumboNode* element);

// Visits every element below `start` (not `start` itself) in document order, without
// recursion (so deeply nested input cannot exhaust the stack). `visit` returns false to leave
// the element's subtree out of the walk.
void for_each_element(const GumboNode* start, const std::function<bool(const GumboNode*)>& visit);

// Collects text with HTML's whitespace rules: runs of whitespace become one space, and breaks
// requested between blocks are emitted only between pieces of text (never leading or trailing).
class TextWriter {
public:
    void add_text(std::string_view text);
    // Text of a <pre>: its line breaks are kept.
    void add_preformatted(std::string_view text);
    void space();
    void line_break();
    // A <br>: a line break, and two in a row ("text<br><br>text") a paragraph break.
    void br();
    void paragraph_break();

    std::string take();
    bool empty() const { return out_.empty(); }

private:
    void add_word(std::string_view word);

    std::string out_;
    int pending_break_ = 0;  // 0 none, 1 line, 2 paragraph
    bool pending_space_ = false;
};

// Renders the text of `element` and its descendants: block elements become paragraphs, <br> a
// line break (two in a row a paragraph break), list items and table rows lines, table cells separated by a space. Non-text
// elements and the elements `skip` accepts are left out with their content.
void render_text(const GumboNode* element, TextWriter& out,
                 const std::function<bool(const GumboNode*)>& skip = nullptr);

// Plain text of an element (for a title, a heading, a <time>) on one line: whitespace
// collapsed and trimmed; a line break becomes a space, except between Chinese or Japanese
// characters, where a <br> only wraps a long heading ("会晤<br>同时" is "会晤同时").
std::string inline_text(const GumboNode* element);

// Collapses whitespace runs (ASCII, U+00A0 and the ideographic space U+3000) to one space and
// trims the ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace dateline::html
