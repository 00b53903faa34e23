#include "front_matter.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "dateline.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "plain_text.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

namespace dateline {

namespace {

using plain_text::collapse_spaces;
using plain_text::is_space;
using plain_text::quoted;
using plain_text::trim;

// Front matter is a few lines of metadata; more than this is not front matter.
constexpr std::size_t max_front_matter_bytes = 1024 * 1024;

using Keys = std::initializer_list<std::string_view>;
const Keys title_keys = {"title", "headline"};
const Keys date_keys = {"date",    "published", "pubdate", "published_at",
                        "created", "issued",    "datetime"};
const Keys fallback_date_keys = {"updated", "modified", "last_modified"};
const Keys people_keys = {"creators", "creator", "authors", "author", "party"};
const Keys office_keys = {"source", "issuer",     "publisher",    "agency",
                          "office", "department", "organisation", "organization"};
const Keys url_keys = {"url", "link", "canonical_url", "permalink", "source_url"};
const Keys lang_keys = {"lang", "language", "locale"};
const Keys id_keys = {"id", "uid", "guid", "identifier"};
const Keys topic_keys = {"tags",     "topics",  "categories", "category",
                         "subjects", "subject", "keywords"};
const Keys place_keys = {"place", "location", "dateline"};

// "Source-URL" → "source_url": keys compare without regard to case or dash/underscore.
std::string normalised_key(std::string_view key) {
    std::string out;
    for (const char c : trim(key)) {
        if (c == '-' || c == ' ') {
            out += '_';
        } else {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

struct Line {
    std::string_view text;  // without "\n" or "\r"
    std::size_t offset;     // of its first byte
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back({line, start});
        start = end + 1;
    }
    return lines;
}

bool is_fence(std::string_view line, bool closing) {
    line = trim(line);
    return line == "---" || (closing && line == "...");
}

// The values of a YAML node as strings: a scalar gives one, a list its scalar items, a map
// with a "name" its name (author: {name: ...}); anything else nothing.
std::vector<std::string> strings_of(const YAML::Node& node) {
    std::vector<std::string> values;
    auto add = [&values](const YAML::Node& item) {
        if (item.IsScalar()) {
            std::string value = collapse_spaces(item.Scalar());
            if (!value.empty()) values.push_back(std::move(value));
        } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
            std::string value = collapse_spaces(item["name"].Scalar());
            if (!value.empty()) values.push_back(std::move(value));
        }
    };
    if (node.IsSequence()) {
        for (const YAML::Node& item : node) add(item);
    } else {
        add(node);
    }
    return values;
}

// The front matter with normalised keys, each mapped to its string values.
struct Metadata {
    std::vector<std::pair<std::string, std::vector<std::string>>> entries;

    const std::vector<std::string>* find(std::string_view key) const {
        for (const auto& [name, values] : entries) {
            if (name == key && !values.empty()) return &values;
        }
        return nullptr;
    }
    // The first value of the first key in `keys` that has one.
    std::string first(Keys keys) const {
        for (const std::string_view key : keys) {
            if (const auto* values = find(key)) return values->front();
        }
        return {};
    }
    // All values of all `keys`, without repeats.
    std::vector<std::string> all(Keys keys) const {
        std::vector<std::string> out;
        for (const std::string_view key : keys) {
            const auto* values = find(key);
            if (values == nullptr) continue;
            for (const std::string& value : *values) {
                if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
            }
        }
        return out;
    }
};

std::string language_code(std::string_view tag) {
    tag = trim(tag);
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    if (primary.size() < 2 || primary.size() > 3) return {};
    std::string out;
    for (const char c : primary) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            out += c;
        } else {
            return {};
        }
    }
    return out;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// One topic per list item or comma-separated part. Topics are filter terms, which ignore case:
// "Heritage" and "heritage" are one topic.
std::vector<std::string> split_topics(const std::vector<std::string>& values) {
    std::vector<std::string> topics;
    for (const std::string& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find(',', start);
            if (end == std::string::npos) end = value.size();
            std::string topic = collapse_spaces(std::string_view(value).substr(start, end - start));
            const bool known = std::any_of(topics.begin(), topics.end(), [&](const auto& other) {
                return same_ignoring_case(other, topic);
            });
            if (!topic.empty() && !known) topics.push_back(std::move(topic));
            start = end + 1;
        }
    }
    return topics;
}

// "people (office)", or whichever of the two there is.
std::string source_of(const Metadata& metadata) {
    std::string people;
    for (const std::string& person : metadata.all(people_keys)) {
        if (!people.empty()) people += "; ";
        people += person;
    }
    const std::string office = metadata.first(office_keys);
    if (people.empty()) return office;
    if (office.empty()) return people;
    return people + " (" + office + ")";
}

std::string url_of(const Metadata& metadata) {
    std::string url = metadata.first(url_keys);
    if (!url.empty()) return url;
    for (const auto& [key, values] : metadata.entries) {
        if (key.size() > 4 && key.compare(key.size() - 4, 4, "_url") == 0 && !values.empty()) {
            return values.front();
        }
    }
    return {};
}

// Paragraphs separated by blank lines, the lines of each joined by a space.
std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::string current;
    for (const Line& line : split_lines(text)) {
        const std::string flat = collapse_spaces(line.text);
        if (flat.empty()) {
            if (!current.empty()) paragraphs.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += flat;
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    return paragraphs;
}

std::string first_line_of(std::string_view text) {
    for (const Line& line : split_lines(text)) {
        std::string flat = collapse_spaces(line.text);
        if (!flat.empty()) return flat;
    }
    return {};
}

// Fills the release's body (and what the body's opening tells) from the text after the front
// matter. `body_line` is the file line the body starts on, for messages.
void read_body(std::string_view body, std::size_t body_line, PressRelease& release,
               const ReaderEvents& events) {
    const std::string opening = first_line_of(body);
    if (opening.empty()) return;
    if (release.title.empty() || same_ignoring_case(opening, release.title)) {
        try {
            PressRelease wire = parse_wire_text(body);
            if (release.title.empty()) release.title = std::move(wire.title);
            if (release.date.empty()) release.date = std::move(wire.date);
            if (release.source.empty()) release.source = std::move(wire.source);
            if (release.place.empty()) release.place = std::move(wire.place);
            release.body = std::move(wire.body);
            return;
        } catch (const ParseError& error) {
            // Not a wire text after all (a title with no body under it, control characters in the
            // first line): plain paragraphs.
            if (events.on_warning) {
                events.on_warning(body_line + (error.line > 0 ? error.line - 1 : 0),
                                  std::string("body read as plain text: ") + error.what());
            }
        }
    }
    std::vector<std::string> paragraphs = paragraphs_of(body);
    if (!paragraphs.empty()) {
        if (const auto dateline = parse_dateline(paragraphs.front())) {
            if (release.place.empty()) release.place = dateline->place;
            if (release.source.empty()) release.source = dateline->agency;
            paragraphs.front().erase(0, dateline->length);
            if (paragraphs.front().empty()) paragraphs.erase(paragraphs.begin());
        }
    }
    for (const std::string& paragraph : paragraphs) {
        if (!release.body.empty()) release.body += "\n\n";
        release.body += paragraph;
    }
}

// Harvesters write `title: "Dental dumped in "year of delivery""`, which is not YAML. Such
// lines (a top-level key, a value that opens and closes with '"' and has more '"' inside) are
// rewritten as single-quoted values. nullopt when no line needs it.
std::optional<std::string> with_inner_quotes_escaped(std::string_view yaml) {
    std::string out;
    bool changed = false;
    for (const Line& line : split_lines(yaml)) {
        const std::string_view text = line.text;
        const std::size_t colon = text.find(": ");
        const bool top_level_key =
            colon != std::string_view::npos && colon > 0 && !is_space(text.front()) &&
            text.substr(0, colon).find_first_of("\"'") == std::string_view::npos;
        const std::string_view value = top_level_key ? trim(text.substr(colon + 2)) : "";
        const std::string_view inner =
            value.size() >= 2 && value.front() == '"' && value.back() == '"'
                ? value.substr(1, value.size() - 2)
                : std::string_view();
        if (inner.find('"') != std::string_view::npos &&
            inner.find('\\') == std::string_view::npos) {  // escaped quotes are fine YAML
            out.append(text.substr(0, colon + 2)).append("'");
            for (const char c : inner) {
                out += c;
                if (c == '\'') out += '\'';
            }
            out += "'\n";
            changed = true;
        } else {
            out.append(text).append("\n");
        }
    }
    if (!changed) return std::nullopt;
    return out;
}

bool load_yaml(const std::string& yaml, YAML::Node& root) {
    try {
        root = YAML::Load(yaml);
        return true;
    } catch (const YAML::Exception&) {
        return false;
    }
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    return 1 +
           static_cast<std::size_t>(std::count(
               text.begin(),
               text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size())), '\n'));
}

