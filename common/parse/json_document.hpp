#pragma once
// JSON documents of releases: an array of release objects, read element by element so that a
// large dump never sits in memory whole, or a single release object.

#include <cstddef>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "chunk_source.hpp"
#include "field_map.hpp"
#include "reader_events.hpp"

namespace dateline {

// Deepest nesting of arrays and objects accepted. Releases need three or four levels; deeper
// values are refused before they are built, because recursive code on them (copies, dumps,
// comparisons) would overflow the stack.
inline constexpr std::size_t max_json_depth = 64;

// Largest element of a JSON document (a release object in an array, or the top-level object)
// built in memory, as for a JSON Lines line (LineReader::max_line_bytes).
inline constexpr std::size_t max_json_element_bytes = 64 * 1024 * 1024;

// Parses one JSON text. Throws ParseError for invalid JSON ("invalid JSON: <reason> (at byte
// N)") and for nesting deeper than max_json_depth.
nlohmann::json parse_json_value(std::string_view text);

// Reads a JSON document from `source`. Each object in a top-level array, or a top-level
// object, becomes a release through release_from_json(map) (jsonl_reader.hpp), reported with
// the line where the object starts; an element that is not an object or not a valid release
// is skipped with the reason. Invalid JSON or too deep nesting ends the document: the releases
// before it are kept and one skip names the line; so does an element larger than
// max_json_element_bytes (which is not read further). Bytes that are not UTF-8 are read as
// Windows-1252, with one warning naming the first. An exception from `source` propagates
// after the releases before it were reported.
void read_json_document(const ChunkSource& source, const FieldMap& map, const ReaderEvents& events);

}  // namespace dateline
