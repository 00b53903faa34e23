#pragma once
// CJK text in queries. Xapian 1.4.22's parser turns an unquoted CJK word into an AND of its
// n-grams (so `一带一路` also finds 一带 and 一路 far apart) and throws on some mixed text
// (`press 发展 release`). Instead, each whitespace-separated token or quoted span that holds
// CJK characters is handed to the parser as an opaque unit (`cjkrun:<hex>`, or
// `cjkruntitle:<hex>` after `title:`), and a field processor turns the unit back into an
// exact phrase over the terms the indexer wrote for that text. Operators, +/-, brackets and
// the other words around a unit are parsed as usual.

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dateline::cjk {

// Field names the query language knows: free-text fields (`title:`) get their own units;
// tokens after a filter field (`lang:`, `topic:`) are left to the parser as they are.
struct QueryFields {
    std::vector<std::string> free_text;
    std::vector<std::string> filters;
};

// The parser prefix whose field processor reads the units of `field` ("" for no field).
std::string unit_prefix(std::string_view field);

// Full-width ASCII punctuation (＂＋－（）：) as ASCII, the ideographic space as a space,
// so that Chinese input methods type the same operators and prefixes.
std::string fold_full_width_punctuation(std::string_view text);

// `text` with every token or quoted span that holds CJK characters replaced by a unit.
std::string mark_units(std::string_view text, const QueryFields& fields);

// The inverse of mark_units(), for query text the parser hands back (spelling corrections).
std::string unmark_units(std::string_view text);

// The exact phrase for `text` over terms with `prefix`, as DocumentAnalyzer indexes it:
// positioned bigrams (cjk_text.hpp), or else Xapian's FLAG_CJK_NGRAM n-grams, where only
// unigrams have positions (a phrase of unigrams, filtered by the bigrams). Latin words in the
// text are phrase words (unstemmed). MatchNothing when the text has no words.
Xapian::Query phrase_query(std::string_view text, const std::string& prefix,
                           bool positioned_bigrams);

// Reads a unit made by mark_units() (other text is read as it is) into phrase_query().
class UnitProcessor : public Xapian::FieldProcessor {
public:
    UnitProcessor(std::string term_prefix, bool positioned_bigrams)
        : term_prefix_(std::move(term_prefix)), positioned_bigrams_(positioned_bigrams) {}

    Xapian::Query operator()(const std::string& unit) override;

private:
    std::string term_prefix_;
    bool positioned_bigrams_;
};

}  // namespace dateline::cjk
