#pragma once
// One JSON Lines record in the corpus schema: {id, title, date, source, url, lang, body}.

#include <string_view>

#include "document.hpp"

namespace dateline {

// Parses one line. Unknown fields are ignored; missing fields stay empty. Throws ParseError
// (line 0: the caller knows the line number) when the line is not a JSON object, a known field
// is not a string, the text is not valid UTF-8, the date is not a valid date, or the record has
// neither title nor body. A date is normalised to ISO 8601 (dates::to_iso).
PressRelease parse_jsonl_record(std::string_view line);

}  // namespace dateline
