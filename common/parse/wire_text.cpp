#include "wire_text.hpp"

#include <vector>

#include "dateline.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "issuer.hpp"
#include "release_structure.hpp"
#include "utf8.hpp"
#include "plain_text.hpp"

namespace dateline {

namespace {

// A first line longer than this is not a headline: the text has no line structure (read as a
// flat text below).
constexpr std::size_t max_title_bytes = 1000;
// In a flat text, a block this long at most, of at least this many words, can be the title.
constexpr std::size_t max_flat_title_bytes = 300;
constexpr std::size_t min_flat_title_words = 4;
// A title cut from running text ends at a word boundary before this many bytes.
constexpr std::size_t cut_title_bytes = 160;
// The dateline is in the body's first lines, after at most a short release header.
constexpr std::size_t dateline_window = 512;

struct Line {
    std::string_view text;
    std::size_t number;  // 1-based
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

using plain_text::trim;

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back({line, lines.size() + 1});
        start = end + 1;
    }
    return lines;
}

struct TimeLine {
    std::string date;
    std::string agency;
};

// "Xinhua) 08:55, July 23, 2025", "(Xinhua) 08:55, July 23, 2025", "July 23, 2025",
// "2025-07-23T08:55:00", "Updated: 2025-07-23 08:55".
std::optional<TimeLine> parse_time_line(std::string_view line) {
    line = trim(line);
    for (const std::string_view label : {"updated:", "published:", "posted:"}) {
        if (starts_with_nocase(line, label)) {
            line = trim(line.substr(label.size()));
            break;
        }
    }
    if (const auto date = dates::parse(line)) return TimeLine{dates::to_iso(*date), {}};
    const std::size_t close = line.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view agency = line.substr(0, close);
    if (starts_with(agency, "(")) agency.remove_prefix(1);
    agency = trim(agency);
    if (!plausible_agency(agency)) return std::nullopt;
    const auto date = dates::parse(line.substr(close + 1));
    if (!date) return std::nullopt;
    return TimeLine{dates::to_iso(*date), std::string(agency)};
}

// Joins the lines of each paragraph with one space; paragraphs are separated by blank lines.
std::vector<std::string> paragraphs_of(const std::vector<Line>& lines, std::size_t first) {
    std::vector<std::string> paragraphs;
    std::string current;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const std::string_view text = trim(lines[i].text);
        if (text.empty()) {
            if (!current.empty()) paragraphs.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += text;
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    return paragraphs;
}

bool has_control_bytes(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && !is_space(c)) return true;  // a stray CR or form feed is a space
    }
    return false;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = is_space(c) || c == '\n';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// The blocks of a flat text: runs of three or more white-space characters, or a line break,
// separate them (scrapers that flatten a page keep its layout as runs of spaces). Inner white
// space is collapsed to one space.
std::vector<std::string> flat_blocks(std::string_view text) {
    std::vector<std::string> blocks;
    std::string current;
    std::size_t spaces = 0;
    bool line_break = false;
    const auto finish = [&] {
        if (!current.empty()) blocks.push_back(std::move(current));
        current.clear();
    };
    for (const char c : text) {
        if (is_space(c) || c == '\n') {
            ++spaces;
            line_break = line_break || c == '\n';
            continue;
        }
        if (spaces >= 3 || line_break) {
            finish();
        } else if (spaces > 0 && !current.empty()) {
            current += ' ';
        }
        spaces = 0;
        line_break = false;
        current += c;
    }
    finish();
    return blocks;
}

// The start of `text` up to the last space before `limit` bytes, with an ellipsis when cut.
std::string cut_at_word(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = text.rfind(' ', limit);
    if (end == std::string::npos || end == 0) {
        end = limit;  // no space: back to the start of a UTF-8 sequence
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
    return text.substr(0, end) + "\u2026";
}

// A text whose first line is far too long for a title: a whole release flattened onto one
// line. The title is the first block that reads like one (a few words, not a paragraph), else
// the opening words of the text; everything after the title is the body; the date is the first
// one written in the opening text.
PressRelease parse_flat_text(std::string_view text) {
    const std::vector<std::string> blocks = flat_blocks(text);
    if (blocks.empty()) throw ParseError("empty file", 0);
    PressRelease release;
    std::size_t first_body_block = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].size() <= max_flat_title_bytes &&
            word_count(blocks[i]) >= min_flat_title_words) {
            release.title = blocks[i];
            first_body_block = i + 1;
            break;
        }
        if (blocks[i].size() > max_flat_title_bytes) break;  // the text itself has begun
    }
    std::string body;
    for (std::size_t i = first_body_block; i < blocks.size(); ++i) {
        if (!body.empty()) body += "\n\n";
        body += blocks[i];
    }
    if (body.empty()) throw ParseError("no body after the title", 1);
    if (const auto date = dates::find_date(text, dateline_window * 4)) {
        release.date = dates::to_iso(*date);
    }
    if (const auto dateline = find_dateline(std::string_view(body).substr(0, dateline_window))) {
        release.place = dateline->place;
        release.source = issuer_from_agency(dateline->agency);
        body.erase(0, dateline->offset + dateline->length);
    }
    if (body.empty()) throw ParseError("no body after the title", 1);
    if (release.title.empty()) release.title = cut_at_word(body, cut_title_bytes);
    release.body = std::move(body);
    complete_structure(release);
    return release;
}

}  // namespace

