#include "facets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "database_pool.hpp"
#include "schema.hpp"

namespace dateline::server {

namespace {

// A sampled count scaled up, at most the documents that have the value.
Xapian::doccount scaled(Xapian::doccount count, Xapian::doccount scale, Xapian::doccount documents) {
    return scale == 1 ? count : std::min(count * scale, documents);
}

// The values with their counts, most frequent first, then by value (the order of Xapian's
// ValueCountMatchSpy::top_values). `filter_prefix` names the filter term that gives each
// value's documents in the whole index.
nlohmann::json value_counts(const std::map<std::string, Xapian::doccount>& counts,
                            Xapian::termcount limit, const Xapian::Database& db,
                            Xapian::doccount scale, const char* filter_prefix) {
    std::vector<std::pair<std::string, Xapian::doccount>> top(counts.begin(), counts.end());
    const auto more_frequent = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const auto shown = std::min<std::size_t>(limit, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(shown), top.end(),
                      more_frequent);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& [value, count] = top[i];
        const Xapian::doccount documents =
            scale == 1 ? 0 : db.get_termfreq(schema::filter_term(filter_prefix, value));
        out.push_back({{"value", value}, {"count", scaled(count, scale, documents)}});
    }
    return out;
}

std::map<std::string, Xapian::doccount> counts_of(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
    return counts;
}

// "YYYYMM" → "YYYY-MM".
std::string month_label(const std::string& compact) {
    return compact.substr(0, 4) + "-" + compact.substr(4, 2);
}

// Documents per month in the whole index, from the month filter terms (one term per month:
// cheap even for decades of releases).
std::map<std::string, Xapian::doccount> documents_per_month(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> counts;
    const std::string prefix = schema::prefix_month;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        if (term.size() == prefix.size() + 6) counts[term.substr(prefix.size())] = it.get_termfreq();
    }
    return counts;
}

}  // namespace

FacetTally count_with_value_spies(Xapian::Enquire& enquire, const FacetSelection& selection,
                                  Xapian::doccount check_at_least) {
    std::optional<Xapian::ValueCountMatchSpy> sources, langs, months;
    if (selection.source) enquire.add_matchspy(&sources.emplace(schema::slot_source));
    if (selection.lang) enquire.add_matchspy(&langs.emplace(schema::slot_lang));
    if (selection.year || selection.month) enquire.add_matchspy(&months.emplace(schema::slot_month));
    Xapian::ValueCountMatchSpy bodies(schema::slot_body_hash);
    enquire.add_matchspy(&bodies);
    enquire.get_mset(0, 0, check_at_least);
    enquire.clear_matchspies();

    FacetTally tally;
    if (sources) tally.sources = counts_of(*sources);
    if (langs) tally.langs = counts_of(*langs);
    if (months) tally.months = counts_of(*months);
    Xapian::doccount with_body = 0;
    for (auto it = bodies.values_begin(); it != bodies.values_end(); ++it) {
        ++tally.hits;
        with_body += it.get_termfreq();
    }
    tally.hits += static_cast<Xapian::doccount>(bodies.get_total()) - with_body;
    return tally;
}

