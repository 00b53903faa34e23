#include "jsonl_reader.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "dates.hpp"
#include "errors.hpp"
#include "json_document.hpp"
#include "utf8.hpp"
#include "plain_text.hpp"

namespace dateline {

namespace {

// Longest field value quoted back in an error message.
constexpr std::size_t max_quoted_bytes = 60;

using plain_text::trim;

// The value as JSON (escaped, quoted), cut at a character boundary if it is long.
std::string quote_for_message(std::string_view value) {
    if (value.size() <= max_quoted_bytes) return nlohmann::json(std::string(value)).dump();
    std::size_t cut = max_quoted_bytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return nlohmann::json(std::string(value.substr(0, cut))).dump() + "...";
}

// The value at `name`: the field of that name, else a dotted path through nested objects.
const nlohmann::json* find_field(const nlohmann::json& record, const std::string& name) {
    if (const auto it = record.find(name); it != record.end()) return &*it;
    if (name.find('.') == std::string::npos) return nullptr;
    const nlohmann::json* node = &record;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) dot = name.size();
        if (!node->is_object()) return nullptr;
        const auto it = node->find(name.substr(start, dot - start));
        if (it == node->end()) return nullptr;
        node = &*it;
        start = dot + 1;
    }
    return node;
}

// A text field: missing or null gives "", anything but a string is an error.
std::string text_field(const nlohmann::json& record, const FieldMap& map, const char* field) {
    const std::string name = map.input_name(field);
    const nlohmann::json* value = find_field(record, name);
    if (value == nullptr || value->is_null()) return {};
    if (value->is_string()) return value->get<std::string>();
    // Database dumps often number their records.
    if (std::string_view(field) == "id" && value->is_number_integer()) return value->dump();
    throw ParseError("field \"" + name + "\" must be a string");
}

std::vector<std::string> topics_field(const nlohmann::json& record, const FieldMap& map) {
    const std::string name = map.input_name("topics");
    const nlohmann::json* value = find_field(record, name);
    std::vector<std::string> topics;
    if (value == nullptr || value->is_null()) return topics;
    auto add = [&topics](const std::string& topic) {
        const std::string_view trimmed = trim(topic);
        if (!trimmed.empty()) topics.emplace_back(trimmed);
    };
    if (value->is_string()) {
        add(value->get<std::string>());
        return topics;
    }
    if (value->is_array()) {
        for (const auto& topic : *value) {
            if (!topic.is_string()) {
                throw ParseError("field \"" + name + "\" must be a string or an array of strings");
            }
            add(topic.get<std::string>());
        }
        return topics;
    }
    throw ParseError("field \"" + name + "\" must be a string or an array of strings");
}

}  // namespace

PressRelease parse_jsonl_record(std::string_view line) { return parse_jsonl_record(line, {}); }

PressRelease parse_jsonl_record(std::string_view line, const FieldMap& map) {
    nlohmann::json record;
    try {
        record = parse_json_value(line);
    } catch (const ParseError&) {
        // The parser refuses ill-formed UTF-8 too; this message gives the byte. (Checked only
        // on failure: valid JSON is valid UTF-8.)
        if (const std::size_t bad = utf8::first_invalid(line); bad != line.size()) {
            throw ParseError("invalid UTF-8 at byte " + std::to_string(bad + 1));
        }
        throw;
    }
    if (!record.is_object()) throw ParseError("not a JSON object");
    return release_from_json(record, map);
}

PressRelease release_from_json(const nlohmann::json& record, const FieldMap& map) {
    PressRelease release;
    release.id = text_field(record, map, "id");
    release.title = std::string(trim(text_field(record, map, "title")));
    release.source = std::string(trim(text_field(record, map, "source")));
    release.place = std::string(trim(text_field(record, map, "place")));
    release.url = std::string(trim(text_field(record, map, "url")));
    release.lang = std::string(trim(text_field(record, map, "lang")));
    release.body = std::string(trim(text_field(record, map, "body")));
    release.topics = topics_field(record, map);

    const std::string date = text_field(record, map, "date");
    if (!trim(date).empty()) {
        const auto parsed = dates::parse(date);
        if (!parsed) {
            throw ParseError("invalid \"" + map.input_name("date") + "\" value " +
                             quote_for_message(date) +
                             " (expected a date such as 2016-03-04 or March 4, 2016)");
        }
        release.date = dates::to_iso(*parsed);
    }
    if (release.title.empty() && release.body.empty()) {
        throw ParseError("record has neither \"" + map.input_name("title") + "\" nor \"" +
                         map.input_name("body") + "\"");
    }
    return release;
}

}  // namespace dateline
