#pragma once
// From the user's query text to a Xapian::Query, with the same analysis as the indexer.
//
// Matching ignores case: words are lower-cased before parsing (Xapian's STEM_SOME would leave
// capitalised words unstemmed), so `Development`, `DEVELOPMENT` and `development` all match by
// the stem and find the same documents. Documents that contain the exact word forms the user
// typed get a boost on top, because exact forms carry precision. Hyphenated words and quoted
// text are phrases over unstemmed (but case-folded) words. Operator words (AND, OR, NOT, XOR,
// NEAR, ADJ) keep their case, since that is what makes them operators, and so do acronyms
// such as "U.S.", which the parser reads as one term only when they are in capitals.
//
// Field prefixes: `title:` (title words), `source:` and `place:` (words of the issuer and the
// dateline place), `lang:` and `year:` (exact filters), `date:FROM..TO` with YYYY, YYYY-MM or
// YYYY-MM-DD at either end (either end may be left open).
//
// Chinese, Japanese and Korean: a token (or quoted text) with CJK characters is an exact
// phrase: `一带一路` finds the releases where those four characters stand together, never 一带
// and 一路 apart (cjk_query.hpp). Tokens separated by spaces are separate words, as in English.
// Full-width punctuation typed by a Chinese input method (＂（）：) works as ASCII does.
//
// A query the Xapian parser rejects (`AND`, `NOT x`) is retried with fewer operators;
// `interpretation` says which reading was used.

#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analyzer.hpp"

namespace dateline {

enum class QueryInterpretation {
    full,            // operators, phrases, +/- and field prefixes as written
    without_operators,  // AND/OR/NOT/brackets taken as words; phrases and +/- still apply
    plain_words,     // every word as a plain search term
    nothing_searchable,  // no searchable words: matches nothing
    any_words,       // set by the search when all words together found nothing: any of them
};

const char* to_string(QueryInterpretation interpretation);

// Lower-cases every whitespace-separated token except operator words and acronyms ("U.S.").
std::string lower_case_words(std::string_view text);

struct BuiltQuery {
    Xapian::Query query;
    QueryInterpretation interpretation = QueryInterpretation::full;
    // The query with misspelt words replaced from the spelling data; empty when the spelling
    // data has nothing better (or the database has none).
    std::string corrected;
    // For a plain list of words: any of them, ranked by how many match. The search falls back
    // to it when all the words together find nothing. Empty otherwise.
    Xapian::Query any_words;
};

// Not thread-safe (Xapian::QueryParser is not): one per worker thread.
class QueryBuilder {
public:
    explicit QueryBuilder(const AnalyzerSettings& settings);

    // `db`, when given, enables trailing wildcards (`develop*`) and spelling correction; it
    // must be the database the query will run on.
    BuiltQuery build(std::string_view text, const Xapian::Database* db = nullptr);

private:
    Xapian::Query parse(const std::string& text, unsigned flags,
                        Xapian::QueryParser::stem_strategy strategy);

    Xapian::Query with_boosts(const Xapian::Query& stemmed, const Xapian::Query& exact,
                              const std::string& folded_text);

    // `text` with its CJK tokens as units (cjk_query.hpp), if CJK text is indexed as n-grams.
    std::string with_cjk_units(std::string_view text) const;

    AnalyzerSettings settings_;
    std::unique_ptr<Xapian::Stopper> stopper_;  // declared first: outlives parser_
    std::unique_ptr<Xapian::RangeProcessor> date_ranges_;
    Xapian::QueryParser parser_;
};

}  // namespace dateline
