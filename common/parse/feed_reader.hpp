#pragma once
// RSS 2.0 (also 0.9x and RSS 1.0/RDF) and Atom 1.0 feeds: one release per item or entry.
//
//   title   <title> (HTML in it is converted to text)
//   url     RSS <link> (else a permalink <guid>); Atom <link rel="alternate" href>
//   id      RSS <guid>, Atom <id>; else the url
//   date    RSS <pubDate> (RFC 822) or <dc:date>; Atom <published>, else <updated> (RFC 3339);
//           normalised by dates::normalize (a zoned time becomes UTC, "...Z")
//   source  the item's <dc:creator>/<author> (Atom <author><name>), else the feed the item names
//           as its <source>, else the feed's own author, else the channel/feed <title>
//   lang    <dc:language>, xml:lang, or the channel <language>; primary subtag ("en-us" → "en")
//   topics  <category> (Atom: its term), <dc:subject>
//   body    <content:encoded>, else <description> (Atom: <content>, else <summary>), converted
//           from HTML to text (Atom type="text" is taken as it is)
//
// The bytes are parsed with libxml2, honouring the declared encoding (ISO-8859-1, Windows-1252,
// ...), in recovery mode: a broken feed yields what can be read, with a warning. Entities are not
// substituted, external entities and DTDs are never loaded and the network is never used, so a
// feed cannot read local files (XXE) or expand entities without bound.
//
// Items with neither a title nor text are skipped ("item N: ..."); `line` is the item's line.

#include <string_view>

#include "reader_events.hpp"

namespace dateline {

void read_feed(std::string_view bytes, const ReaderEvents& events);

}  // namespace dateline
