#include "wire_text.hpp"

#include <array>
#include <vector>

#include "dates.hpp"
#include "errors.hpp"
#include "utf8.hpp"

namespace dateline {

namespace {

// A title longer than this is not a headline: most likely a binary file or another format.
constexpr std::size_t max_title_bytes = 1000;
// Agencies and places are short; the limits keep an all-caps sentence from passing as either.
constexpr std::size_t max_agency_bytes = 60;
constexpr std::size_t max_place_bytes = 60;

constexpr std::string_view em_dash = "\xE2\x80\x94";
constexpr std::string_view en_dash = "\xE2\x80\x93";

struct Line {
    std::string_view text;
    std::size_t number;  // 1-based
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

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

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    return pos;
}

// Bytes taken by a capital letter at `pos`: A-Z, or Latin-1 capitals such as "Ü" (U+00C0 to
// U+00DE without the multiplication sign), so that "ZÜRICH" counts; 0 for anything else.
std::size_t capital_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    const char c = text[pos];
    if (c >= 'A' && c <= 'Z') return 1;
    if (static_cast<unsigned char>(c) == 0xC3 && pos + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[pos + 1]);
        if (next >= 0x80 && next <= 0x9E && next != 0x97) return 2;
    }
    return 0;
}

bool dash_at(std::string_view text, std::size_t pos) {
    const std::string_view rest = text.substr(pos);
    return starts_with(rest, "-") || starts_with(rest, em_dash) || starts_with(rest, en_dash);
}

// One word of a place, "PORT", "D.C.", "N'DJAMENA", "WINSTON-SALEM": it starts with a capital
// and holds only capitals, dots, apostrophes and inner hyphens. Returns the end, or `pos` when
// no such word starts there (also when a lower-case letter or digit follows, as in "The").
std::size_t scan_place_word(std::string_view text, std::size_t pos, int& letters) {
    if (capital_at(text, pos) == 0) return pos;
    std::size_t end = pos;
    int found = 0;
    while (end < text.size()) {
        if (const std::size_t n = capital_at(text, end); n > 0) {
            end += n;
            ++found;
        } else if (text[end] == '.' || text[end] == '\'') {
            ++end;
        } else if (text[end] == '-' && capital_at(text, end + 1) > 0) {
            ++end;
        } else {
            break;
        }
    }
    if (end < text.size()) {
        const char next = text[end];
        const bool boundary = next == ' ' || next == '\t' || next == ',' || next == '(' ||
                              dash_at(text, end);
        if (!boundary) return pos;
    }
    letters += found;
    return end;
}

// "July 22", "Feb 26", "Jan. 5": the month and day of a dateline (which has no year).
std::size_t scan_month_day(std::string_view text, std::size_t pos, int& month, int& day) {
    std::size_t end = pos;
    while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') ||
                                 (text[end] >= 'A' && text[end] <= 'Z'))) {
        ++end;
    }
    if (end < text.size() && text[end] == '.') ++end;
    const int found_month = dates::month_from_name(text.substr(pos, end - pos));
    if (found_month == 0) return pos;
    const std::size_t day_start = skip_spaces(text, end);
    if (day_start == end) return pos;
    end = day_start;
    int found_day = 0;
    while (end < text.size() && is_digit(text[end]) && end - day_start < 2) {
        found_day = found_day * 10 + (text[end] - '0');
        ++end;
    }
    if (end == day_start || (end < text.size() && is_ascii_alnum(text[end]))) return pos;
    // Without a year, Feb 29 must pass.
    constexpr std::array<int, 12> max_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (found_day < 1 || found_day > max_days[static_cast<std::size_t>(found_month - 1)]) {
        return pos;
    }
    month = found_month;
    day = found_day;
    return end;
}

