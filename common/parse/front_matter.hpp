#pragma once
// Text files that open with YAML front matter, as harvesters and static-site tools write them:
//
//   ---
//   title: "Sinister raids ..."
//   date: "2003-06-04"
//   creators: ["Bartlett, Andrew", "Australian Democrats"]
//   source: "Office of BARTLETT, SEN ANDREW"
//   subjects: [Iran, Refugees]
//   source_url: http://...
//   ---
//   the body text
//
// Keys (any case; '-' and '_' alike; unknown keys are ignored):
//   title      title, headline
//   date       date, published, pubdate, published_at, created, issued, datetime; else updated,
//              modified (any form dates::normalize reads)
//   source     people: creators, creator, authors, author, party; office: source, issuer,
//              publisher, agency, office, department, organisation/organization. Both give
//              "people (office)", people joined by "; "
//   url        url, link, canonical_url, permalink, source_url; else any other *_url key
//   lang       lang, language, locale (primary subtag: "en-AU" → "en")
//   id         id, uid, guid, identifier (else the caller derives one, from the url first)
//   topics     tags, topics, categories, category, subjects, subject, keywords (a list, or one
//              comma-separated string)
//   place      place, location, dateline
// Values may be plain or quoted scalars or lists (a list title or date takes its first item).
//
// The body's paragraphs are separated by blank lines. When the front matter gives no title, or
// the body repeats it on its first line, the body is read as an agency-wire text (title, time
// line, dateline; see wire_text.hpp); otherwise a dateline opening the first paragraph gives
// the place (and the agency, when there is no source) and is cut from the body.
//
// Bytes that are not valid UTF-8 are read as Windows-1252, with a warning. Front matter that is
// not YAML only because a double-quoted value holds more double quotes (harvesters write
// `title: "Dental dumped in "year of delivery""`) is read with those quotes kept, with a
// warning. Skipped, with the line: no opening '---' line, front matter never closed, other
// malformed YAML, front matter that is not a map, a file with neither title nor text.

#include <string_view>

#include "reader_events.hpp"

namespace dateline {

void read_front_matter_text(std::string_view bytes, const ReaderEvents& events);

}  // namespace dateline
