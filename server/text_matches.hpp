#pragma once
// Where a query's words stand in a text, found with the same analysis as the index (any case,
// any form of a word), for marking matches and for placing snippets.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace dateline::server {

struct TextMatch {
    std::size_t start = 0;   // byte offset in the text
    std::size_t length = 0;  // bytes
};

// The words of `text` that a query with `terms` matches, in text order: a word matches when its
// lower-cased form, or "Z" + its stem, is a term; with a `field_prefix` ("S" for titles), the
// prefixed forms match too. Words are runs of Xapian::Unicode::is_wordchar characters, with
// apostrophes inside them ("China's"), as the indexer reads them. A phrase of `terms` (words
// joined by spaces, from query_terms()) matches where its words follow each other, as one
// match from its first word to its last; its words are marked on their own only where the
// phrase is nowhere in the text. In runs of CJK characters (cjk_text.hpp), each occurrence of
// a CJK string of `terms` is a match (a single character, a bigram, or a phrase spelt out by
// query_terms()); overlapping or touching occurrences are one match. Stops after `limit`
// matches.
std::vector<TextMatch> find_matches(std::string_view text,
                                    const std::unordered_set<std::string>& terms,
                                    const Xapian::Stem& stemmer, std::string_view field_prefix = {},
                                    std::size_t limit = SIZE_MAX);

// The distinct terms of a query, except that phrases are kept whole, so that only whole
// phrases are marked: a phrase of CJK terms gives the string it matches (`一带一路` for the
// bigrams 一带 带一 一路, with their field prefix), and any other phrase its terms joined by
// spaces (`high quality development`). Exact filters are left out.
std::unordered_set<std::string> query_terms(const Xapian::Query& query);

}  // namespace dateline::server