PressRelease parse_wire_text(std::string_view text, std::string* note) {
    const std::vector<Line> lines = split_lines(utf8::strip_bom(text));
    std::size_t index = 0;
    while (index < lines.size() && trim(lines[index].text).empty()) ++index;
    if (index == lines.size()) throw ParseError("empty file", 0);

    const Line& title_line = lines[index];
    if (has_control_bytes(title_line.text.substr(0, max_title_bytes))) {
        throw ParseError("title line contains control characters (not a text file?)",
                         title_line.number);
    }
    // A first line too long for a title, or a paragraph standing alone, is flat text.
    bool only_line = true;
    for (std::size_t i = index + 1; i < lines.size() && only_line; ++i) {
        only_line = trim(lines[i].text).empty();
    }
    if (title_line.text.size() > max_title_bytes ||
        (only_line && title_line.text.size() > max_flat_title_bytes)) {
        if (note) {
            *note = "no title line (line " + std::to_string(title_line.number) + " has " +
                    std::to_string(title_line.text.size()) +
                    " bytes): read as flat text, the title taken from its opening";
        }
        return parse_flat_text(text.substr(title_line.text.data() - text.data()));
    }
    PressRelease release;
    release.title = std::string(trim(title_line.text));
    for (char& c : release.title) {
        if (is_space(c)) c = ' ';
    }

    ++index;
    while (index < lines.size() && trim(lines[index].text).empty()) ++index;
    if (index < lines.size()) {
        if (auto time_line = parse_time_line(lines[index].text)) {
            release.date = std::move(time_line->date);
            // "XINHUA) 08:55, ..." is Xinhua; other names as written.
            release.source = issuer_from_agency(time_line->agency);
            if (release.source.empty()) release.source = std::move(time_line->agency);
            ++index;
        }
    }

    std::string body;
    for (const std::string& paragraph : paragraphs_of(lines, index)) {
        if (!body.empty()) body += "\n\n";
        body += paragraph;
    }
    // The dateline opens the body, or follows a release header ("FOR IMMEDIATE RELEASE"); both
    // go, once the place and issuer are read from them.
    if (const auto dateline = find_dateline(std::string_view(body).substr(0, dateline_window))) {
        release.place = dateline->place;
        if (release.source.empty()) release.source = issuer_from_agency(dateline->agency);
        if (release.source.empty()) {
            release.source = issuer_from_header(std::string_view(body).substr(0, dateline->offset));
        }
        std::size_t end = dateline->offset + dateline->length;
        // A dateline alone in its paragraph takes the paragraph break with it.
        if (body.compare(end, 2, "\n\n") == 0) end += 2;
        body.erase(0, end);
    }
    if (body.empty()) throw ParseError("no body after the title", title_line.number);
    release.body = std::move(body);
    complete_structure(release);
    return release;
}

}  // namespace dateline
