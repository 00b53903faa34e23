#include "html_dom.hpp"

#include <algorithm>
#include <vector>

#include "html_nesting.hpp"
#include "utf8.hpp"

namespace dateline::html {

namespace {

enum class Layout { inline_, paragraph, line, cell, line_break };

Layout layout_of(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL:
            return Layout::paragraph;
        case GUMBO_TAG_LI:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TR:
            return Layout::line;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            return Layout::cell;
        case GUMBO_TAG_BR:
            return Layout::line_break;
        default:
            return Layout::inline_;
    }
}

void open_layout(Layout layout, TextWriter& out) {
    switch (layout) {
        case Layout::paragraph:
            out.paragraph_break();
            break;
        case Layout::line:
            out.line_break();
            break;
        case Layout::cell:
            out.space();
            break;
        case Layout::line_break:
            out.br();
            break;
        case Layout::inline_:
            break;
    }
}

void close_layout(Layout layout, TextWriter& out) {
    switch (layout) {
        case Layout::paragraph:
            out.paragraph_break();
            break;
        case Layout::line:
            out.line_break();
            break;
        case Layout::cell:
            out.space();
            break;
        case Layout::line_break:
        case Layout::inline_:
            break;
    }
}

// Byte length of the whitespace character at `text[i]` (ASCII whitespace, U+00A0 or U+3000),
// else 0.
std::size_t space_length(std::string_view text, std::size_t i) {
    if (is_ascii_space(text[i])) return 1;
    if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
    if (text.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
    return 0;
}

// The code point of the UTF-8 sequence that ends just before `end` (0 for none or ASCII
// control bytes; malformed bytes give a value >= 0x80, which is all the callers look at).
char32_t code_point_before(std::string_view text, std::size_t end) {
    if (end == 0) return 0;
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
        --start;
    }
    char32_t value = static_cast<unsigned char>(text[start]);
    if (value < 0x80) return value;
    const std::size_t length = end - start;
    value &= length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07;
    for (std::size_t i = start + 1; i < end; ++i) {
        value = (value << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
    }
    return value;
}

char32_t code_point_at(std::string_view text, std::size_t start) {
    if (start >= text.size()) return 0;
    std::size_t end = start + 1;
    while (end < text.size() && end - start < 4 &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        ++end;
    }
    return code_point_before(text, end);
}

// Han, kana, CJK punctuation and full-width forms: scripts written without spaces.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// A line break between these two characters joins them without a space.
bool joins_without_space(char32_t before, char32_t after) {
    return before >= 0x80 && after >= 0x80 && (is_cjk(before) || is_cjk(after));
}

const GumboVector* children_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        return &node->v.element.children;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    return nullptr;
}

}  // namespace

Document::Document(std::string_view html) {
    if (std::optional<std::string> flattened = limit_nesting(html)) {
        flattened_ = std::move(*flattened);
        html = flattened_;
    }
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are of no use to a reader; not recording them saves time and memory.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
}

