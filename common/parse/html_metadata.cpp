#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "dates.hpp"
#include "language_detect.hpp"

namespace dateline::html {

namespace {

// Metadata values longer than this are not a title, date or name.
constexpr std::size_t max_value_bytes = 2000;
// How far into the text a dateline may put the date.
constexpr std::size_t dateline_bytes = 200;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool is_http_url(std::string_view text) {
    return starts_with(ascii_lower(text.substr(0, 8)), "http://") ||
           starts_with(ascii_lower(text.substr(0, 8)), "https://");
}

// Separators between a headline and a site name in <title>, the widest first.
constexpr std::array<std::string_view, 9> title_separators = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 ",
    " : ", "_"};

// Metadata keys (lower-cased) that give the publication date, the most specific first.
constexpr std::array<std::string_view, 24> published_keys = {"article:published_time",
                                                             "og:article:published_time",
                                                             "datepublished",
                                                             "dc.date.issued",
                                                             "dcterms.issued",
                                                             "dcterms:issued",
                                                             "dc.date",
                                                             "dc:date",
                                                             "dcterms.date",
                                                             "dcterms:date",
                                                             "dc.date.created",
                                                             "dcterms.created",
                                                             "dcterms:created",
                                                             "pubdate",
                                                             "publishdate",
                                                             "publish_date",
                                                             "publish-date",
                                                             "publication_date",
                                                             "date",
                                                             "sailthru.date",
                                                             "parsely-pub-date",
                                                             "citation_publication_date",
                                                             "citation_date",
                                                             "article.published"};

// The metadata of a page, gathered in one walk over its elements.
struct PageFacts {
    // name/property/itemprop/http-equiv (lower-cased) and value, in document order; RDFa and
    // microdata on other elements give their content/datetime attribute or their text.
    std::vector<std::pair<std::string, std::string>> meta;
    std::string page_title;  // <title>
    std::string canonical;   // <link rel="canonical">
    std::string html_lang;   // <html lang> or xml:lang
    std::vector<const GumboNode*> h1s;
    std::vector<const GumboNode*> titled;  // class or id says "title" or "headline"
    std::vector<const GumboNode*> times;   // <time>
    std::vector<const GumboNode*> dated;   // class or id says "date", "time", "pubdate", ...
};

bool is_inside_site_furniture(const GumboNode* element) {
    // <body class="one-sidebar"> is still the page
    for (const GumboNode* node = element; is_element(node) && !is_element(node, GUMBO_TAG_BODY);
         node = node->parent) {
        if (is_site_furniture(node)) return true;
    }
    return false;
}

bool is_inside(const GumboNode* element, const GumboNode* ancestor) {
    if (!ancestor) return false;
    for (const GumboNode* node = element; node; node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

// Keys of microdata and RDFa on ordinary elements whose value we may need.
bool is_structured_key(std::string_view key) {
    return key == "datepublished" || key == "dc:date" || key == "dcterms:date" ||
           key == "dcterms:issued" || key == "dc:title" || key == "headline" ||
           key == "article:published_time" || key == "dcterms:created";
}

// The text of <title>, which holds text only (inline_text() leaves <title> out, as a part of
// the head).
std::string title_text(const GumboNode* title) {
    std::string text;
    const GumboVector& children = title->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (is_text(child)) text += child->v.text.text;
    }
    return collapse_whitespace(text);
}

PageFacts gather_facts(const Document& document) {
    PageFacts facts;
    const GumboNode* root = document.root();
    const char* lang = attribute(root, "lang");
    if (!lang) lang = attribute(root, "xml:lang");
    if (lang) facts.html_lang = lang;

    for_each_element(root, [&facts](const GumboNode* element) {
        const GumboTag tag = element->v.element.tag;
        if (tag == GUMBO_TAG_META) {
            const char* content = attribute(element, "content");
            if (!content) return false;
            for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
                const char* key = attribute(element, key_attribute);
                if (key) facts.meta.emplace_back(ascii_lower(key), content);
            }
            return false;
        }
        if (tag == GUMBO_TAG_TITLE) {
            if (facts.page_title.empty()) facts.page_title = title_text(element);
            return false;
        }
        if (tag == GUMBO_TAG_LINK) {
            const char* rel = attribute(element, "rel");
            const char* href = attribute(element, "href");
            const std::vector<std::string> relations = names_in(rel);
            if (href && facts.canonical.empty() &&
                std::find(relations.begin(), relations.end(), "canonical") != relations.end()) {
                facts.canonical = href;
            }
            return false;
        }
        if (tag == GUMBO_TAG_HEAD) return true;
        if (is_non_text(element)) return false;
        for (const char* key_attribute : {"itemprop", "property"}) {
            const char* key = attribute(element, key_attribute);
            if (!key || !is_structured_key(ascii_lower(key))) continue;
            const char* value = attribute(element, "content");
            if (!value) value = attribute(element, "datetime");
            facts.meta.emplace_back(ascii_lower(key),
                                    value ? std::string(value) : inline_text(element));
        }
        if (tag == GUMBO_TAG_H1) facts.h1s.push_back(element);
        if (tag == GUMBO_TAG_TIME) facts.times.push_back(element);
        if (names_word(element, {"title", "headline"})) facts.titled.push_back(element);
        if (names_word(element, {"date", "time", "pubdate", "published", "datetime", "dateline",
                                 "posted", "timestamp"})) {
            facts.dated.push_back(element);
        }
        return true;
    });
    return facts;
}

std::string meta_value(const PageFacts& facts, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        for (const auto& [name, value] : facts.meta) {
            if (name != key) continue;
            std::string clean = collapse_whitespace(value);
            if (!clean.empty() && clean.size() <= max_value_bytes) return clean;
        }
    }
    return "";
}

