#pragma once
// Facet counts over the whole match set: issuers, languages, years and months (the timeline,
// with the number of documents per month in the whole index, so that the page can show the
// share of releases that match).

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "request_params.hpp"

namespace dateline::server {

// How many issuers the source facet lists.
inline constexpr Xapian::termcount max_source_facet_values = 20;
// How many languages the language facet lists.
inline constexpr Xapian::termcount max_lang_facet_values = 50;

// What a facet pass counted over the matches it saw (every match, or a sample level's).
struct FacetTally {
    std::map<std::string, Xapian::doccount> sources;  // issuer as written → matches
    std::map<std::string, Xapian::doccount> langs;
    std::map<std::string, Xapian::doccount> months;   // "YYYYMM" → matches
    // Matches after collapsing duplicates: one per distinct body, plus every match without a
    // body (those are never collapsed).
    Xapian::doccount hits = 0;
};

// Counts the facets of `selection` and the hits over the matches of `enquire` with Xapian's
// ValueCountMatchSpy, which local and remote shards both understand. Every match is seen:
// pass the database's document count as `check_at_least`.
FacetTally count_with_value_spies(Xapian::Enquire& enquire, const FacetSelection& selection,
                                  Xapian::doccount check_at_least);

// {"source":[{value,count}], "lang":[...], "year":[...], "month":[{value,count,documents}]}
// with the selected keys only, most frequent first (then by value, as Xapian orders them).
// Counts are multiplied by `scale` (the tally saw a sample of one in `scale` matches), but
// never beyond the documents the index holds for the value.
nlohmann::json facets_json(const FacetTally& tally, const FacetSelection& selection,
                           const Xapian::Database& db, Xapian::doccount scale = 1);

// Where the query has more than `exact_counts_up_to` matches: the deepest sample level
// (schema::sample_level) that still holds half that many of them. 0, count them all: up to
// the limit, with a limit of 0, or in a database without sample terms (schema version 1).
int sample_level_for(const Xapian::Database& db, const Xapian::Query& query,
                     Xapian::doccount exact_counts_up_to);
// `query` restricted to the releases of a sample level; level 0 is `query` itself.
Xapian::Query sampled(const Xapian::Query& query, int level);
// What decides which releases `query` matches: its AND_MAYBE boosts (exact forms, phrases)
// dropped, at the top or under a filter. They change weights only; an unweighted pass would
// still test each match against them (a phrase reads positions).
Xapian::Query matching_part(const Xapian::Query& query);

// Facet counts (with the exact total they were counted from) by (database revision, query,
// selection), least recently used out first.
// Counting facets means visiting every match (SearchService::count_facets); the next page of
// the same search, or the same search from another reader, then costs no more than a search
// without facets.
class FacetCache {
public:
    explicit FacetCache(std::size_t capacity = 512) : capacity_(capacity) {}

    static std::string key(const Xapian::Database& db, const Xapian::Query& query,
                           const FacetSelection& selection);
    std::optional<nlohmann::json> find(const std::string& key);
    void store(const std::string& key, nlohmann::json facets);

private:
    using Entry = std::pair<std::string, nlohmann::json>;
    std::size_t capacity_;
    std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace dateline::server