void read_file(std::string_view bytes, const ReaderEvents& events) {
    auto skip = [&events](std::size_t line, const std::string& message) {
        if (events.on_skip) events.on_skip(line, message);
    };
    std::string_view text = utf8::strip_bom(bytes);
    std::string converted;
    if (const std::size_t bad = utf8::first_invalid(text); bad != text.size()) {
        if (events.on_warning) {
            events.on_warning(
                line_of_offset(text, bad),
                "not valid UTF-8 (byte " + std::to_string(bad + 1) + "); read as Windows-1252");
        }
        converted = utf8::from_windows1252(text);
        text = converted;
    }

    const std::vector<Line> lines = split_lines(text);
    std::size_t open = 0;
    while (open < lines.size() && trim(lines[open].text).empty()) ++open;
    if (open == lines.size()) {
        skip(0, "empty file");
        return;
    }
    if (!is_fence(lines[open].text, false)) {
        skip(open + 1, "no YAML front matter (the file must open with a '---' line)");
        return;
    }
    std::size_t close = open + 1;
    while (close < lines.size() && !is_fence(lines[close].text, true)) ++close;
    if (close == lines.size()) {
        skip(open + 1, "the front matter opened on this line is not closed by a '---' line");
        return;
    }
    const std::size_t yaml_start = open + 1 < lines.size() ? lines[open + 1].offset : text.size();
    const std::string_view yaml = text.substr(yaml_start, lines[close].offset - yaml_start);
    if (yaml.size() > max_front_matter_bytes) {
        skip(open + 1, "front matter larger than 1 MB");
        return;
    }

    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& error) {
        const std::size_t line =
            error.mark.is_null() ? open + 1 : open + 2 + static_cast<std::size_t>(error.mark.line);
        const std::optional<std::string> repaired = with_inner_quotes_escaped(yaml);
        if (!repaired || !load_yaml(*repaired, root)) {
            skip(line, "invalid YAML in the front matter: " + error.msg);
            return;
        }
        if (events.on_warning) {
            events.on_warning(line,
                              "unescaped quotes inside a quoted value in the front matter; "
                              "read as part of the value");
        }
    }
    Metadata metadata;
    if (root.IsMap()) {
        for (const auto& entry : root) {
            if (!entry.first.IsScalar()) continue;
            metadata.entries.emplace_back(normalised_key(entry.first.Scalar()),
                                          strings_of(entry.second));
        }
    } else if (!root.IsNull()) {
        skip(open + 1, "the front matter is not a list of 'key: value' lines");
        return;
    }

    PressRelease release;
    release.id = metadata.first(id_keys);
    release.title = metadata.first(title_keys);
    release.source = source_of(metadata);
    release.url = url_of(metadata);
    release.lang = language_code(metadata.first(lang_keys));
    release.place = metadata.first(place_keys);
    release.topics = split_topics(metadata.all(topic_keys));
    std::string date = metadata.first(date_keys);
    if (date.empty()) date = metadata.first(fallback_date_keys);
    if (!date.empty()) {
        if (std::string iso = dates::normalize(date); !iso.empty()) {
            release.date = std::move(iso);
        } else if (events.on_warning) {
            events.on_warning(open + 1, "unrecognised date " + quoted(date) +
                                            " in the front matter; the release has no date");
        }
    }

    const std::size_t body_start = close + 1 < lines.size() ? lines[close + 1].offset : text.size();
    read_body(text.substr(body_start), close + 2, release, events);
    if (release.title.empty() && release.body.empty()) {
        skip(1, "no title and no text");
        return;
    }
    if (events.on_record) events.on_record(std::move(release), 1);
}

}  // namespace

void read_front_matter_text(std::string_view bytes, const ReaderEvents& events) {
    try {
        read_file(bytes, events);
    } catch (const std::exception& error) {
        if (events.on_skip) events.on_skip(0, std::string("cannot read the file: ") + error.what());
    } catch (...) {
        if (events.on_skip) events.on_skip(0, "cannot read the file: unexpected error");
    }
}

}  // namespace dateline
