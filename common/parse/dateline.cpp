#include "dateline.hpp"

#include <array>
#include <vector>

#include "dates.hpp"
#include "release_header.hpp"
#include "plain_text.hpp"

namespace dateline {

namespace {

// Agencies and places are short; the limits keep an all-caps sentence from passing as either.
constexpr std::size_t max_agency_bytes = 60;
constexpr std::size_t max_place_bytes = 60;
constexpr std::size_t max_title_case_words = 4;  // "Port St. Claire"
constexpr int max_region_parts = 3;      // "Scarborough, Ontario, Feb 26"

constexpr std::string_view em_dash = "\xE2\x80\x94";
constexpr std::string_view en_dash = "\xE2\x80\x93";

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_alnum(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }

using plain_text::trim;

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    return pos;
}

// Bytes taken by a capital letter at `pos`: A-Z, or Latin-1 capitals such as "Ü" (U+00C0 to
// U+00DE without the multiplication sign), so that "ZÜRICH" counts; 0 for anything else.
std::size_t capital_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    if (is_upper(text[pos])) return 1;
    if (static_cast<unsigned char>(text[pos]) == 0xC3 && pos + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[pos + 1]);
        if (next >= 0x80 && next <= 0x9E && next != 0x97) return 2;
    }
    return 0;
}

// Bytes taken by a small letter at `pos`: a-z or Latin-1 small letters (U+00DF to U+00FF
// without the division sign); 0 for anything else.
std::size_t small_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    if (is_lower(text[pos])) return 1;
    if (static_cast<unsigned char>(text[pos]) == 0xC3 && pos + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[pos + 1]);
        if (next >= 0x9F && next <= 0xBF && next != 0xB7) return 2;
    }
    return 0;
}

bool dash_at(std::string_view text, std::size_t pos) {
    const std::string_view rest = text.substr(pos);
    return starts_with(rest, "-") || starts_with(rest, em_dash) || starts_with(rest, en_dash);
}

// What may follow a word of a place: the end, a space, a comma, "(" or a dash.
bool place_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return true;
    const char next = text[pos];
    return is_space(next) || next == ',' || next == '(' || dash_at(text, pos);
}

// "Jan", "Jan.", "January": a month name starts at `pos` (so it is not a word of a place).
bool month_name_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && (is_upper(text[end]) || is_lower(text[end]))) ++end;
    if (end < text.size() && text[end] == '.') ++end;
    return dates::month_from_name(text.substr(pos, end - pos)) != 0;
}

// One word of a place in capitals, "PORT", "D.C.", "N'DJAMENA", "WINSTON-SALEM": it starts
// with a capital and holds only capitals, dots, apostrophes and inner hyphens. Returns the
// end, or `pos` when no such word starts there (also when a small letter or digit follows, as
// in "The"). `letters` counts the capitals read.
std::size_t scan_caps_word(std::string_view text, std::size_t pos, int& letters) {
    if (capital_at(text, pos) == 0 || month_name_at(text, pos)) return pos;
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
    if (!place_boundary(text, end)) return pos;
    letters += found;
    return end;
}

// One word of a place in title case, "Chicago", "Ill.", "Winston-Salem", "Zürich": a capital,
// then small letters (inner hyphens before a capital, apostrophes), optionally a final dot.
// Month names are never place words.
std::size_t scan_title_word(std::string_view text, std::size_t pos) {
    std::size_t end = pos + capital_at(text, pos);
    if (end == pos || month_name_at(text, pos)) return pos;
    std::size_t smalls = 0;
    while (end < text.size()) {
        if (const std::size_t n = small_at(text, end); n > 0) {
            end += n;
            ++smalls;
        } else if (text[end] == '\'' && small_at(text, end + 1) > 0) {
            ++end;
        } else if (text[end] == '-' && capital_at(text, end + 1) > 0) {
            end += 1 + capital_at(text, end + 1);
        } else {
            break;
        }
    }
    if (smalls == 0) return pos;
    if (end < text.size() && text[end] == '.') ++end;
    return place_boundary(text, end) ? end : pos;
}

