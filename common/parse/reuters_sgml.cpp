#include "reuters_sgml.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dateline.hpp"
#include "dates.hpp"
#include "plain_text.hpp"
#include "sgml_text.hpp"

namespace dateline {

namespace {

using plain_text::collapse_spaces;
using plain_text::is_space;
using plain_text::quoted;
using plain_text::trim;

constexpr std::string_view id_prefix = "reuters21578-";
// What every TYPE="BRIEF" article of the collection has instead of a text.
constexpr std::string_view brief_placeholder = "Blah blah blah.";
// The category lists that become topics, in this order.
constexpr std::array<std::string_view, 5> category_elements = {"TOPICS", "PLACES", "PEOPLE", "ORGS",
                                                               "EXCHANGES"};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Paragraphs of wire text: lines are hard-wrapped, and a paragraph starts on an indented line
// or after a blank one. The lines of a paragraph are joined by one space.
std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const std::string flat = collapse_spaces(line);
        if (flat.empty()) {
            flush();
            continue;
        }
        if (is_space(line.front())) flush();
        if (!current.empty()) current += ' ';
        current += flat;
    }
    flush();
    return paragraphs;
}

bool is_sign_off(std::string_view word) {
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    std::string lower;
    for (const char c : word) lower += to_lower(c);
    return lower == "reuter" || lower == "reuters";
}

// Removes the "Reuter" that ends a wire story, on its own line or after the last sentence.
void remove_sign_off(std::vector<std::string>& paragraphs) {
    if (paragraphs.empty()) return;
    std::string& last = paragraphs.back();
    if (is_sign_off(last)) {
        paragraphs.pop_back();
        return;
    }
    const std::size_t space = last.rfind(' ');
    if (space == std::string::npos || !is_sign_off(std::string_view(last).substr(space + 1))) {
        return;
    }
    const std::string_view before = trim(std::string_view(last).substr(0, space));
    if (!before.empty() && std::string_view(".\"')!?").find(before.back()) != std::string::npos) {
        last.erase(before.size());
    }
}

struct ReutersDate {
    std::string iso;
    bool time_dropped = false;  // the time was out of range; only the day is kept
};

// "26-FEB-1987 15:01:01.79", with leading spaces and whatever follows the time ignored (some
// dates carry teletype codes or an editor's note after them).
std::optional<ReutersDate> parse_date(std::string_view text) {
    text = trim(text);
    std::size_t pos = 0;
    auto number = [&](std::size_t min, std::size_t max, int& out) {
        const std::size_t start = pos;
        int value = 0;
        while (pos < text.size() && pos - start < max && is_digit(text[pos])) {
            value = value * 10 + (text[pos] - '0');
            ++pos;
        }
        if (pos - start < min || (pos < text.size() && is_digit(text[pos]))) return false;
        out = value;
        return true;
    };
    dates::DateTime value;
    if (!number(1, 2, value.day) || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    const std::size_t month_start = pos;
    while (pos < text.size() && text[pos] != '-') ++pos;
    value.month = dates::month_from_name(text.substr(month_start, pos - month_start));
    if (value.month == 0 || pos >= text.size()) return std::nullopt;
    ++pos;
    if (!number(4, 4, value.year)) return std::nullopt;
    // Checked through dates::parse, which knows the calendar.
    const auto day = dates::parse(dates::to_iso(value));
    if (!day) return std::nullopt;

    ReutersDate result{dates::to_iso(*day), false};
    while (pos < text.size() && is_space(text[pos])) ++pos;
    dates::DateTime with_time = *day;
    if (number(1, 3, with_time.hour) && pos < text.size() && text[pos++] == ':' &&
        number(2, 2, with_time.minute) && pos < text.size() && text[pos++] == ':' &&
        number(2, 2, with_time.second)) {
        if (with_time.hour <= 23 && with_time.minute <= 59 && with_time.second <= 59) {
            result.iso = dates::to_iso(with_time);
        } else {
            result.time_dropped = true;
        }
    }
    return result;
}

void add_topic(std::vector<std::string>& topics, std::string topic) {
    if (topic.empty()) return;
    if (std::find(topics.begin(), topics.end(), topic) != topics.end()) return;
    topics.push_back(std::move(topic));
}

// The <D> codes of every category list, in category_elements order.
std::vector<std::string> topics_of(std::string_view article) {
    std::vector<std::string> topics;
    for (const std::string_view name : category_elements) {
        const auto list = sgml::find_element(article, name);
        if (!list) continue;
        std::size_t pos = 0;
        while (const auto code = sgml::find_element(list->content, "D", pos)) {
            add_topic(topics, collapse_spaces(sgml::decode_text(code->content)));
            pos = code->end;
        }
    }
    return topics;
}

// The raw text of <TEXT> without the given inner elements.
std::string text_outside(std::string_view text, std::initializer_list<std::string_view> names) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const std::string_view name : names) {
        if (const auto element = sgml::find_element(text, name)) {
            spans.emplace_back(element->begin, element->end);
        }
    }
    std::sort(spans.begin(), spans.end());
    std::string rest;
    std::size_t pos = 0;
    for (const auto& [begin, end] : spans) {
        if (begin > pos) rest.append(text.substr(pos, begin - pos));
        pos = std::max(pos, end);
    }
    if (pos < text.size()) rest.append(text.substr(pos));
    return rest;
}

// Splits off the first non-blank line: the headline of an unprocessed story.
std::string take_first_line(std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = collapse_spaces(std::string_view(text).substr(start, end - start));
        if (!line.empty()) {
            text.erase(0, std::min(end + 1, text.size()));
            return line;
        }
        start = end + 1;
    }
    text.clear();
    return {};
}