nlohmann::json facets_json(const FacetTally& tally, const FacetSelection& selection,
                           const Xapian::Database& db, Xapian::doccount scale) {
    nlohmann::json out = nlohmann::json::object();
    if (selection.source) {
        out["source"] = value_counts(tally.sources, max_source_facet_values, db, scale,
                                     schema::prefix_source);
    }
    if (selection.lang) {
        out["lang"] = value_counts(tally.langs, max_lang_facet_values, db, scale, schema::prefix_lang);
    }
    if (!selection.year && !selection.month) return out;

    const auto totals = documents_per_month(db);
    const auto& matched = tally.months;  // as counted: in the sample, if any
    if (selection.year) {
        // Summed before scaling: a year's estimate is not lowered by its months' limits.
        std::map<std::string, std::pair<Xapian::doccount, Xapian::doccount>> years;  // matched, all
        for (const auto& [month, count] : matched) years[month.substr(0, 4)].first += count;
        for (const auto& [month, documents] : totals) {
            if (const auto it = years.find(month.substr(0, 4)); it != years.end()) {
                it->second.second += documents;
            }
        }
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [year, counts] : years) {
            list.push_back({{"value", year}, {"count", scaled(counts.first, scale, counts.second)}});
        }
        out["year"] = std::move(list);
    }
    if (selection.month) {
        // Every month from the first to the last match, zeros included, so that a timeline
        // can be drawn without gaps.
        nlohmann::json list = nlohmann::json::array();
        if (!matched.empty()) {
            const std::string& first = matched.begin()->first;
            const std::string& last = matched.rbegin()->first;
            for (auto it = totals.lower_bound(first); it != totals.end() && it->first <= last; ++it) {
                const auto found = matched.find(it->first);
                const Xapian::doccount count = found == matched.end() ? 0 : found->second;
                list.push_back({{"value", month_label(it->first)},
                                {"count", scaled(count, scale, it->second)},
                                {"documents", it->second}});
            }
        }
        out["month"] = std::move(list);
    }
    return out;
}

int sample_level_for(const Xapian::Database& db, const Xapian::Query& query,
                     Xapian::doccount exact_counts_up_to) {
    const double documents = db.get_doccount();
    if (exact_counts_up_to == 0 || documents <= exact_counts_up_to) return 0;
    // Shards share one indexer, so the first shard's version (what Xapian reports) holds for
    // all of them.
    const std::string version = db.get_metadata(schema::meta_schema_version);
    if (version.empty() || version == "1") return 0;
    const auto level_holding = [](double total, double wanted) {
        int level = 0;
        while (level < schema::max_sample_level && total / std::ldexp(1.0, level + 1) >= wanted) {
            ++level;
        }
        return level;
    };
    // How many matches: counted in a level that holds about half the limit of the whole index
    // (1,024 releases at least, for a usable count). Its rare term leads the AND, so this pass
    // is cheap, unlike counting every match. Xapian's own estimate, with duplicates collapsed,
    // was found 3 times too low on broad queries.
    const double half_limit = exact_counts_up_to / 2.0;
    const int probe = level_holding(documents, std::max(half_limit, 1024.0));
    Xapian::Enquire enquire(db);
    enquire.set_query(sampled(query, probe));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto in_probe = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    const double matches = std::ldexp(static_cast<double>(in_probe), probe);
    if (matches <= exact_counts_up_to) return 0;
    // The deepest level that still holds half the limit: a sample of half to all of it.
    return level_holding(matches, half_limit);
}

Xapian::Query matching_part(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_AND_MAYBE:
            return matching_part(query.get_subquery(0));
        case Xapian::Query::OP_FILTER: {
            std::vector<Xapian::Query> parts;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                parts.push_back(i == 0 ? matching_part(query.get_subquery(0))
                                       : query.get_subquery(i));
            }
            return Xapian::Query(Xapian::Query::OP_FILTER, parts.begin(), parts.end());
        }
        default:
            return query;
    }
}

Xapian::Query sampled(const Xapian::Query& query, int level) {
    if (level == 0) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::sample_term(level)));
}

std::string FacetCache::key(const Xapian::Database& db, const Xapian::Query& query,
                            const FacetSelection& selection) {
    std::string key = database_state_key(db) + ":";
    for (bool on : {selection.source, selection.lang, selection.year, selection.month}) {
        key += on ? '1' : '0';
    }
    return key + ":" + query.get_description();
}

std::optional<nlohmann::json> FacetCache::find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void FacetCache::store(const std::string& key, nlohmann::json facets) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        entries_.erase(it->second);
        index_.erase(it);
    }
    entries_.emplace_front(key, std::move(facets));
    index_[key] = entries_.begin();
    if (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

}  // namespace dateline::server