// "July 22", "Feb 26", "Jan. 5", "2 March": the month and day of a dateline (which has no
// year). Returns the end, or `pos` if there is none.
std::size_t scan_month_day(std::string_view text, std::size_t pos, int& month, int& day) {
    constexpr std::array<int, 12> max_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    auto read_month = [&](std::size_t at, int& found) {
        std::size_t end = at;
        while (end < text.size() && (is_upper(text[end]) || is_lower(text[end]))) ++end;
        if (end < text.size() && text[end] == '.') ++end;
        found = dates::month_from_name(text.substr(at, end - at));
        return found == 0 ? at : end;
    };
    auto read_day = [&](std::size_t at, int& found) {
        std::size_t end = at;
        found = 0;
        while (end < text.size() && is_digit(text[end]) && end - at < 2) {
            found = found * 10 + (text[end] - '0');
            ++end;
        }
        if (end == at || (end < text.size() && is_ascii_alnum(text[end]))) return at;
        return end;
    };
    int found_month = 0;
    int found_day = 0;
    std::size_t end = pos;
    if (const std::size_t month_end = read_month(pos, found_month); month_end > pos) {
        const std::size_t day_start = skip_spaces(text, month_end);
        if (day_start == month_end) return pos;
        end = read_day(day_start, found_day);
        if (end == day_start) return pos;
    } else {
        const std::size_t day_end = read_day(pos, found_day);
        if (day_end == pos) return pos;
        const std::size_t month_start = skip_spaces(text, day_end);
        if (month_start == day_end) return pos;
        end = read_month(month_start, found_month);
        if (end == month_start || (end < text.size() && is_ascii_alnum(text[end]))) return pos;
    }
    // Without a year, Feb 29 must pass.
    if (found_day < 1 || found_day > max_days[static_cast<std::size_t>(found_month - 1)]) {
        return pos;
    }
    month = found_month;
    day = found_day;
    return end;
}

// "--", "-", "_", an em dash or an en dash, then spaces. ASCII dashes need a space after them
// so that a hyphenated word is not taken for one. Returns the end, or `pos` if there is none.
std::size_t scan_dash(std::string_view text, std::size_t pos) {
    const std::string_view rest = text.substr(pos);
    std::size_t end = pos;
    bool needs_space = true;
    if (starts_with(rest, "--")) {
        end += 2;
    } else if (starts_with(rest, "-") || starts_with(rest, "_")) {
        end += 1;
    } else if (starts_with(rest, em_dash) || starts_with(rest, en_dash)) {
        end += em_dash.size();
        needs_space = false;
    } else {
        return pos;
    }
    const std::size_t after = skip_spaces(text, end);
    // "WASHINGTON--A federal grand jury": a double dash may touch the sentence.
    const bool touching_sentence = end == pos + 2 && end < text.size() && is_upper(text[end]);
    const bool line_end = end < text.size() && (text[end] == '\n' || text[end] == '\r');
    if (needs_space && after == end && end < text.size() && !touching_sentence && !line_end) {
        return pos;
    }
    return after;
}

// A mixed-case abbreviation of a region, "W.Va.", "Pa.", "Mich.": a capital, then letters
// and dots with at least one dot, at most 8 bytes.
std::size_t scan_abbreviation(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || !is_upper(text[pos])) return pos;
    std::size_t end = pos;
    bool dot = false;
    while (end < text.size() && end - pos < 8 &&
           (is_upper(text[end]) || is_lower(text[end]) || text[end] == '.')) {
        dot = dot || text[end] == '.';
        ++end;
    }
    if (!dot || !place_boundary(text, end)) return pos;
    return end;
}

