#include "issuer.hpp"

#include <array>
#include <vector>

#include "release_header.hpp"
#include "plain_text.hpp"

namespace dateline {

namespace {

constexpr std::size_t max_agency_name_bytes = 40;
constexpr std::size_t max_agency_words = 5;
// The header is the first few short lines; a longer line is the text itself.
constexpr std::size_t max_header_lines = 8;
constexpr std::size_t max_header_line_bytes = 120;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

using plain_text::trim;

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        if (c == ' ') {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

// The first short lines of the body.
std::vector<std::string_view> header_lines(std::string_view body) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < body.size() && lines.size() < max_header_lines) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view line = trim(body.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) continue;
        if (line.size() > max_header_line_bytes) break;
        lines.push_back(line);
    }
    return lines;
}

}  // namespace

std::string issuer_from_agency(std::string_view agency) {
    struct Known {
        std::string_view written;  // lower case
        std::string_view name;
    };
    static constexpr std::array<Known, 19> known = {{
        {"xinhua", "Xinhua"},
        {"xinhua news agency", "Xinhua"},
        {"ap", "AP"},
        {"associated press", "AP"},
        {"the associated press", "AP"},
        {"reuters", "Reuters"},
        {"reuter", "Reuters"},
        {"afp", "AFP"},
        {"agence france-presse", "AFP"},
        {"upi", "UPI"},
        {"dpa", "dpa"},
        {"kyodo", "Kyodo"},
        {"yonhap", "Yonhap"},
        {"tass", "TASS"},
        {"itar-tass", "TASS"},
        {"ria novosti", "RIA Novosti"},
        {"ansa", "ANSA"},
        {"efe", "EFE"},
        {"bernama", "Bernama"},
    }};
    agency = trim(agency);
    const std::string text = lower(agency);
    for (const Known& entry : known) {
        if (text == entry.written) return std::string(entry.name);
    }
    if (agency.size() > max_agency_name_bytes || word_count(agency) > max_agency_words ||
        !is_capitalised_name(agency)) {
        return {};
    }
    return std::string(agency);
}

std::string issuer_from_header(std::string_view body) {
    const std::vector<std::string_view> lines = header_lines(body);
    bool trusted = false;
    for (const std::string_view line : lines) {
        if (release_marker_length(line) > 0 || is_press_office_line(line)) trusted = true;
    }
    if (!trusted) return {};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_office_line(lines[i])) continue;
        std::string issuer(lines[i]);
        // The office under it ("Office of Public Affairs"), unless the line already names one.
        if (i + 1 < lines.size() && is_office_line(lines[i + 1]) &&
            issuer.find(',') == std::string::npos) {
            issuer += ", ";
            issuer += lines[i + 1];
        }
        return issuer;
    }
    return {};
}

}  // namespace dateline
