#include "dates.hpp"

#include <array>

#include "parse_int.hpp"

namespace dateline::dates {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t'; }

char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return days[static_cast<std::size_t>(month - 1)];
}

bool valid_day(int year, int month, int day) {
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// A cursor over the text; every read either consumes what it matched or nothing.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }

    bool literal(char c) {
        if (at_end() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // One or more spaces or tabs.
    bool spaces() {
        const std::size_t start = pos_;
        while (!at_end() && is_space(text_[pos_])) ++pos_;
        return pos_ > start;
    }

    // Between `min` and `max` digits, as a number.
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

    // A month name, optionally followed by a dot.
    bool month(int& out) {
        std::size_t end = pos_;
        while (end < text_.size() && is_alpha(text_[end])) ++end;
        if (end < text_.size() && text_[end] == '.') ++end;
        const int value = month_from_name(text_.substr(pos_, end - pos_));
        if (value == 0) return false;
        pos_ = end;
        out = value;
        return true;
    }

    std::size_t position() const { return pos_; }
    void rewind(std::size_t pos) { pos_ = pos; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// "hh:mm" or "hh:mm:ss"; `min_hour_digits` is 2 for ISO forms and 1 for written-out ones.
bool scan_time(Scanner& in, std::size_t min_hour_digits, DateTime& out) {
    const std::size_t start = in.position();
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!in.number(min_hour_digits, 2, hour) || !in.literal(':') || !in.number(2, 2, minute)) {
        in.rewind(start);
        return false;
    }
    const std::size_t before_seconds = in.position();
    if (!(in.literal(':') && in.number(2, 2, second))) {
        in.rewind(before_seconds);
        second = 0;
    }
    out.hour = hour;
    out.minute = minute;
    out.second = second;
    return true;
}

// "2025-07-23", then optionally "T08:55[:00][Z]" or " 08:55[:00]".
bool scan_iso(Scanner& in, DateTime& out) {
    if (!in.number(4, 4, out.year) || !in.literal('-') || !in.number(2, 2, out.month) ||
        !in.literal('-') || !in.number(2, 2, out.day)) {
        return false;
    }
    if (in.at_end()) return true;
    if (in.literal('T')) {
        if (!scan_time(in, 2, out)) return false;
        in.literal('Z');
        return true;
    }
    return in.literal(' ') && scan_time(in, 2, out);
}

// "July 23, 2025", "Jul. 23, 2025", "23 July 2025" or "23 Jul 2025".
bool scan_written_date(Scanner& in, DateTime& out) {
    const std::size_t start = in.position();
    if (in.month(out.month)) {
        if (in.spaces() && in.number(1, 2, out.day) && in.literal(',') && in.spaces() &&
            in.number(4, 4, out.year)) {
            return true;
        }
    } else if (in.number(1, 2, out.day) && in.spaces() && in.month(out.month) && in.spaces() &&
               in.number(4, 4, out.year)) {
        return true;
    }
    in.rewind(start);
    return false;
}

// "08:55, July 23, 2025", "July 23, 2025 08:55", or a written date alone.
bool scan_written(Scanner& in, DateTime& out) {
    if (scan_time(in, 1, out)) return in.literal(',') && in.spaces() && scan_written_date(in, out);
    if (!scan_written_date(in, out)) return false;
    if (in.at_end()) return true;
    return in.spaces() && scan_time(in, 1, out);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (is_space(text.front()) || text.front() == '\n' ||
                             text.front() == '\r')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (is_space(text.back()) || text.back() == '\n' ||
                             text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// `value` in decimal, zero-padded to `width` digits.
std::string padded(int value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

bool valid(const DateTime& value) {
    if (!valid_day(value.year, value.month, value.day)) return false;
    if (value.hour < 0) return true;
    return value.hour <= 23 && value.minute >= 0 && value.minute <= 59 && value.second >= 0 &&
           value.second <= 59;
}

}  // namespace

std::optional<DateTime> parse(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    for (auto* form : {scan_iso, scan_written}) {
        Scanner in(text);
        DateTime value;
        if (form(in, value) && in.at_end() && valid(value)) return value;
    }
    return std::nullopt;
}

std::string to_iso(const DateTime& value) {
    std::string out = padded(value.year, 4) + "-" + padded(value.month, 2) + "-" +
                      padded(value.day, 2);
    if (value.hour >= 0) {
        out += "T" + padded(value.hour, 2) + ":" + padded(value.minute, 2) + ":" +
               padded(value.second < 0 ? 0 : value.second, 2);
    }
    return out;
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