// A region after a comma: "Ill.", "D.C.", "Ontario", "British Columbia", "N.J.", "W.Va.".
// Returns the end, or `pos`. `dotted` is set when it ends in an abbreviation ("D.C.", "Ill.").
std::size_t scan_region(std::string_view text, std::size_t pos, bool& dotted) {
    std::size_t end = pos;
    for (int words = 0; words < 3; ++words) {
        const std::size_t start = words == 0 ? pos : skip_spaces(text, end);
        if (words > 0 && start == end) break;
        int letters = 0;
        std::size_t word_end = scan_caps_word(text, start, letters);
        if (word_end == start) word_end = scan_title_word(text, start);
        if (word_end == start) word_end = scan_abbreviation(text, start);
        if (word_end == start) break;
        end = word_end;
    }
    dotted = end > pos && text[end - 1] == '.';
    return end;
}

// A U.S. state written after a dateline city whose punctuation was lost: "DC", "D C", "D.C.",
// "IL". Returns the end (after the spaces that follow), or `pos`.
std::size_t skip_state_code(std::string_view text, std::size_t pos) {
    static constexpr std::array<std::string_view, 51> codes = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID",
        "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
        "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};
    for (const std::string_view spelled : {"D.C.", "D. C.", "D.C", "D C"}) {
        if (starts_with(text.substr(pos), spelled) &&
            (pos + spelled.size() == text.size() || is_space(text[pos + spelled.size()]))) {
            return skip_spaces(text, pos + spelled.size());
        }
    }
    if (pos + 2 <= text.size() && (pos + 2 == text.size() || is_space(text[pos + 2]))) {
        for (const std::string_view code : codes) {
            if (text.substr(pos, 2) == code) return skip_spaces(text, pos + 2);
        }
    }
    return pos;
}

// A new sentence starts at `pos`: "The", "Attorney", a one-letter word ("A federal",
// "U S Senator") or an initial ("U.S. District Judge"), not a name in capitals ("ING Bank").
bool sentence_start_at(std::string_view text, std::size_t pos) {
    if (pos + 1 >= text.size() || !is_upper(text[pos])) return false;
    return is_lower(text[pos + 1]) || is_space(text[pos + 1]) || text[pos + 1] == '.';
}

// A word of at least two capitals and no small letters starts at `pos` ("SOUTH", "STATEMENT").
bool caps_word_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    int capitals = 0;
    while (end < text.size() && !is_space(text[end])) {
        if (is_lower(text[end])) return false;
        if (is_upper(text[end])) ++capitals;
        ++end;
    }
    return capitals >= 2;
}

// Words that open headlines and headers in capitals ("MEDIA RELEASE - ...", "TRANSCRIPT OF
// DOORSTOP - ...", "MR RUDDOCK - ...") and never a place's name.
bool header_word(std::string_view word) {
    static constexpr std::array<std::string_view, 60> words = {
        "OF", "AND", "IS", "ARE", "ON", "FOR", "TO", "IN", "BY", "WITH", "AT", "FROM",
        "AS", "IT", "ITS", "NOT", "NO", "BE", "WAS", "WILL", "MR", "MRS", "MS", "DR",
        "HON", "MP", "M.P.", "SENATOR", "MINISTER", "PRESIDENT", "PREMIER", "PRIME",
        "LEADER", "SECRETARY", "GOVERNOR", "MAYOR", "RELEASE", "RELEASES", "STATEMENT",
        "TRANSCRIPT", "MEDIA", "PRESS", "NEWS", "PAPER", "ALERT", "ADVISORY", "UPDATE",
        "EMBARGO", "EMBARGOED", "INTERVIEW", "SPEECH", "DOORSTOP", "PRESENTER", "REPORTER",
        "NOTE", "CORRECTION", "CORRECTED", "REPEAT", "URGENT", "BULLETIN"};
    for (const std::string_view known : words) {
        if (word == known) return true;
    }
    return false;
}

// True if a place (head and regions, in capitals) holds a header word, or "THE" after its first
// word ("NAVY IS ON ...", "TRANSCRIPT OF THE ...").
bool has_header_word(std::string_view place) {
    std::size_t pos = 0;
    bool first = true;
    while (pos < place.size()) {
        while (pos < place.size() && (is_space(place[pos]) || place[pos] == ',')) ++pos;
        const std::size_t start = pos;
        while (pos < place.size() && !is_space(place[pos]) && place[pos] != ',') ++pos;
        const std::string_view word = place.substr(start, pos - start);
        if (word.empty()) break;
        if (header_word(word) || (!first && word == "THE")) return true;
        first = false;
    }
    return false;
}

