#include "facets.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "database_pool.hpp"
#include "schema.hpp"

namespace dateline::server {

namespace {

// A sampled count scaled up, at most the documents that have the value.
Xapian::doccount scaled(Xapian::doccount count, Xapian::doccount scale, Xapian::doccount documents) {
    return scale == 1 ? count : std::min(count * scale, documents);
}

// The values with their counts, most frequent first. `filter_prefix` names the filter term
// that gives each value's documents in the whole index.
nlohmann::json value_counts(const Xapian::ValueCountMatchSpy& spy, Xapian::termcount limit,
                            const Xapian::Database& db, Xapian::doccount scale,
                            const char* filter_prefix) {
    nlohmann::json out = nlohmann::json::array();
    for (auto it = spy.top_values_begin(limit); it != spy.top_values_end(limit); ++it) {
        const Xapian::doccount documents =
            scale == 1 ? 0 : db.get_termfreq(schema::filter_term(filter_prefix, *it));
        out.push_back({{"value", *it}, {"count", scaled(it.get_termfreq(), scale, documents)}});
    }
    return out;
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

FacetCounter::FacetCounter(const FacetSelection& selection) : selection_(selection) {
    if (selection_.source) sources_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_source);
    if (selection_.lang) langs_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_lang);
    if (selection_.year || selection_.month) {
        months_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_month);
    }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (auto* spy : {sources_.get(), langs_.get(), months_.get()}) {
        if (spy != nullptr) enquire.add_matchspy(spy);
    }
}

nlohmann::json FacetCounter::to_json(const Xapian::Database& db, Xapian::doccount scale) const {
    nlohmann::json out = nlohmann::json::object();
    if (sources_) {
        out["source"] = value_counts(*sources_, max_source_facet_values, db, scale,
                                     schema::prefix_source);
    }
    if (langs_) out["lang"] = value_counts(*langs_, 50, db, scale, schema::prefix_lang);
    if (!months_) return out;

    const auto totals = documents_per_month(db);
    std::map<std::string, Xapian::doccount> matched;  // as counted: in the sample, if any
    for (auto it = months_->values_begin(); it != months_->values_end(); ++it) {
        matched[*it] = it.get_termfreq();
    }
    if (selection_.year) {
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
    if (selection_.month) {
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
