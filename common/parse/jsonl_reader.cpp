#include "jsonl_reader.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "dates.hpp"
#include "errors.hpp"
#include "utf8.hpp"

namespace dateline {

namespace {

// Longest field value quoted back in an error message.
constexpr std::size_t max_quoted_bytes = 60;

std::string_view trim(std::string_view text) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 22:
// syntax error while parsing value - unexpected end of input; expected ..."; on a single line
// only the part after the last " - " (or ": ") tells the user something.
std::string short_reason(const nlohmann::json::parse_error& error) {
    std::string_view what = error.what();
    if (const std::size_t colon = what.find(": "); colon != std::string_view::npos) {
        what.remove_prefix(colon + 2);
    }
    if (const std::size_t dash = what.find(" - "); dash != std::string_view::npos) {
        what.remove_prefix(dash + 3);
    }
    return std::string(what) + " (at byte " + std::to_string(error.byte) + ")";
}

// The value as JSON (escaped, quoted), cut at a character boundary if it is long.
std::string quote_for_message(std::string_view value) {
    if (value.size() <= max_quoted_bytes) return nlohmann::json(std::string(value)).dump();
    std::size_t cut = max_quoted_bytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return nlohmann::json(std::string(value.substr(0, cut))).dump() + "...";
}

// A known field's text: missing or null gives "", anything but a string is an error.
std::string text_field(const nlohmann::json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return {};
    if (!it->is_string()) {
        throw ParseError(std::string("field \"") + name + "\" must be a string");
    }
    return it->get<std::string>();
}

}  // namespace

PressRelease parse_jsonl_record(std::string_view line) {
    // Checked here rather than by nlohmann so that the message can give the byte.
    if (const std::size_t bad = utf8::first_invalid(line); bad != line.size()) {
        throw ParseError("invalid UTF-8 at byte " + std::to_string(bad + 1));
    }
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(line.begin(), line.end());
    } catch (const nlohmann::json::parse_error& error) {
        throw ParseError("invalid JSON: " + short_reason(error));
    }
    if (!record.is_object()) throw ParseError("not a JSON object");

    PressRelease release;
    release.id = text_field(record, "id");
    release.title = std::string(trim(text_field(record, "title")));
    release.source = std::string(trim(text_field(record, "source")));
    release.place = std::string(trim(text_field(record, "place")));
    release.url = std::string(trim(text_field(record, "url")));
    release.lang = std::string(trim(text_field(record, "lang")));
    release.body = std::string(trim(text_field(record, "body")));

    const std::string date = text_field(record, "date");
    if (!trim(date).empty()) {
        const auto parsed = dates::parse(date);
        if (!parsed) {
            throw ParseError("invalid \"date\" value " + quote_for_message(date) +
                             " (expected YYYY-MM-DD)");
        }
        release.date = dates::to_iso(*parsed);
    }
    if (release.title.empty() && release.body.empty()) {
        throw ParseError("record has neither \"title\" nor \"body\"");
    }
    return release;
}

}  // namespace dateline