std::vector<std::string> site_names(const PageFacts& facts) {
    std::vector<std::string> names;
    for (std::string_view key :
         {"og:site_name", "sitename", "application-name", "apple-mobile-web-app-title", "publisher",
          "dc.publisher", "dcterms.publisher"}) {
        std::string name = meta_value(facts, {key});
        if (!name.empty() && !is_http_url(name)) names.push_back(std::move(name));
    }
    return names;
}

// True when `title` is `head`, a separator and more (a site name): "Head | Site".
bool is_head_of(std::string_view title, std::string_view head) {
    if (head.empty() || title.size() <= head.size() || !starts_with(title, head)) return false;
    std::string_view rest = title.substr(head.size());
    for (std::string_view separator : title_separators) {
        if (starts_with(rest, separator) && rest.size() > separator.size()) return true;
    }
    // "Head—Site", "Head |Site", "标题_网站": separators that never join two words
    const std::size_t text_start = rest.find_first_not_of(' ');
    if (text_start == std::string_view::npos) return false;
    rest.remove_prefix(text_start);
    for (std::string_view separator : {"|", "\xE2\x80\x94", "_"}) {
        if (starts_with(rest, separator) && rest.size() > separator.size()) return true;
    }
    return false;
}

// True when `title` is something (a site name), a separator and `tail`: "Site | Tail".
bool is_tail_of(std::string_view title, std::string_view tail) {
    if (tail.empty() || title.size() <= tail.size()) return false;
    if (title.substr(title.size() - tail.size()) != tail) return false;
    const std::string_view rest = title.substr(0, title.size() - tail.size());
    for (std::string_view separator : title_separators) {
        if (rest.size() >= separator.size() &&
            rest.substr(rest.size() - separator.size()) == separator) {
            return true;
        }
    }
    return false;
}

// Length of the start of `text` that spells `word` when spaces are ignored on both sides, or
// npos. A heading broken over two lines by <br> reads "first second" in text but "firstsecond"
// in a Chinese <title>.
std::size_t spelled_prefix(std::string_view text, std::string_view word) {
    std::size_t at = 0;
    for (char c : word) {
        if (c == ' ') continue;
        while (at < text.size() && text[at] == ' ') ++at;
        if (at == text.size() || text[at] != c) return std::string_view::npos;
        ++at;
    }
    return at;
}

std::string reversed(std::string_view text) {
    return std::string(text.rbegin(), text.rend());
}

// The part of <title> that repeats `heading`, when the rest is a site name after (or before)
// a separator: the title's own spelling, which keeps what the heading's line breaks lost.
std::string repeated_heading(std::string_view page_title, std::string_view heading) {
    const std::size_t head = spelled_prefix(page_title, heading);
    if (head != std::string_view::npos &&
        (head == page_title.size() || is_head_of(page_title, page_title.substr(0, head)))) {
        return std::string(page_title.substr(0, head));
    }
    const std::size_t tail = spelled_prefix(reversed(page_title), reversed(heading));
    if (tail != std::string_view::npos && tail < page_title.size() &&
        is_tail_of(page_title, page_title.substr(page_title.size() - tail))) {
        return std::string(page_title.substr(page_title.size() - tail));
    }
    return "";
}

// The heading that <title> repeats, with or without a site name around it.
std::string heading_of_title(const PageFacts& facts) {
    if (facts.page_title.empty()) return "";
    for (const auto* candidates : {&facts.h1s, &facts.titled}) {
        for (const GumboNode* element : *candidates) {
            if (is_inside_site_furniture(element)) continue;
            const std::string heading = inline_text(element);
            if (heading.empty() || heading.size() > max_value_bytes) continue;
            std::string title = repeated_heading(facts.page_title, heading);
            if (!title.empty()) return title;
        }
    }
    return "";
}