struct Article {
    std::string_view attributes;  // of the <REUTERS ...> start tag
    std::string_view content;
    std::size_t line = 0;
    bool closed = true;
};

void read_article(const Article& article, const ReaderEvents& events) {
    PressRelease release;
    release.source = "Reuters";
    release.lang = "en";
    const std::string newid =
        std::string(trim(sgml::attribute(article.attributes, "NEWID").value_or("")));
    const std::string name = newid.empty() ? "article" : "article NEWID " + newid;
    auto warn = [&](const std::string& message) {
        if (events.on_warning) events.on_warning(article.line, name + ": " + message);
    };
    if (!article.closed) warn("not closed by </REUTERS> (a truncated file?); read as it is");
    if (!newid.empty()) {
        release.id = std::string(id_prefix) + newid;
    } else {
        warn("no NEWID attribute; the release gets an id from its text");
    }

    if (const auto date = sgml::find_element(article.content, "DATE")) {
        const std::string text = sgml::decode_text(date->content);
        if (const auto parsed = parse_date(text)) {
            release.date = parsed->iso;
            if (parsed->time_dropped) {
                warn("time out of range in <DATE> " + quoted(text) + "; only the day is kept");
            }
        } else if (!trim(text).empty()) {
            warn("unrecognised <DATE> " + quoted(text) + "; the release has no date");
        }
    }
    release.topics = topics_of(article.content);

    std::vector<std::string> paragraphs;
    std::string dateline;
    if (const auto text = sgml::find_element(article.content, "TEXT")) {
        std::string type = sgml::attribute(text->attributes, "TYPE").value_or("NORM");
        for (char& c : type) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        const auto title = sgml::find_element(text->content, "TITLE");
        if (title) release.title = collapse_spaces(sgml::decode_text(title->content));
        if (const auto line = sgml::find_element(text->content, "DATELINE")) {
            dateline = collapse_spaces(sgml::decode_text(line->content));
        }
        if (const auto body = sgml::find_element(text->content, "BODY")) {
            paragraphs = paragraphs_of(sgml::decode_text(body->content));
        } else {
            std::string rest =
                sgml::decode_text(text_outside(text->content, {"TITLE", "DATELINE", "AUTHOR"}));
            // Priority marks ("******") open some stories.
            const std::size_t first = rest.find_first_not_of("* \t\n");
            rest.erase(0, first == std::string::npos ? rest.size() : first);
            if (!title) release.title = take_first_line(rest);
            paragraphs = paragraphs_of(rest);
            if (type == "BRIEF" && paragraphs.size() == 1 &&
                paragraphs.front() == brief_placeholder) {
                paragraphs.clear();
            }
        }
    }
    remove_sign_off(paragraphs);
    if (!dateline.empty() && !paragraphs.empty()) {
        paragraphs.front() = dateline + " " + paragraphs.front();
    }
    for (const std::string& paragraph : paragraphs) {
        if (!release.body.empty()) release.body += "\n\n";
        release.body += paragraph;
    }
    if (const auto parsed = parse_dateline(release.body)) release.place = parsed->place;

    if (release.title.empty() && release.body.empty()) {
        if (newid.empty()) {
            if (events.on_skip) {
                events.on_skip(article.line, "a <REUTERS> element with no NEWID, title or text");
            }
            return;
        }
        warn("neither title nor text; kept for its date and categories");
    }
    if (events.on_record) events.on_record(std::move(release), article.line);
}

void read_articles(std::string_view bytes, const ReaderEvents& events) {
    constexpr std::string_view tag = "REUTERS";
    std::size_t pos = 0;
    std::size_t line = 1;
    std::size_t counted_to = 0;  // newlines before this offset are counted in `line`
    std::size_t articles = 0;
    std::size_t start = 0;
    while ((start = sgml::find_start_tag(bytes, tag, pos)) != std::string_view::npos) {
        if (events.should_stop()) return;
        line += static_cast<std::size_t>(
            std::count(bytes.begin() + static_cast<std::ptrdiff_t>(counted_to),
                       bytes.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
        counted_to = start;
        ++articles;

        Article article;
        article.line = line;
        const std::size_t name_end = start + 1 + tag.size();
        std::size_t tag_end = bytes.find('>', name_end);
        if (tag_end == std::string_view::npos) tag_end = bytes.size();
        article.attributes = bytes.substr(name_end, tag_end - name_end);
        const std::size_t content_start = std::min(tag_end + 1, bytes.size());
        const std::size_t close = sgml::find_end_tag(bytes, tag, content_start);
        const std::size_t next = sgml::find_start_tag(bytes, tag, content_start);
        std::size_t content_end = close;
        if (close == std::string_view::npos || (next != std::string_view::npos && next < close)) {
            content_end = next == std::string_view::npos ? bytes.size() : next;
            article.closed = false;
            pos = content_end;
        } else {
            pos = close + tag.size() + 3;
        }
        article.content = bytes.substr(content_start, content_end - content_start);
        read_article(article, events);
    }
    if (articles == 0 && events.on_skip) {
        events.on_skip(0, "no <REUTERS> articles (not a Reuters-21578 SGML file?)");
    }
}

}  // namespace

void read_reuters_sgml(std::string_view bytes, const ReaderEvents& events) {
    try {
        read_articles(bytes, events);
    } catch (const std::exception& error) {
        if (events.on_skip) events.on_skip(0, std::string("cannot read the file: ") + error.what());
    } catch (...) {
        if (events.on_skip) events.on_skip(0, "cannot read the file: unexpected error");
    }
}

}  // namespace dateline
