#pragma once
// Highlighted extracts of stored text for a result page. Xapian HTML-escapes the text and we
// add only <mark> around matches, so the result is safe to insert as HTML.

#include <cstddef>
#include <string>
#include <unordered_set>

#include <xapian.h>

namespace dateline::server {

struct SnippetSettings {
    std::size_t length = 240;  // bytes of text in a snippet (before escaping and marks)
    bool cjk_ngram = true;     // must match the analyzer's setting
};

// The best window of `text` for the query of `mset`, with matches in <mark>. `terms` are the
// query's terms (text_matches.hpp), used to place the window when the quick pass misses, and
// to find and mark CJK phrases, which Xapian's snippets cannot mark.
std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, const SnippetSettings& settings,
                         const std::unordered_set<std::string>& terms);

// All of `text` (a title), escaped, with matches in <mark>. Without the query's `terms`, CJK
// phrases are not marked (Xapian's snippets cannot mark them).
std::string highlight_html(const Xapian::MSet& mset, const std::string& text,
                           const Xapian::Stem& stemmer, const SnippetSettings& settings,
                           const std::unordered_set<std::string>& terms);
std::string highlight_html(const Xapian::MSet& mset, const std::string& text,
                           const Xapian::Stem& stemmer, const SnippetSettings& settings);

}  // namespace dateline::server
