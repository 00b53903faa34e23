#pragma once
// One JSON release record in the corpus schema: {id, title, date, source, place, url, lang,
// body, topics}, as a JSON Lines line or as an object of a JSON document; other field names
// through a FieldMap (--map).

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "document.hpp"
#include "field_map.hpp"

namespace dateline {

// Parses one line. Unknown fields are ignored; missing fields stay empty. Throws ParseError
// (line 0: the caller knows the line number) when the line is not a JSON object (or nests
// deeper than max_json_depth), the text is not valid UTF-8, or release_from_json refuses it.
PressRelease parse_jsonl_record(std::string_view line);
PressRelease parse_jsonl_record(std::string_view line, const FieldMap& map);

// The release in one JSON object, each field read from the input field `map` names (a dotted
// name reaches into nested objects). Throws ParseError when a text field is not a string (an
// "id" may also be an integer), "topics" is neither a string nor an array of strings, the date
// is not a valid date, or the record has neither title nor body. A date is normalised to ISO
// 8601 (dates::to_iso); text fields are trimmed.
PressRelease release_from_json(const nlohmann::json& object, const FieldMap& map);

}  // namespace dateline
