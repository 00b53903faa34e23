#include "boilerplate.hpp"
#include "plain_text.hpp"

#include <array>
#include <optional>
#include <vector>

namespace dateline {

namespace {

// Text after an end mark is cut only when it is this small: at most a third of the text
// before the mark, and at most this many bytes. Attached letters and remarks are longer.
constexpr std::size_t end_mark_tail_ratio = 3;
constexpr std::size_t max_end_mark_tail_bytes = 2000;
// Trailing blocks: together at most as long as the text kept and at most this many bytes.
constexpr std::size_t max_trailer_bytes = 4000;
// Contact blocks: the "Contact:" paragraph and the short lines under it (names, phones).
constexpr std::size_t max_contact_bytes = 300;
constexpr std::size_t max_contact_line_bytes = 200;
constexpr std::size_t max_contact_lines = 12;
// "About <organisation>": a heading, then up to three paragraphs of description.
constexpr std::size_t max_about_heading_bytes = 100;
constexpr std::size_t max_about_paragraphs = 3;
constexpr std::size_t max_about_paragraph_bytes = 1500;
// "For more information, visit ...": one short paragraph.
constexpr std::size_t max_more_info_bytes = 400;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

using plain_text::trim;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

struct Mark {
    std::size_t start;
    std::size_t end;
};

// The first end mark: a line that is only a mark, or "###", "# # #", "-30-" after some text on
// the same line and a space ("... the floor. ###"). At the start of a line "### Heading" is
// a heading, not a mark.
std::optional<Mark> first_end_mark(std::string_view body) {
    static constexpr std::array<std::string_view, 3> inline_marks = {"###", "# # #", "-30-"};
    std::size_t line_start = 0;
    while (line_start < body.size()) {
        std::size_t line_end = body.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = body.size();
        const std::string_view line = body.substr(line_start, line_end - line_start);
        if (is_end_mark(line)) {
            const std::size_t indent = line.find_first_not_of(" \t\r");
            return Mark{line_start + indent, line_end};
        }
        std::optional<Mark> earliest;
        for (const std::string_view mark : inline_marks) {
            for (std::size_t at = line.find(mark); at != std::string_view::npos;
                 at = line.find(mark, at + 1)) {
                const std::size_t after = at + mark.size();
                const bool after_text = at >= 2 && line[at - 1] == ' ' && !is_blank(line[at - 2]);
                const bool ends_word = after == line.size() || is_blank(line[after]);
                if (after_text && ends_word) {
                    if (!earliest || at < earliest->start) {
                        earliest = Mark{line_start + at, line_start + after};
                    }
                    break;
                }
            }
        }
        if (earliest) return earliest;
        line_start = line_end + 1;
    }
    return std::nullopt;
}

struct Span {
    std::size_t start;
    std::size_t end;
    std::string_view text(std::string_view body) const { return body.substr(start, end - start); }
    std::size_t size() const { return end - start; }
};

// Paragraphs: runs of text between blank lines, trimmed.
std::vector<Span> paragraphs_of(std::string_view body) {
    std::vector<Span> spans;
    std::size_t pos = 0;
    while (pos < body.size()) {
        while (pos < body.size() && is_blank(body[pos])) ++pos;
        if (pos >= body.size()) break;
        std::size_t end = pos;
        // A paragraph ends at a line break followed by a blank line.
        while (end < body.size()) {
            const std::size_t newline = body.find('\n', end);
            if (newline == std::string_view::npos) {
                end = body.size();
                break;
            }
            std::size_t next = newline + 1;
            while (next < body.size() && (body[next] == ' ' || body[next] == '\t' ||
                                          body[next] == '\r')) {
                ++next;
            }
            if (next >= body.size() || body[next] == '\n') {
                end = newline;
                break;
            }
            end = next;
        }
        std::size_t last = end;
        while (last > pos && is_blank(body[last - 1])) --last;
        spans.push_back({pos, last});
        pos = end;
    }
    return spans;
}

bool contact_start(std::string_view paragraph) {
    static constexpr std::array<std::string_view, 16> openings = {
        "contact:", "contacts:", "contact -", "media contact", "press contact",
        "media inquiries", "media enquiries", "press inquiries", "press enquiries",
        "for media inquiries", "for press inquiries", "for media enquiries",
        "for further information contact", "for further information, contact",
        "for more information contact", "for more information, contact"};
    if (paragraph.size() > max_contact_bytes) return false;
    const std::string text = lower(paragraph.substr(0, 48));
    for (const std::string_view opening : openings) {
        if (starts_with(text, opening)) return true;
    }
    // "DOJ MEDIA CONTACT: ...", "FTC Media Contact: ..."
    const std::size_t media = text.find("media contact");
    return media != std::string::npos && media <= 12;
}

// "About the Office of Justice Programs (OJP)", "About NVTC:" (a heading, no sentence).
bool about_heading(std::string_view paragraph) {
    if (!starts_with(paragraph, "About ") || paragraph.size() > max_about_heading_bytes) {
        return false;
    }
    std::string_view name = paragraph.substr(6);
    if (starts_with(name, "the ")) name.remove_prefix(4);
    if (name.empty() || !is_upper(name.front())) return false;
    if (paragraph.find(". ") != std::string_view::npos) return false;
    const char last = paragraph.back();
    return last != '.' && last != '?' && last != '!' && last != ',';
}

bool more_information(std::string_view paragraph) {
    static constexpr std::array<std::string_view, 5> openings = {
        "for more information", "for further information", "more information",
        "further information", "additional information"};
    static constexpr std::array<std::string_view, 7> pointers = {
        "visit", "www", "http", "@", "call", "contact", ".gov"};
    if (paragraph.size() > max_more_info_bytes) return false;
    const std::string text = lower(paragraph);
    bool opens = false;
    for (const std::string_view opening : openings) {
        opens = opens || starts_with(text, opening);
    }
    if (!opens) return false;
    for (const std::string_view pointer : pointers) {
        if (text.find(pointer) != std::string::npos) return true;
    }
    return false;
}

// The first paragraph of a trailing block that ends right before paragraph `end`, or `end`
// when paragraphs[end - 1] closes no such block. Never paragraph 0: the text comes first.
std::size_t trailer_block_start(std::string_view body, const std::vector<Span>& paragraphs,
                                std::size_t end) {
    auto text = [&](std::size_t i) { return paragraphs[i].text(body); };
    if (end <= 1) return end;
    if (more_information(text(end - 1))) return end - 1;
    // A contact paragraph, then short lines.
    for (std::size_t start = end; start-- > 1 && end - start <= max_contact_lines;) {
        if (contact_start(text(start))) return start;
        if (paragraphs[start].size() > max_contact_line_bytes) break;
    }
    // An "About ..." heading, then its paragraphs.
    for (std::size_t start = end; start-- > 1 && end - start <= max_about_paragraphs + 1;) {
        if (about_heading(text(start)) && start + 1 < end) return start;
        if (paragraphs[start].size() > max_about_paragraph_bytes) break;
    }
    return end;
}

std::size_t trimmed_size(std::string_view text) { return trim(text).size(); }

}  // namespace

bool is_end_mark(std::string_view paragraph) {
    static constexpr std::array<std::string_view, 18> marks = {
        "###",    "# # #", "-30-",  "- 30 -", "-###-",  "end",   "ends",    "-end-", "- end -",
        "-ends-", "- ends -", "[end]", "[ends]", "(end)", "(ends)", "--end--", "--ends--", "#####"};
    const std::string_view trimmed = trim(paragraph);
    if (trimmed.empty() || trimmed.size() > 10) return false;
    const std::string text = lower(trimmed);
    for (const std::string_view mark : marks) {
        if (text == mark) return true;
    }
    return false;
}

namespace {

// One pass: the end mark, then the trailing blocks.
BoilerplateCut strip_once(std::string& body) {
    BoilerplateCut cut;
    if (const auto mark = first_end_mark(body)) {
        const std::string_view view = body;
        const std::size_t before = trimmed_size(view.substr(0, mark->start));
        const std::size_t after = trimmed_size(view.substr(mark->end));
        if (before > 0 && after * end_mark_tail_ratio <= before &&
            after <= max_end_mark_tail_bytes) {
            std::size_t keep = mark->start;
            while (keep > 0 && is_blank(body[keep - 1])) --keep;
            cut.end_mark_bytes = body.size() - keep;
            body.erase(keep);
        }
    }
    const std::vector<Span> paragraphs = paragraphs_of(body);
    std::size_t first_trailer = paragraphs.size();
    while (true) {
        const std::size_t start = trailer_block_start(body, paragraphs, first_trailer);
        if (start == first_trailer) break;
        first_trailer = start;
    }
    if (first_trailer < paragraphs.size()) {
        const std::size_t keep_end = paragraphs[first_trailer - 1].end;
        const std::size_t tail = paragraphs.back().end - paragraphs[first_trailer].start;
        if (tail <= keep_end && tail <= max_trailer_bytes) {
            cut.trailer_bytes = body.size() - keep_end;
            body.erase(keep_end);
        }
    }
    return cut;
}

}  // namespace

BoilerplateCut strip_boilerplate(std::string& body) {
    // Until nothing more goes, so that the result is the same however often it runs: cutting a
    // contact block can leave an end mark with little after it, and the other way round.
    BoilerplateCut total;
    while (true) {
        const BoilerplateCut cut = strip_once(body);
        if (!cut.any()) break;
        total.end_mark_bytes += cut.end_mark_bytes;
        total.trailer_bytes += cut.trailer_bytes;
    }
    return total;
}

}  // namespace dateline
