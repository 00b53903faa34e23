#include "dates.hpp"

#include <array>
#include <cstdint>

#include "parse_int.hpp"
#include "plain_text.hpp"

namespace dateline::dates {

namespace {

constexpr int min_year = 1;
constexpr int max_year = 9999;
constexpr int minutes_per_day = 24 * 60;

// A dateline's "Dec 31" belongs to the year that puts it nearest the publication; farther than
// this many days from it in every candidate year (Feb 29) it belongs to none.
constexpr std::int64_t max_inferred_distance_days = 186;

constexpr std::string_view han_year = "\xE5\xB9\xB4";   // 年
constexpr std::string_view han_month = "\xE6\x9C\x88";  // 月
constexpr std::string_view han_day = "\xE6\x97\xA5";    // 日

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_word_char(char c) { return is_digit(c) || is_alpha(c); }

char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return days[static_cast<std::size_t>(month - 1)];
}

bool valid_day(int year, int month, int day) {
    return year >= min_year && year <= max_year && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// The inverse of days_from_civil.
void civil_from_days(std::int64_t days, std::int64_t& year, int& month, int& day) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
    day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

// A cursor over the text; every read either consumes what it matched or nothing.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    bool literal(char c) {
        if (at_end() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    // One or more spaces or tabs.
    bool spaces() {
        const std::size_t start = pos_;
        while (!at_end() && is_space(text_[pos_])) ++pos_;
        return pos_ > start;
    }

    // Between `min` and `max` digits, as a number; more digits than `max` is no match.
    bool number(std::size_t min, std::size_t max, int& out) {
        std::size_t end = pos_;
        int value = 0;
        while (end < text_.size() && end - pos_ < max && is_digit(text_[end])) {
            value = value * 10 + (text_[end] - '0');
            ++end;
        }
        if (end - pos_ < min || (end < text_.size() && is_digit(text_[end]))) return false;
        pos_ = end;
        out = value;
        return true;
    }

    // Exactly `count` digits, whatever follows them ("0800" as "08" and "00").
    bool fixed_digits(std::size_t count, int& out) {
        if (text_.size() - pos_ < count) return false;
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (!is_digit(text_[pos_ + i])) return false;
            value = value * 10 + (text_[pos_ + i] - '0');
        }
        pos_ += count;
        out = value;
        return true;
    }

    // Skips digits; true if there was at least one.
    bool digits() {
        const std::size_t start = pos_;
        while (!at_end() && is_digit(text_[pos_])) ++pos_;
        return pos_ > start;
    }

    // A run of ASCII letters, optionally followed by a dot.
    std::string_view word(bool with_dot) {
        std::size_t end = pos_;
        while (end < text_.size() && is_alpha(text_[end])) ++end;
        if (with_dot && end > pos_ && end < text_.size() && text_[end] == '.') ++end;
        return text_.substr(pos_, end - pos_);
    }

    void skip(std::size_t bytes) { pos_ += bytes; }

    // A month name, optionally followed by a dot.
    bool month(int& out) {
        const std::string_view name = word(true);
        const int value = month_from_name(name);
        if (value == 0) return false;
        pos_ += name.size();
        out = value;
        return true;
    }

    std::size_t position() const { return pos_; }
    void rewind(std::size_t pos) { pos_ = pos; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// Runs `read`; when it fails, puts the cursor back where it was.
template <typename Read>
bool attempt(Scanner& in, Read read) {
    const std::size_t start = in.position();
    if (read()) return true;
    in.rewind(start);
    return false;
}

// "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff" (the fraction is dropped); `min_hour_digits` is 2 for
// ISO forms and 1 for written-out ones.
bool scan_time(Scanner& in, std::size_t min_hour_digits, DateTime& out) {
    int hour = 0;
    int minute = 0;
    int second = 0;
    const bool found = attempt(in, [&] {
        if (!in.number(min_hour_digits, 2, hour) || !in.literal(':') ||
            !in.number(2, 2, minute)) {
            return false;
        }
        if (!attempt(in, [&] { return in.literal(':') && in.number(2, 2, second); })) {
            second = 0;
            return true;
        }
        attempt(in, [&] { return in.literal('.') && in.digits(); });
        return true;
    });
    if (!found) return false;
    out.hour = hour;
    out.minute = minute;
    out.second = second;
    return true;
}

// "+08:00", "+0800", "-05", "Z".
bool scan_numeric_zone(Scanner& in, DateTime& out) {
    if (in.literal('Z')) {
        out.has_zone = true;
        out.utc_offset_minutes = 0;
        return true;
    }
    return attempt(in, [&] {
        const char sign = in.peek();
        if (sign != '+' && sign != '-') return false;
        in.skip(1);
        int hours = 0;
        int minutes = 0;
        if (!in.fixed_digits(2, hours) || hours > 14) return false;
        if (!attempt(in, [&] { return in.literal(':') && in.number(2, 2, minutes); })) {
            attempt(in, [&] { return in.number(2, 2, minutes); });
        }
        if (is_digit(in.peek())) return false;
        if (minutes > 59) return false;
        out.has_zone = true;
        out.utc_offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
        return true;
    });
}

// "GMT", "UTC", "EST", ... (upper case, as feeds write them).
bool scan_named_zone(Scanner& in, DateTime& out) {
    struct Zone {
        std::string_view name;
        int offset_minutes;
    };
    static constexpr std::array<Zone, 11> zones = {{{"GMT", 0},
                                                    {"UTC", 0},
                                                    {"UT", 0},
                                                    {"EST", -5 * 60},
                                                    {"EDT", -4 * 60},
                                                    {"CST", -6 * 60},
                                                    {"CDT", -5 * 60},
                                                    {"MST", -7 * 60},
                                                    {"MDT", -6 * 60},
                                                    {"PST", -8 * 60},
                                                    {"PDT", -7 * 60}}};
    const std::string_view name = in.word(false);
    for (const Zone& zone : zones) {
        if (name == zone.name) {
            in.skip(name.size());
            out.has_zone = true;
            out.utc_offset_minutes = zone.offset_minutes;
            return true;
        }
    }
    return false;
}

// A zone right after the time ("08:55Z", "08:55+08:00") or after one space ("04:00:00 GMT",
// "04:00 +0800"). Optional: the cursor stays put when there is none.
void scan_optional_zone(Scanner& in, DateTime& out, bool attached_allowed) {
    if (attached_allowed && scan_numeric_zone(in, out)) return;
    attempt(in, [&] {
        return in.spaces() && (scan_named_zone(in, out) || scan_numeric_zone(in, out));
    });
}

// "2025-07-23", then optionally "T08:55[:00[.25]][zone]" or " 08:55[:00][ zone]".
bool scan_iso(Scanner& in, DateTime& out) {
    if (!in.number(4, 4, out.year) || !in.literal('-') || !in.number(2, 2, out.month) ||
        !in.literal('-') || !in.number(2, 2, out.day)) {
        return false;
    }
    attempt(in, [&] {
        if (!(in.literal('T') || in.literal(' ')) || !scan_time(in, 2, out)) return false;
        scan_optional_zone(in, out, true);
        return true;
    });
    return true;
}

// "Friday, " or "Tue, " before a written date.
void skip_weekday(Scanner& in) {
    attempt(in, [&] {
        const std::string_view name = in.word(true);
        if (!is_weekday_name(name)) return false;
        in.skip(name.size());
        in.literal(',');
        return in.spaces();
    });
}

// "July 23, 2025", "Jul. 23, 2025", "23 July 2025", "23 Jul 2025", "26-FEB-1987", and with
// `short_year` set, RFC 822's "10 Jun 03".
bool scan_written_date(Scanner& in, DateTime& out, bool& short_year) {
    short_year = false;
    if (attempt(in, [&] {
            return in.month(out.month) && in.spaces() && in.number(1, 2, out.day) &&
                   in.literal(',') && in.spaces() && in.number(4, 4, out.year);
        })) {
        return true;
    }
    if (attempt(in, [&] {
            return in.number(1, 2, out.day) && in.literal('-') && in.month(out.month) &&
                   in.literal('-') && in.number(4, 4, out.year);
        })) {
        return true;
    }
    return attempt(in, [&] {
        if (!in.number(1, 2, out.day) || !in.spaces() || !in.month(out.month) || !in.spaces()) {
            return false;
        }
        if (in.number(4, 4, out.year)) return true;
        if (!in.number(2, 2, out.year)) return false;
        // RFC 2822 section 4.3: two-digit years below 50 are 20xx, the others 19xx.
        out.year += out.year < 50 ? 2000 : 1900;
        short_year = true;
        return true;
    });
}

// "08:55, July 23, 2025", "[Friday, ]July 23, 2025[ 08:55[ EDT]]",
// "[Tue, ]10 Jun 2003[ 04:00:00[ GMT]]", "26-FEB-1987[ 15:01:01.79]".
bool scan_written(Scanner& in, DateTime& out) {
    bool short_year = false;
    if (attempt(in, [&] {
            return scan_time(in, 1, out) && in.literal(',') && in.spaces() &&
                   scan_written_date(in, out, short_year) && !short_year;
        })) {
        return true;
    }
    out.hour = out.minute = out.second = -1;
    skip_weekday(in);
    if (!scan_written_date(in, out, short_year)) return false;
    const bool timed = attempt(in, [&] {
        if (!in.spaces() || !scan_time(in, 1, out)) return false;
        scan_optional_zone(in, out, false);
        return true;
    });
    return timed || !short_year;
}

// "2025年7月23日", then optionally a time ("2025年7月23日 08:55").
bool scan_chinese(Scanner& in, DateTime& out) {
    if (!in.number(4, 4, out.year) || !in.literal(han_year) || !in.number(1, 2, out.month) ||
        !in.literal(han_month) || !in.number(1, 2, out.day) || !in.literal(han_day)) {
        return false;
    }
    attempt(in, [&] {
        in.spaces();
        return scan_time(in, 2, out);
    });
    return true;
}

using Form = bool (*)(Scanner&, DateTime&);
constexpr std::array<Form, 3> forms = {scan_iso, scan_written, scan_chinese};

using plain_text::trim;

// `value` in decimal, zero-padded to `width` digits.
std::string padded(int value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

bool valid(const DateTime& value) {
    if (!valid_day(value.year, value.month, value.day)) return false;
    if (value.hour < 0) return !value.has_zone;
    if (value.hour > 23 || value.minute < 0 || value.minute > 59 || value.second < 0 ||
        value.second > 59) {
        return false;
    }
    return !value.has_zone || to_utc(value).has_value();
}

std::string day_iso(int year, int month, int day) {
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
}

}  // namespace

std::optional<DateTime> parse(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    for (const Form form : forms) {
        Scanner in(text);
        DateTime value;
        if (form(in, value) && in.at_end() && valid(value)) return value;
    }
    return std::nullopt;
}

std::optional<DateTime> to_utc(const DateTime& value) {
    if (!value.has_zone || value.hour < 0) return value;
    const std::int64_t minutes =
        days_from_civil(value.year, value.month, value.day) * minutes_per_day +
        value.hour * 60 + value.minute - value.utc_offset_minutes;
    std::int64_t days = minutes / minutes_per_day;
    std::int64_t minute_of_day = minutes % minutes_per_day;
    if (minute_of_day < 0) {
        minute_of_day += minutes_per_day;
        --days;
    }
    DateTime utc = value;
    std::int64_t year = 0;
    civil_from_days(days, year, utc.month, utc.day);
    if (year < min_year || year > max_year) return std::nullopt;
    utc.year = static_cast<int>(year);
    utc.hour = static_cast<int>(minute_of_day / 60);
    utc.minute = static_cast<int>(minute_of_day % 60);
    utc.utc_offset_minutes = 0;
    return utc;
}

std::string to_iso(const DateTime& value) {
    DateTime shown = value;
    bool utc = false;
    if (value.has_zone && value.hour >= 0) {
        if (const auto converted = to_utc(value)) {
            shown = *converted;
            utc = true;
        }
    }
    std::string out = day_iso(shown.year, shown.month, shown.day);
    if (shown.hour >= 0) {
        out += "T" + padded(shown.hour, 2) + ":" + padded(shown.minute < 0 ? 0 : shown.minute, 2) +
               ":" + padded(shown.second < 0 ? 0 : shown.second, 2);
        if (utc) out += 'Z';
    }
    return out;
}

std::string normalize(std::string_view text) {
    const auto parsed = parse(text);
    return parsed ? to_iso(*parsed) : std::string();
}

bool is_normalized(std::string_view text) {
    if (text.size() != 10 && text.size() != 19 && text.size() != 20) return false;
    const auto parsed = parse(text);
    return parsed && to_iso(*parsed) == text;
}

std::optional<DateTime> find_date(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) text = text.substr(0, max_bytes);
    for (std::size_t start = 0; start < text.size(); ++start) {
        if (!is_word_char(text[start]) || (start > 0 && is_word_char(text[start - 1]))) continue;
        for (const Form form : forms) {
            Scanner in(text.substr(start));
            DateTime value;
            if (!form(in, value) || !valid(value)) continue;
            const std::size_t end = start + in.position();
            if (end < text.size() && is_word_char(text[end])) continue;
            return value;
        }
    }
    return std::nullopt;
}

std::optional<DateTime> with_inferred_year(int month, int day, std::string_view reference) {
    const auto published = parse(reference);
    if (!published || month < 1 || month > 12 || day < 1) return std::nullopt;
    const std::int64_t published_day =
        days_from_civil(published->year, published->month, published->day);
    std::optional<DateTime> best;
    std::int64_t best_distance = 0;
    for (const int year : {published->year - 1, published->year, published->year + 1}) {
        if (!valid_day(year, month, day)) continue;
        std::int64_t distance = days_from_civil(year, month, day) - published_day;
        if (distance < 0) distance = -distance;
        if (!best || distance < best_distance) {
            best = DateTime{};
            best->year = year;
            best->month = month;
            best->day = day;
            best_distance = distance;
        }
    }
    if (!best || best_distance > max_inferred_distance_days) return std::nullopt;
    return best;
}

std::string compact_day(std::string_view iso) {
    Scanner in(iso);
    DateTime value;
    if (!in.number(4, 4, value.year) || !in.literal('-') || !in.number(2, 2, value.month) ||
        !in.literal('-') || !in.number(2, 2, value.day) ||
        !valid_day(value.year, value.month, value.day)) {
        return {};
    }
    std::string out;
    out.reserve(8);
    out.append(iso.substr(0, 4)).append(iso.substr(5, 2)).append(iso.substr(8, 2));
    return out;
}

int month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.size() < 3 || name.size() > 9) return 0;
    std::string lower;
    for (const char c : name) {
        if (!is_alpha(c)) return 0;
        lower += to_lower(c);
    }
    if (lower == "sept") return 9;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (lower == names[i] || lower == names[i].substr(0, 3)) return static_cast<int>(i) + 1;
    }
    return 0;
}

