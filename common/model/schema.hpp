#pragma once
// The Xapian schema: the one table of term prefixes, value slots, document data and database
// metadata keys. The indexer writes with it and the server reads with it.

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "document.hpp"

namespace dateline::schema {

// Version 2 added the sample terms (prefix_sample); a version 1 database is still searched,
// with every facet counted over every match.
inline constexpr int version = 2;

// Term prefixes, following Xapian Omega's conventions where one exists.
inline constexpr const char* prefix_id = "Q";          // unique id (boolean)
inline constexpr const char* prefix_title = "S";       // title words (free text)
inline constexpr const char* prefix_lang = "L";        // language code (boolean)
inline constexpr const char* prefix_year = "Y";        // YYYY (boolean)
inline constexpr const char* prefix_month = "M";       // YYYYMM (boolean)
inline constexpr const char* prefix_source = "XSOURCE";  // issuer, normalised (boolean)
inline constexpr const char* prefix_place = "XPLACE";    // dateline place, normalised (boolean)
inline constexpr const char* prefix_source_text = "XS";  // issuer words (free text: source:)
inline constexpr const char* prefix_place_text = "XP";   // place words (free text: place:)
inline constexpr const char* prefix_topic = "K";          // subject keyword, normalised (boolean)
inline constexpr const char* prefix_sample = "XSAMPLE";    // sample level 1..max_sample_level (boolean)

// Value slots.
inline constexpr Xapian::valueno slot_date = 0;         // "YYYYMMDD": sort and range filter
inline constexpr Xapian::valueno slot_month = 1;        // "YYYYMM": timeline facet
inline constexpr Xapian::valueno slot_fingerprint = 2;  // content hash: skip unchanged documents
inline constexpr Xapian::valueno slot_body_hash = 3;    // normalised body hash: collapse duplicates
inline constexpr Xapian::valueno slot_source = 4;       // issuer as written: source facet
inline constexpr Xapian::valueno slot_lang = 5;         // language code: language facet
inline constexpr Xapian::valueno slot_origin = 6;       // absolute path of the source file: --prune

// Database metadata keys.
inline constexpr const char* meta_schema_version = "dateline.schema_version";
inline constexpr const char* meta_analyzer = "dateline.analyzer";  // JSON, see analyzer.hpp
inline constexpr const char* meta_last_indexed = "dateline.last_indexed";  // ISO 8601 UTC

// Xapian refuses terms longer than 245 bytes; longer ids are replaced by a hash.
inline constexpr std::size_t max_term_bytes = 240;

// The unique-id term for a document id.
std::string id_term(std::string_view id);

// A boolean filter term: prefix + the value lower-cased, whitespace collapsed, cut to fit.
std::string filter_term(std::string_view prefix, std::string_view value);

// A stable 64-bit hash of text, as 16 lower-case hex digits.
std::string hash_hex(std::string_view text);

// Fingerprint of everything that is stored for a document: equal fingerprints mean an
// unchanged document.
std::string fingerprint(const PressRelease& release);

// Hash of the body with case and white space folded: equal for exact duplicates that differ
// only in layout. Empty for an empty body (which must not collapse with other empty bodies).
std::string body_hash(std::string_view body);

// Sample levels let the server count the facets of a broad query over a uniform sample of its
// matches: level j holds about one document in 2^j, and every document of level j is also in
// levels 1..j-1, so each level is one term. The level comes from a hash: the body hash, so that
// exact duplicates are sampled together (a sample counts distinct bodies without bias), else
// the id's.
inline constexpr int max_sample_level = 16;
int sample_level(std::string_view hash_hex_digits);
std::string sample_term(int level);

// Fills a missing id: from the URL, else a hash of (title, date, body).
void assign_id(PressRelease& release);

// Document data: versioned JSON {"v":1, id, title, date, source, place, url, lang, body}.
std::string encode_data(const PressRelease& release);
// Decodes document data; nullopt if it is not data written by this schema.
std::optional<PressRelease> decode_data(const std::string& data);

}  // namespace dateline::schema