Document::~Document() {
    gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* Document::root() const {
    return output_->root;
}

bool is_element(const GumboNode* node) {
    return node && node->type == GUMBO_NODE_ELEMENT;
}

bool is_text(const GumboNode* node) {
    return node && (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
                    node->type == GUMBO_NODE_CDATA);
}

bool is_element(const GumboNode* node, GumboTag tag) {
    return is_element(node) && node->v.element.tag == tag;
}

const char* attribute(const GumboNode* element, const char* name) {
    if (!is_element(element)) return nullptr;
    const GumboAttribute* found = gumbo_get_attribute(&element->v.element.attributes, name);
    return found ? found->value : nullptr;
}

std::vector<std::string> names_in(const char* value) {
    std::vector<std::string> names;
    if (!value) return names;
    std::string name;
    for (const char* c = value;; ++c) {
        if (*c != '\0' && !is_ascii_space(*c)) {
            name += ascii_lower(*c);
            continue;
        }
        if (!name.empty()) names.push_back(std::move(name));
        name.clear();
        if (*c == '\0') return names;
    }
}

std::vector<std::string_view> words_in(std::string_view name) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("-_", start);
        if (end == std::string_view::npos) end = name.size();
        if (end > start) words.push_back(name.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool names_word(const GumboNode* element, std::initializer_list<std::string_view> words) {
    for (const char* attribute_name : {"class", "id"}) {
        for (const std::string& name : names_in(attribute(element, attribute_name))) {
            for (std::string_view word : words_in(name)) {
                if (std::find(words.begin(), words.end(), word) != words.end()) return true;
            }
        }
    }
    return false;
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

bool equals_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_block(const GumboNode* element) {
    return is_element(element) && layout_of(element->v.element.tag) != Layout::inline_ &&
           layout_of(element->v.element.tag) != Layout::line_break;
}

bool is_non_text(const GumboNode* element) {
    if (element->type == GUMBO_NODE_TEMPLATE) return true;
    if (!is_element(element)) return false;
    if (element->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // svg, math
    switch (element->v.element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_META:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
            return true;
        default:
            return false;
    }
}

void for_each_element(const GumboNode* start, const std::function<bool(const GumboNode*)>& visit) {
    std::vector<const GumboNode*> pending;
    auto push_children = [&pending](const GumboNode* node) {
        const GumboVector* children = children_of(node);
        if (!children) return;
        for (unsigned int i = children->length; i > 0; --i) {
            pending.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
    };
    push_children(start);
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (!is_element(node)) continue;
        if (visit(node)) push_children(node);
    }
}

void TextWriter::add_word(std::string_view word) {
    if (!out_.empty()) {
        if (pending_break_ == 2) {
            out_ += "\n\n";
        } else if (pending_break_ == 1) {
            out_ += '\n';
        } else if (pending_space_) {
            out_ += ' ';
        }
    }
    pending_break_ = 0;
    pending_space_ = false;
    out_.append(word);
}

void TextWriter::add_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = space_length(text, i);
        if (length > 0) {
            pending_space_ = true;
            i += length;
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && space_length(text, end) == 0) ++end;
        add_word(text.substr(i, end - i));
        i = end;
    }
}

void TextWriter::add_preformatted(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        add_text(text.substr(start, end - start));
        if (end == text.size()) break;
        line_break();
        start = end + 1;
    }
}

void TextWriter::space() {
    pending_space_ = true;
}

void TextWriter::line_break() {
    if (pending_break_ < 1) pending_break_ = 1;
}

void TextWriter::br() {
    pending_break_ = pending_break_ >= 1 ? 2 : 1;
}

void TextWriter::paragraph_break() {
    pending_break_ = 2;
}

std::string TextWriter::take() {
    pending_break_ = 0;
    pending_space_ = false;
    // Gumbo 0.10 decodes a numeric character reference too long for 32 bits (&#x1cccccccc;)
    // to bytes that are not UTF-8; everything else it gives is valid.
    if (!utf8::is_valid(out_)) out_ = utf8::repaired(out_);
    return std::move(out_);
}

void render_text(const GumboNode* element, TextWriter& out,
                 const std::function<bool(const GumboNode*)>& skip) {
    struct Frame {
        const GumboNode* node;
        unsigned int next_child;
        Layout layout;
    };
    std::vector<Frame> stack;
    int preformatted = 0;  // how many open <pre> elements enclose the current node

    auto enter = [&](const GumboNode* node) {
        if (!is_element(node) || is_non_text(node)) return;
        if (skip && skip(node)) return;
        const Layout layout = layout_of(node->v.element.tag);
        open_layout(layout, out);
        if (node->v.element.tag == GUMBO_TAG_PRE) ++preformatted;
        stack.push_back(Frame{node, 0, layout});
    };

    if (!element) return;
    enter(element);
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next_child < children.length) {
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            if (is_text(child)) {
                if (preformatted > 0) {
                    out.add_preformatted(child->v.text.text);
                } else {
                    out.add_text(child->v.text.text);
                }
            } else {
                enter(child);  // may invalidate `frame`
            }
            continue;
        }
        close_layout(frame.layout, out);
        if (frame.node->v.element.tag == GUMBO_TAG_PRE) --preformatted;
        stack.pop_back();
    }
}

std::string inline_text(const GumboNode* element) {
    TextWriter writer;
    render_text(element, writer);
    const std::string lines = writer.take();  // already collapsed within lines, and trimmed
    std::string text;
    text.reserve(lines.size());
    std::size_t at = 0;
    while (at < lines.size()) {
        const std::size_t newline = lines.find('\n', at);
        if (newline == std::string::npos) {
            text.append(lines, at, std::string::npos);
            break;
        }
        text.append(lines, at, newline - at);
        at = lines.find_first_not_of('\n', newline);
        if (at == std::string::npos) break;
        if (!joins_without_space(code_point_before(lines, newline), code_point_at(lines, at))) {
            text += ' ';
        }
    }
    return text;
}

std::string collapse_whitespace(std::string_view text) {
    TextWriter writer;
    writer.add_text(text);
    return writer.take();
}

}  // namespace dateline::html
