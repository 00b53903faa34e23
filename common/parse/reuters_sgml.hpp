#pragma once
// Reuters-21578 SGML files (reut2-000.sgm ...): one release per <REUTERS> element.
//
//   id      "reuters21578-" + NEWID, the id the corpus's JSON Lines edition uses, so that both
//           editions of an article are one document
//   title   <TITLE>; TYPE="UNPROC" stories without one take the first line of their text
//   date    <DATE> "26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01" (the collection gives no
//           zone; the times are kept as written); a time that is out of range ("605:12:19")
//           keeps the day, with a warning
//   body    <DATELINE> + <BODY>, paragraphs rebuilt from the indented hard-wrapped lines, the
//           trailing "Reuter" sign-off removed; for TYPE="BRIEF"/"UNPROC" articles without
//           <BODY>, the text of <TEXT> outside its <TITLE>. BRIEF articles only say "Blah blah
//           blah." (the collection's stand-in for text it does not have): that is dropped and
//           they are headline-only releases
//   place   the dateline's place ("SALVADOR"), as for every other wire text
//   topics  the category codes of <TOPICS>, <PLACES>, <PEOPLE>, <ORGS> and <EXCHANGES>, in
//           that order (the code lists do not overlap): `topic:cocoa`, `topic:el-salvador`
//   source  "Reuters"; lang "en"
//
// Bytes that are not valid UTF-8 are read as Latin-1 (Windows-1252); character references are
// decoded and control characters (the wire's &#2;/&#3; marks, stray raw bytes) dropped. The
// files are not well-formed XML; they are scanned one article at a time. An article with
// neither title nor text (NEWID 12793 in the collection) is still a release, with a warning;
// a <REUTERS> element with no NEWID, title or text is skipped. `line` is the line of <REUTERS>.

#include <string_view>

#include "reader_events.hpp"

namespace dateline {

void read_reuters_sgml(std::string_view bytes, const ReaderEvents& events);

}  // namespace dateline