// "WASHINGTONThe ..." and "WASHINGTONA federal ...": a known city glued to the next word.
std::optional<Dateline> parse_glued_city(std::string_view text) {
    std::size_t run = 0;
    while (run < text.size() && (is_upper(text[run]) || text[run] == ' ')) ++run;
    // The run's last capital starts the next word: "WASHINGTONT|he", "WASHINGTONA| federal".
    if (run < 2 || !is_upper(text[run - 1]) || text[run - 2] == ' ') return std::nullopt;
    const bool glued_word = run < text.size() && is_lower(text[run]);
    const bool glued_article = run + 1 < text.size() && text[run] == ' ' &&
                               (text[run - 1] == 'A' || text[run - 1] == 'I') &&
                               is_lower(text[run + 1]);
    if (!glued_word && !glued_article) return std::nullopt;
    const std::string_view place = text.substr(0, run - 1);
    if (!is_known_dateline_city(place)) return std::nullopt;
    Dateline result;
    result.place = std::string(place);
    result.has_dash = false;
    result.length = run - 1;
    return result;
}

// The parts of a dateline read so far.
struct Scan {
    Dateline result;
    std::size_t pos = 0;        // where reading continues
    std::size_t place_end = 0;  // end of the place's last word
    std::vector<std::size_t> head_ends;  // end of each word before the first comma
    int letters = 0;            // capitals in a capitals place
    bool caps = true;           // the place is in capitals (not title case)
    bool has_region = false;
    bool dotted_region = false;
    bool has_paren = false;
};

// "BEIJING", "RIO DE JANEIRO", "Port St. Claire": the place's first words. False if none.
bool scan_place_head(std::string_view text, Scan& scan) {
    std::size_t end = scan_caps_word(text, 0, scan.letters);
    if (end == 0) {
        end = scan_title_word(text, 0);
        if (end == 0) return false;
        scan.caps = false;
    }
    scan.pos = scan.place_end = end;
    scan.head_ends.push_back(end);
    while (true) {
        const std::size_t next = skip_spaces(text, scan.pos);
        if (next == scan.pos) break;
        end = scan.caps ? scan_caps_word(text, next, scan.letters) : scan_title_word(text, next);
        if (end == next || (!scan.caps && scan.head_ends.size() == max_title_case_words)) break;
        scan.pos = scan.place_end = end;
        scan.head_ends.push_back(end);
    }
    return true;
}

// ", 2025" after a dateline's day: the year of a full date ("WASHINGTON, July 4, 2025 --").
void scan_year_after_day(std::string_view text, Scan& scan) {
    if (scan.pos >= text.size() || text[scan.pos] != ',') return;
    const std::size_t start = skip_spaces(text, scan.pos + 1);
    std::size_t end = start;
    int year = 0;
    while (end < text.size() && is_digit(text[end]) && end - start < 5) {
        year = year * 10 + (text[end] - '0');
        ++end;
    }
    if (end - start != 4 || (end < text.size() && is_ascii_alnum(text[end]))) return;
    scan.result.year = year;
    scan.pos = end;
}

// ", Ill.", ", Ontario, Feb 26", ", July 4, 2025", then a month and day without a comma
// ("RICHMOND, Va. Feb 26"). False for a comma followed by anything else ("EU, member states").
bool scan_regions_and_day(std::string_view text, Scan& scan) {
    Dateline& result = scan.result;
    for (int parts = 0; parts <= max_region_parts; ++parts) {
        if (scan.pos >= text.size() || text[scan.pos] != ',') break;
        const std::size_t part = skip_spaces(text, scan.pos + 1);
        std::size_t end = scan_month_day(text, part, result.month, result.day);
        if (end > part) {
            scan.pos = end;
            scan_year_after_day(text, scan);
            return true;
        }
        bool dotted = false;
        end = scan_region(text, part, dotted);
        if (end == part || parts == max_region_parts) return false;
        scan.pos = scan.place_end = end;
        scan.has_region = true;
        scan.dotted_region = dotted;
    }
    const std::size_t next = skip_spaces(text, scan.pos);
    if (next > scan.pos) {
        const std::size_t end = scan_month_day(text, next, result.month, result.day);
        if (end > next) scan.pos = end;
    }
    return true;
}