bool is_weekday_name(std::string_view name) {
    static constexpr std::array<std::string_view, 7> names = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    static constexpr std::array<std::string_view, 4> extra = {"tues", "wed", "thur", "thurs"};
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.size() < 3 || name.size() > 9) return false;
    std::string lower;
    for (const char c : name) {
        if (!is_alpha(c)) return false;
        lower += to_lower(c);
    }
    for (const std::string_view full : names) {
        if (lower == full || lower == full.substr(0, 3)) return true;
    }
    for (const std::string_view other : extra) {
        if (lower == other) return true;
    }
    return false;
}

std::string day_bound(std::string_view text, bool last_day) {
    int year = 0;
    int month = 0;
    int day = 0;
    const std::string_view view = text;
    if (view.size() != 4 && view.size() != 7 && view.size() != 10) return {};
    if (!parse_int(view.substr(0, 4), 1, 9999, year)) return {};
    if (view.size() >= 7) {
        if (view[4] != '-' || !parse_int(view.substr(5, 2), 1, 12, month)) return {};
    }
    if (view.size() == 10) {
        if (view[7] != '-' ||
            !parse_int(view.substr(8, 2), 1, days_in_month(year, month), day)) {
            return {};
        }
    }
    if (month == 0) month = last_day ? 12 : 1;
    if (day == 0) day = last_day ? days_in_month(year, month) : 1;
    return padded(year, 4) + padded(month, 2) + padded(day, 2);
}

}  // namespace dateline::dates