// An agency name as it appears inside "(...)" or before ")" in a time line.
bool plausible_agency(std::string_view agency) {
    if (agency.empty() || agency.size() > max_agency_bytes) return false;
    if (agency.find_first_of("()") != std::string_view::npos) return false;
    const auto first = static_cast<unsigned char>(agency.front());
    return (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0x80;
}

// "--", "-", an em dash or an en dash, then spaces. ASCII dashes need a space after them so
// that a hyphenated word is not taken for one. Returns the end, or `pos` if there is none.
std::size_t scan_dash(std::string_view text, std::size_t pos) {
    const std::string_view rest = text.substr(pos);
    std::size_t end = pos;
    bool needs_space = true;
    if (starts_with(rest, "--")) {
        end += 2;
    } else if (starts_with(rest, "-")) {
        end += 1;
    } else if (starts_with(rest, em_dash) || starts_with(rest, en_dash)) {
        end += em_dash.size();
        needs_space = false;
    } else {
        return pos;
    }
    const std::size_t after = skip_spaces(text, end);
    if (needs_space && after == end && end < text.size()) return pos;
    return after;
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
        if (byte < 0x20 && c != '\t') return true;
    }
    return false;
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
    int letters = 0;
    std::size_t pos = scan_place_word(paragraph, 0, letters);
    if (pos == 0) return std::nullopt;
    Dateline result;
    std::size_t place_end = pos;
    while (true) {
        const std::size_t next = skip_spaces(paragraph, pos);
        if (next > pos) {
            const std::size_t end = scan_place_word(paragraph, next, letters);
            if (end > next) {
                pos = place_end = end;
                continue;
            }
            break;
        }
        if (pos < paragraph.size() && paragraph[pos] == ',') {
            const std::size_t part = skip_spaces(paragraph, pos + 1);
            std::size_t end = scan_month_day(paragraph, part, result.month, result.day);
            if (end > part) {
                pos = end;
                break;
            }
            end = scan_place_word(paragraph, part, letters);
            if (end == part) return std::nullopt;  // "PARIS, France": not a dateline we know
            pos = place_end = end;
            continue;
        }
        break;
    }
    if (letters < 2 || place_end > max_place_bytes) return std::nullopt;

    std::size_t next = skip_spaces(paragraph, pos);
    if (next < paragraph.size() && paragraph[next] == '(') {
        const std::size_t close = paragraph.find(')', next);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view agency = trim(paragraph.substr(next + 1, close - next - 1));
        if (!plausible_agency(agency) || capital_at(agency, 0) == 0) return std::nullopt;
        result.agency = std::string(agency);
        next = skip_spaces(paragraph, close + 1);
    }
    const std::size_t end = scan_dash(paragraph, next);
    if (end == next) return std::nullopt;  // a dateline always ends with a dash
    result.place = std::string(paragraph.substr(0, place_end));
    result.length = end;
    return result;
}

PressRelease parse_wire_text(std::string_view text) {
    const std::vector<Line> lines = split_lines(utf8::strip_bom(text));
    std::size_t index = 0;
    while (index < lines.size() && trim(lines[index].text).empty()) ++index;
    if (index == lines.size()) throw ParseError("empty file", 0);

    const Line& title_line = lines[index];
    if (title_line.text.size() > max_title_bytes) {
        throw ParseError("title line is too long (" + std::to_string(title_line.text.size()) +
                             " bytes; a wire text starts with a one-line title)",
                         title_line.number);
    }
    if (has_control_bytes(title_line.text)) {
        throw ParseError("title line contains control characters (not a text file?)",
                         title_line.number);
    }
    PressRelease release;
    release.title = std::string(trim(title_line.text));

    ++index;
    while (index < lines.size() && trim(lines[index].text).empty()) ++index;
    if (index < lines.size()) {
        if (auto time_line = parse_time_line(lines[index].text)) {
            release.date = std::move(time_line->date);
            release.source = std::move(time_line->agency);
            ++index;
        }
    }

    std::vector<std::string> paragraphs = paragraphs_of(lines, index);
    if (!paragraphs.empty()) {
        if (const auto dateline = parse_dateline(paragraphs.front())) {
            release.place = dateline->place;
            if (release.source.empty()) release.source = dateline->agency;
            paragraphs.front().erase(0, dateline->length);
            if (paragraphs.front().empty()) paragraphs.erase(paragraphs.begin());
        }
    }
    if (paragraphs.empty()) throw ParseError("no body after the title", title_line.number);
    for (const std::string& paragraph : paragraphs) {
        if (!release.body.empty()) release.body += "\n\n";
        release.body += paragraph;
    }
    return release;
}

}  // namespace dateline