std::string article_heading(const PageFacts& facts, const MainContent& content) {
    std::vector<const GumboNode*> kept;
    for (const GumboNode* h1 : facts.h1s) {
        if (!is_inside_site_furniture(h1)) kept.push_back(h1);
    }
    for (const GumboNode* h1 : kept) {
        if (is_inside(h1, content.scope)) {
            std::string heading = inline_text(h1);
            if (!heading.empty()) return heading;
        }
    }
    if (kept.size() == 1) return inline_text(kept.front());
    return "";
}

// Text of a metadata value that holds markup, as some content systems copy a heading with its
// <br> into og:title or ArticleTitle.
std::string without_markup(const std::string& value) {
    if (value.find('<') == std::string::npos) return value;
    const Document fragment(value);
    return inline_text(fragment.root());
}

std::string choose_title(const PageFacts& facts, const MainContent& content) {
    const std::vector<std::string> names = site_names(facts);
    std::string title = without_markup(
        meta_value(facts, {"og:title", "twitter:title", "articletitle", "dc.title", "dcterms.title",
                           "dc:title", "citation_title", "headline"}));
    if (!title.empty()) return strip_site_name(title, names);
    title = heading_of_title(facts);
    if (!title.empty()) return title;
    title = article_heading(facts, content);
    if (!title.empty()) return title;
    return strip_site_name(facts.page_title, names);
}

std::optional<dates::DateTime> parse_page_date(std::string_view text) {
    std::string clean = collapse_whitespace(text);
    if (clean.empty() || clean.size() > max_value_bytes) return std::nullopt;
    // "20171116": the compact form some meta tags use
    if (clean.size() == 8 && std::all_of(clean.begin(), clean.end(), is_digit)) {
        clean = clean.substr(0, 4) + "-" + clean.substr(4, 2) + "-" + clean.substr(6, 2);
    }
    if (auto value = dates::parse(clean)) return value;
    return std::nullopt;
}

std::string iso_of(const dates::DateTime& value) {
    if (value.has_zone && value.hour == 0 && value.minute == 0 && value.second <= 0) {
        dates::DateTime day;
        day.year = value.year;
        day.month = value.month;
        day.day = value.day;
        return dates::to_iso(day);
    }
    return dates::to_iso(value);
}

// A date written alone in a short element ("Thursday, November 16, 2017", "2016-11-15",
// "Posted: July 23, 2025"); long elements are text, not a date line.
std::optional<dates::DateTime> date_in_short_text(std::string_view text) {
    const std::string clean = collapse_whitespace(text);
    if (clean.empty() || clean.size() > 120) return std::nullopt;
    if (auto value = dates::parse(clean)) return value;
    return dates::find_date(clean, clean.size());
}

// "June11, 2018" with the space after the month restored, so that it reads as a date.
std::string with_spaced_days(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 4);
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = at;
        while (end < text.size() && is_ascii_alpha(text[end])) ++end;
        if (end == at) {
            out += text[at++];
            continue;
        }
        out.append(text.substr(at, end - at));
        if (end < text.size() && is_digit(text[end]) &&
            dates::month_from_name(text.substr(at, end - at)) != 0) {
            out += ' ';
        }
        at = end;
    }
    return out;
}

// "Month Day" in a title that gives no year ("... Press Conference on September 10").
std::optional<std::pair<int, int>> month_day_in(std::string_view title) {
    std::size_t at = 0;
    while (at < title.size()) {
        const std::size_t start = title.find_first_not_of(" ,.", at);
        if (start == std::string_view::npos) break;
        std::size_t end = title.find_first_of(" ,", start);
        if (end == std::string_view::npos) end = title.size();
        const int month = dates::month_from_name(title.substr(start, end - start));
        at = end;
        if (month == 0) continue;
        std::size_t digits = title.find_first_not_of(' ', end);
        if (digits == std::string_view::npos) break;
        int day = 0;
        std::size_t length = 0;
        while (digits + length < title.size() && is_digit(title[digits + length]) && length < 3) {
            day = day * 10 + (title[digits + length] - '0');
            ++length;
        }
        const bool word_ends = digits + length == title.size() || !is_digit(title[digits + length]);
        if (length > 0 && length <= 2 && word_ends && day >= 1 && day <= 31) {
            return std::make_pair(month, day);
        }
    }
    return std::nullopt;
}