// "(Xinhua)", "(Sept. 6, 2007)", "(Sept. 19)". False for parentheses that are none of these.
bool scan_parenthesis(std::string_view text, Scan& scan) {
    const std::size_t open = skip_spaces(text, scan.pos);
    if (open >= text.size() || text[open] != '(') return true;
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) return false;
    const std::string_view inside = trim(text.substr(open + 1, close - open - 1));
    Dateline& result = scan.result;
    int month = 0;
    int day = 0;
    if (const auto date = dates::parse(inside); date && date->hour < 0) {
        if (result.month == 0) {
            result.year = date->year;
            result.month = date->month;
            result.day = date->day;
        }
    } else if (scan_month_day(inside, 0, month, day) == inside.size()) {
        if (result.month == 0) {
            result.month = month;
            result.day = day;
        }
    } else if (plausible_agency(inside)) {
        result.agency = std::string(inside);
    } else {
        return false;
    }
    scan.has_paren = true;
    scan.pos = close + 1;
    return true;
}

// "WASHINGTON The Department ...", "WASHINGTON D C U S Senator ...", "WASHINGTON, D.C. Today
// ...": a known city in capitals followed by a new sentence, the dash lost. The city is the
// longest run of the first words that is one ("WASHINGTON A Las Vegas woman ...").
std::optional<Dateline> dashless(std::string_view text, const Scan& scan) {
    if (!scan.caps || scan.has_paren || scan.result.month != 0) return std::nullopt;
    for (std::size_t words = scan.head_ends.size(); words-- > 0;) {
        const std::size_t place_end = scan.head_ends[words];
        const std::string_view place = text.substr(0, place_end);
        Dateline result;
        result.has_dash = false;
        if (is_known_dateline_city(place)) {
            std::size_t next = place_end;
            if (next < text.size() && text[next] == ',') {
                const std::size_t code = skip_spaces(text, next + 1);
                next = skip_state_code(text, code);
                if (next == code) continue;
            } else {
                if (next >= text.size() || !is_space(text[next])) continue;
                next = skip_state_code(text, skip_spaces(text, next));
            }
            if (!sentence_start_at(text, next)) continue;
            result.place = std::string(place);
            result.length = next;
            return result;
        }
        // "WASHINGTONA federal grand jury": the article glued to the city.
        if (words == 0 && place.size() > 1 && (place.back() == 'A' || place.back() == 'I') &&
            is_known_dateline_city(place.substr(0, place.size() - 1)) &&
            place_end + 1 < text.size() && is_space(text[place_end]) &&
            is_lower(text[place_end + 1])) {
            result.place = std::string(place.substr(0, place.size() - 1));
            result.length = place.size() - 1;
            return result;
        }
    }
    return std::nullopt;
}

}  // namespace

