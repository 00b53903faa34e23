#include "release_header.hpp"

#include <array>
#include <string>
#include <vector>

#include "dates.hpp"
#include "plain_text.hpp"

namespace dateline {

namespace {

constexpr std::size_t max_office_line_bytes = 100;
constexpr int max_header_lines = 6;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

using plain_text::trim;

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ') ++pos;
        if (pos > start) words.push_back(text.substr(start, pos - start));
    }
    return words;
}

// "Justice", "U.S.", "People's", "Al-Qassim", "École": a word that starts with a capital.
bool capitalised(std::string_view word) {
    if (word.empty()) return false;
    const auto first = static_cast<unsigned char>(word.front());
    return is_upper(word.front()) || (first == 0xC3 && word.size() > 1);
}

// The small words names keep in lower case.
bool connector(std::string_view word) {
    static constexpr std::array<std::string_view, 12> words = {
        "of", "for", "the", "and", "on", "in", "to", "&", "de", "du", "des", "la"};
    for (const std::string_view known : words) {
        if (word == known) return true;
    }
    return false;
}

bool contains_word(std::string_view text, std::string_view word) {
    for (std::string_view candidate : words_of(text)) {
        while (!candidate.empty() && candidate.back() == ',') candidate.remove_suffix(1);
        if (candidate == word) return true;
    }
    return false;
}

}  // namespace

bool is_capitalised_name(std::string_view text) {
    const std::vector<std::string_view> words = words_of(text);
    if (words.empty() || !capitalised(words.front())) return false;
    for (const std::string_view word : words) {
        for (const char c : word) {
            if (is_digit(c)) return false;
        }
        if (!capitalised(word) && !connector(word)) return false;
    }
    return true;
}

std::size_t release_marker_length(std::string_view line) {
    static constexpr std::array<std::string_view, 5> markers = {
        "for immediate release", "press release", "news release", "media release",
        "for release"};
    const std::string text = lower(line.substr(0, 24));
    for (const std::string_view marker : markers) {
        if (text.compare(0, marker.size(), marker) != 0) continue;
        std::size_t length = marker.size();
        if (length < line.size() && (is_upper(line[length]) || is_lower(line[length]))) continue;
        if (length < line.size() && (line[length] == ':' || line[length] == '.')) ++length;
        return length;
    }
    return 0;
}

bool is_office_line(std::string_view line) {
    static constexpr std::array<std::string_view, 11> heads = {
        "Department", "Ministry",   "Office",      "Embassy", "Consulate",  "Bureau",
        "Agency",     "Commission", "Secretariat", "Mission", "Directorate"};
    line = trim(line);
    if (line.empty() || line.size() > max_office_line_bytes || words_of(line).size() < 2) {
        return false;
    }
    const char last = line.back();
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return false;
    if (!is_capitalised_name(line)) return false;
    for (const std::string_view head : heads) {
        if (contains_word(line, head)) return true;
    }
    return false;
}

bool is_press_office_line(std::string_view line) {
    static constexpr std::array<std::string_view, 6> phrases = {
        "public affairs", "press office",  "office of the spokesperson",
        "office of the spokesman", "media office", "information office"};
    if (!is_office_line(line)) return false;
    const std::string text = lower(line);
    for (const std::string_view phrase : phrases) {
        if (text.find(phrase) != std::string::npos) return true;
    }
    return false;
}

std::size_t skip_release_header(std::string_view body) {
    std::size_t pos = 0;
    std::size_t text_start = 0;
    for (int lines = 0; lines < max_header_lines; ++lines) {
        while (pos < body.size() && is_blank(body[pos])) ++pos;
        if (pos >= body.size()) break;
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view line = body.substr(pos, end - pos);
        if (const std::size_t marker = release_marker_length(line); marker > 0) {
            // The marker may open a line of text: go on reading right after it.
            pos += marker;
            text_start = pos;
            while (text_start < body.size() && is_blank(body[text_start])) ++text_start;
            continue;
        }
        if (!is_office_line(line) && !dates::parse(line)) break;
        pos = end;
        text_start = pos;
        while (text_start < body.size() && is_blank(body[text_start])) ++text_start;
    }
    return text_start;
}

}  // namespace dateline