std::string choose_date(const PageFacts& facts, const MainContent& content,
                        const std::string& title, const Document& document) {
    for (std::string_view key : published_keys) {
        for (const auto& [name, value] : facts.meta) {
            if (name != key) continue;
            if (auto date = parse_page_date(value)) return iso_of(*date);
        }
    }

    // <time>: one marked as the publication time, else the first in the article
    const GumboNode* chosen_time = nullptr;
    for (const GumboNode* time : facts.times) {
        if (attribute(time, "pubdate") || names_word(time, {"published", "pubdate"})) {
            chosen_time = time;
            break;
        }
        if (!chosen_time && is_inside(time, content.scope) && !is_inside_site_furniture(time)) {
            chosen_time = time;
        }
    }
    if (chosen_time) {
        const char* datetime = attribute(chosen_time, "datetime");
        auto date = datetime ? parse_page_date(datetime) : std::nullopt;
        if (!date) date = date_in_short_text(inline_text(chosen_time));
        if (date) return iso_of(*date);
    }

    for (const GumboNode* element : facts.dated) {
        if (is_inside_site_furniture(element)) continue;
        if (auto date = date_in_short_text(inline_text(element))) return iso_of(*date);
    }

    for (const std::string& text : {title, facts.page_title}) {
        const std::string spaced = with_spaced_days(text);
        if (auto date = dates::find_date(spaced, spaced.size())) return iso_of(*date);
    }
    if (auto month_day = month_day_in(title)) {
        // The page lists other releases with their dates: the nearest year is this one's.
        TextWriter writer;
        render_text(document.root(), writer);
        const std::string page_text = writer.take();
        if (auto nearby = dates::find_date(page_text, page_text.size())) {
            if (auto date = dates::with_inferred_year(month_day->first, month_day->second,
                                                      dates::to_iso(*nearby))) {
                return iso_of(*date);
            }
        }
    }

    if (auto date = dates::find_date(content.text, dateline_bytes)) return iso_of(*date);
    return "";
}

std::string choose_lang(const PageFacts& facts, const MainContent& content) {
    std::string lang = normalize_language_tag(facts.html_lang);
    if (!lang.empty()) return lang;
    lang = normalize_language_tag(meta_value(
        facts, {"content-language", "language", "dc.language", "dcterms.language", "og:locale"}));
    if (!lang.empty()) return lang;
    for (const GumboNode* node = content.root; is_element(node); node = node->parent) {
        const char* tag = attribute(node, "lang");
        if (tag) return normalize_language_tag(tag);
    }
    return "";
}

std::string choose_url(const PageFacts& facts) {
    for (const std::string& candidate :
         {meta_value(facts, {"og:url"}), collapse_whitespace(facts.canonical),
          meta_value(facts, {"url", "twitter:url", "dc.identifier"})}) {
        if (is_http_url(candidate)) return candidate;
    }
    return "";
}

}  // namespace

std::string normalize_page_date(std::string_view text) {
    const auto value = parse_page_date(text);
    return value ? iso_of(*value) : "";
}

std::string strip_site_name(std::string_view title, const std::vector<std::string>& site_names) {
    std::string result = collapse_whitespace(title);
    bool changed = true;
    while (changed) {
        changed = false;
        for (const std::string& site : site_names) {
            if (site.empty() || site.size() >= result.size()) continue;
            const std::string_view text(result);
            const std::string_view tail = text.substr(text.size() - site.size());
            const std::string_view head = text.substr(0, site.size());
            if (equals_nocase(tail, site) && is_tail_of(text, tail)) {
                std::string_view rest = text.substr(0, text.size() - site.size());
                for (std::string_view separator : title_separators) {
                    if (rest.size() > separator.size() &&
                        rest.substr(rest.size() - separator.size()) == separator) {
                        rest.remove_suffix(separator.size());
                        break;
                    }
                }
                result = collapse_whitespace(rest);
                changed = true;
            } else if (equals_nocase(head, site) && is_head_of(text, head)) {
                std::string_view rest = text.substr(site.size());
                rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(' ')));
                for (std::string_view separator : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "_",
                                                   "::", ":", "\xC2\xBB", "\xC2\xB7"}) {
                    if (starts_with(rest, separator)) {
                        rest.remove_prefix(separator.size());
                        break;
                    }
                }
                result = collapse_whitespace(rest);
                changed = true;
            }
            if (changed) break;
        }
    }
    return result;
}

PageMetadata read_metadata(const Document& document, const MainContent& content) {
    const PageFacts facts = gather_facts(document);
    PageMetadata metadata;
    metadata.title = choose_title(facts, content);
    metadata.date = choose_date(facts, content, metadata.title, document);
    metadata.lang = choose_lang(facts, content);
    metadata.url = choose_url(facts);
    const std::vector<std::string> names = site_names(facts);
    if (!names.empty()) metadata.source = names.front();
    return metadata;
}

}  // namespace dateline::html