bool plausible_agency(std::string_view agency) {
    if (agency.empty() || agency.size() > max_agency_bytes) return false;
    if (agency.find_first_of("()") != std::string_view::npos) return false;
    const auto first = static_cast<unsigned char>(agency.front());
    return (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0x80;
}


std::optional<Dateline> parse_dateline(std::string_view paragraph) {
    Scan scan;
    if (!scan_place_head(paragraph, scan)) return parse_glued_city(paragraph);
    if (!scan_regions_and_day(paragraph, scan)) return std::nullopt;
    if (scan.caps && scan.letters < 2) return std::nullopt;
    if (scan.place_end > max_place_bytes) return std::nullopt;
    if (!scan_parenthesis(paragraph, scan)) return std::nullopt;

    const std::size_t dash_start = skip_spaces(paragraph, scan.pos);
    std::size_t end = scan_dash(paragraph, dash_start);
    if (end == dash_start) {
        if (auto found = dashless(paragraph, scan)) return found;
        return scan.place_end == scan.pos ? parse_glued_city(paragraph) : std::nullopt;
    }
    Dateline& result = scan.result;
    if (result.month == 0) {
        // "KANSAS CITY, Mo. - March 13 - ": the day between two dashes.
        int month = 0;
        int day = 0;
        const std::size_t day_end = scan_month_day(paragraph, end, month, day);
        if (day_end > end) {
            const std::size_t dash = skip_spaces(paragraph, day_end);
            const std::size_t after = scan_dash(paragraph, dash);
            if (after > dash) {
                result.month = month;
                result.day = day;
                end = after;
            }
        }
    }
    // Title case is how sentences start too: only a date or "D.C." makes it a dateline.
    if (!scan.caps && result.month == 0 && !scan.dotted_region) return std::nullopt;
    const std::string_view place = paragraph.substr(0, scan.place_end);
    if (scan.caps && result.month == 0 && result.agency.empty()) {
        // Only a place and a dash: also how headlines in capitals read ("POSITION PAPER - SOUTH
        // VIETNAM", "MEDIA RELEASE - 26 June"). A dateline's place has no header words, and a
        // sentence, not more capitals, follows it.
        if (has_header_word(place)) return std::nullopt;
        const std::size_t second = paragraph.find(' ', end);
        if (caps_word_at(paragraph, end) && second != std::string_view::npos &&
            caps_word_at(paragraph, skip_spaces(paragraph, second))) {
            return std::nullopt;
        }
    }
    result.place = std::string(place);
    result.length = end;
    return result;
}

std::optional<Dateline> find_dateline(std::string_view body) {
    if (auto found = parse_dateline(body)) return found;
    const std::size_t text = skip_release_header(body);
    if (text == 0) return std::nullopt;
    auto found = parse_dateline(body.substr(text));
    if (found) found->offset = text;
    return found;
}

std::string dateline_date(const Dateline& dateline, std::string_view published) {
    if (dateline.month == 0) return {};
    if (dateline.year != 0) {
        dates::DateTime value;
        value.year = dateline.year;
        value.month = dateline.month;
        value.day = dateline.day;
        return dates::normalize(dates::to_iso(value));
    }
    const auto inferred = dates::with_inferred_year(dateline.month, dateline.day, published);
    return inferred ? dates::to_iso(*inferred) : std::string();
}

bool is_known_dateline_city(std::string_view place) {
    // Capitals and large cities that datelines name; U.S. state capitals.
    static constexpr std::string_view cities[] = {
        // United States
        "WASHINGTON", "NEW YORK", "LOS ANGELES", "CHICAGO", "HOUSTON", "PHOENIX",
        "PHILADELPHIA", "SAN ANTONIO", "SAN DIEGO", "DALLAS", "SAN JOSE", "AUSTIN",
        "JACKSONVILLE", "SAN FRANCISCO", "INDIANAPOLIS", "SEATTLE", "DENVER", "BOSTON",
        "DETROIT", "NASHVILLE", "MEMPHIS", "PORTLAND", "LAS VEGAS", "LOUISVILLE", "BALTIMORE",
        "MILWAUKEE", "ALBUQUERQUE", "TUCSON", "FRESNO", "KANSAS CITY", "ATLANTA", "MIAMI",
        "OMAHA", "MINNEAPOLIS", "CLEVELAND", "NEW ORLEANS", "TAMPA", "PITTSBURGH",
        "CINCINNATI", "ST. LOUIS", "ANCHORAGE", "NEWARK", "BUFFALO", "ORLANDO",
        "EL PASO", "FORT WORTH", "CHARLOTTE", "NORFOLK", "SAN JUAN", "ARLINGTON",
        "ALEXANDRIA", "BETHESDA", "QUANTICO",
        "MONTGOMERY", "JUNEAU", "LITTLE ROCK", "SACRAMENTO", "HARTFORD", "DOVER",
        "TALLAHASSEE", "HONOLULU", "BOISE", "SPRINGFIELD", "DES MOINES", "TOPEKA",
        "FRANKFORT", "BATON ROUGE", "AUGUSTA", "ANNAPOLIS", "LANSING", "ST. PAUL",
        "SAINT PAUL", "JACKSON", "JEFFERSON CITY", "HELENA", "LINCOLN", "CARSON CITY",
        "CONCORD", "TRENTON", "SANTA FE", "ALBANY", "RALEIGH", "BISMARCK", "COLUMBUS",
        "OKLAHOMA CITY", "SALEM", "HARRISBURG", "PROVIDENCE", "COLUMBIA", "PIERRE",
        "SALT LAKE CITY", "MONTPELIER", "RICHMOND", "OLYMPIA", "CHARLESTON",
        "MADISON", "CHEYENNE",
        // The rest of the world
        "UNITED NATIONS", "BEIJING", "SHANGHAI", "HONG KONG", "MACAO", "TAIPEI", "TOKYO",
        "OSAKA", "SEOUL", "PYONGYANG", "ULAN BATOR", "MOSCOW", "KIEV", "KYIV", "MINSK",
        "LONDON", "PARIS", "BERLIN", "BONN", "FRANKFURT", "MUNICH", "BRUSSELS", "GENEVA",
        "ZURICH", "BERN", "VIENNA", "ROME", "MILAN", "MADRID", "BARCELONA", "LISBON",
        "AMSTERDAM", "THE HAGUE", "LUXEMBOURG", "DUBLIN", "EDINBURGH", "STOCKHOLM", "OSLO",
        "COPENHAGEN", "HELSINKI", "REYKJAVIK", "WARSAW", "PRAGUE", "BUDAPEST", "BRATISLAVA",
        "BUCHAREST", "SOFIA", "BELGRADE", "ZAGREB", "SARAJEVO", "ATHENS", "ANKARA",
        "ISTANBUL", "NICOSIA", "VALLETTA", "TBILISI", "YEREVAN", "BAKU", "ASTANA", "TASHKENT",
        "CAIRO", "TRIPOLI", "TUNIS", "ALGIERS", "RABAT", "KHARTOUM", "ADDIS ABABA", "NAIROBI",
        "KAMPALA", "KIGALI", "DAR ES SALAAM", "LUANDA", "HARARE", "LUSAKA", "JOHANNESBURG",
        "PRETORIA", "CAPE TOWN", "LAGOS", "ABUJA", "ACCRA", "DAKAR", "KINSHASA", "MOGADISHU",
        "JERUSALEM", "TEL AVIV", "GAZA", "RAMALLAH", "AMMAN", "BEIRUT", "DAMASCUS", "BAGHDAD",
        "TEHRAN", "RIYADH", "JEDDAH", "DUBAI", "ABU DHABI", "DOHA", "KUWAIT CITY", "MUSCAT",
        "SANAA", "MANAMA", "KABUL", "ISLAMABAD", "KARACHI", "NEW DELHI", "MUMBAI", "DHAKA",
        "KATHMANDU", "COLOMBO", "BANGKOK", "HANOI", "HO CHI MINH CITY", "PHNOM PENH",
        "VIENTIANE", "YANGON", "KUALA LUMPUR", "SINGAPORE", "JAKARTA", "MANILA", "CANBERRA",
        "SYDNEY", "MELBOURNE", "BRISBANE", "PERTH", "WELLINGTON", "AUCKLAND", "OTTAWA",
        "TORONTO", "MONTREAL", "VANCOUVER", "CALGARY", "MEXICO CITY", "HAVANA", "GUATEMALA CITY",
        "SAN SALVADOR", "TEGUCIGALPA", "MANAGUA", "PANAMA CITY", "BOGOTA", "CARACAS", "QUITO",
        "LIMA", "LA PAZ", "SANTIAGO", "BUENOS AIRES", "MONTEVIDEO", "ASUNCION", "BRASILIA",
        "SAO PAULO", "RIO DE JANEIRO", "PORT-AU-PRINCE", "SANTO DOMINGO", "KINGSTON"};
    for (const std::string_view city : cities) {
        if (place == city) return true;
    }
    return false;
}

}  // namespace dateline
