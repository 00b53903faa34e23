#include "search_service.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <system_error>

#include "facets.hpp"
#include "schema.hpp"
#include "text_matches.hpp"

namespace dateline::server {

namespace {

double round_to(double value, double step) { return std::round(value / step) * step; }

nlohmann::json hit_json(const Xapian::MSetIterator& item, const Xapian::MSet& mset,
                        const SearchHandle& handle, const SnippetSettings& snippets,
                        const std::unordered_set<std::string>& terms) {
    const Xapian::Document doc = item.get_document();
    auto release = schema::decode_data(doc.get_data());
    if (!release) release = PressRelease{};
    return {{"id", release->id},
            {"title", release->title},
            {"date", release->date},
            {"source", release->source},
            {"place", release->place},
            {"url", release->url},
            {"lang", release->lang},
            {"score", round_to(item.get_weight(), 0.001)},
            {"duplicates", item.get_collapse_count()},
            {"title_html", highlight_html(mset, release->title, handle.stemmer, snippets, terms)},
            {"snippet_html", snippet_html(mset, release->body, handle.stemmer, snippets, terms)}};
}

// Any of `values` as exact filter terms.
Xapian::Query any_of(const char* prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& value : values) terms.emplace_back(schema::filter_term(prefix, value));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The parameters' filters, all of which must hold; an empty query when there are none.
Xapian::Query filters_of(const SearchRequest& request) {
    std::vector<Xapian::Query> filters;
    if (!request.sources.empty()) filters.push_back(any_of(schema::prefix_source, request.sources));
    if (!request.langs.empty()) filters.push_back(any_of(schema::prefix_lang, request.langs));
    if (!request.places.empty()) filters.push_back(any_of(schema::prefix_place, request.places));
    const std::string& from = request.from_day;
    const std::string& to = request.to_day;
    if (!from.empty() && !to.empty()) {
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, from, to);
    } else if (!from.empty()) {
        filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::slot_date, from);
    } else if (!to.empty()) {
        filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::slot_date, to);
    }
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

// Equal weights are otherwise ordered by document id, which depends on how the releases were
// split into shards: the fingerprint (a hash that includes the id, so unique per release)
// orders them the same way in one database, local shards and remote shards, and makes
// duplicate collapsing keep the same release everywhere. Xapian's remote backend sorts only
// by value slots (no KeyMaker), so releases of the same day under a date sort are ordered by
// relevance, then document id.
void apply_sort(Xapian::Enquire& enquire, SortOrder sort) {
    switch (sort) {
        case SortOrder::relevance:
            enquire.set_sort_by_relevance_then_value(schema::slot_fingerprint, false);
            break;
        case SortOrder::oldest_first:
            enquire.set_sort_by_value_then_relevance(schema::slot_date, false);
            break;
        case SortOrder::newest_first:
            enquire.set_sort_by_value_then_relevance(schema::slot_date, true);
            break;
    }
}

// Counts a search as running for its lifetime.
class RunningSearch {
public:
    explicit RunningSearch(std::atomic<unsigned>& running) : running_(running) { ++running_; }
    ~RunningSearch() { --running_; }
    RunningSearch(const RunningSearch&) = delete;
    RunningSearch& operator=(const RunningSearch&) = delete;

private:
    std::atomic<unsigned>& running_;
};

}  // namespace

SearchService::SearchService(DatabasePool& pool, FacetColumnStore* columns,
                             SnippetSettings snippets, Xapian::doccount exact_counts_up_to,
                             unsigned cores)
    : pool_(pool),
      columns_(columns),
      snippets_(snippets),
      exact_counts_up_to_(exact_counts_up_to),
      cores_(cores) {}

nlohmann::json SearchService::search(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    const RunningSearch running(searches_running_);
    auto lease = pool_.acquire();
    return with_fresh_revision(lease, [&](SearchHandle& handle) -> nlohmann::json {
        BuiltQuery built;
        if (!request.query.empty()) built = handle.query_builder.build(request.query, &handle.db);
        const Xapian::Query filters = filters_of(request);
        auto filtered = [&filters](const Xapian::Query& words) {
            return filters.empty() ? words : Xapian::Query(Xapian::Query::OP_FILTER, words, filters);
        };

        std::string interpreted_as = to_string(built.interpretation);
        Page page;
        if (request.query.empty()) {
            interpreted_as = "filters_only";
            page = run_page(handle, filters, request);
        } else {
            page = run_page(handle, filtered(built.query), request);
            // All the words together found nothing: rank what has most of them.
            if (page.total == 0 && !built.any_words.empty()) {
                page = run_page(handle, filtered(built.any_words), request);
                interpreted_as = to_string(QueryInterpretation::any_words);
            }
        }

        nlohmann::json response = {
            {"query", request.query},
            {"interpreted_as", interpreted_as},
            {"total", page.total},
            {"total_is_estimate", page.total_is_estimate},
            {"page", request.page},
            {"size", request.size},
            {"suggestion", suggestion_for(handle, built, filters, page.total)},
            {"hits", std::move(page.hits)}};
        if (!page.facets.is_null()) {
            response["facets"] = std::move(page.facets);
            response["facets_are_estimates"] = page.facets_are_estimates;
        }
        const double took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        response["took_ms"] = round_to(took_ms, 0.01);
        return response;
    });
}

SearchService::Page SearchService::run_page(SearchHandle& handle, const Xapian::Query& query,
                                            const SearchRequest& request) {
    SnippetSettings snippets = snippets_;
    snippets.cjk_ngram = handle.settings.cjk_ngram;
    snippets.length = static_cast<std::size_t>(request.snippet_length);

    // Facets not counted yet start on a second thread, if the cores allow, and are collected
    // after the hits: the two passes are independent, and of similar cost on a large index.
    std::optional<nlohmann::json> cached_facets;
    std::string facet_key;
    std::future<std::optional<nlohmann::json>> facets_beside;
    if (request.facets.any()) {
        facet_key = FacetCache::key(handle.db, query, request.facets);
        cached_facets = facet_cache_.find(facet_key);
        if (!cached_facets) facets_beside = count_facets_beside(handle, query, request.facets);
    }

    Xapian::Enquire enquire(handle.db);
    enquire.set_query(query);
    enquire.set_collapse_key(schema::slot_body_hash);
    apply_sort(enquire, request.sort);

    const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.size);
    const auto count = static_cast<Xapian::doccount>(request.size);
    // Matches are counted up to the threshold for an exact total (the facet pass, if any,
    // gives a better one). It also keeps each hit's `duplicates` exact up to the threshold:
    // with a lower one, duplicates that weigh less than the page's last hit are skipped
    // uncounted (measured: stopping at the page saves about 8% on the slowest queries at 1M).
    const Xapian::doccount check_at_least = std::max(exact_total_threshold, first + count);
    const Xapian::MSet mset = enquire.get_mset(first, count, check_at_least);

    Page page;
    page.hits = nlohmann::json::array();
    const auto terms = query_terms(query);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        page.hits.push_back(hit_json(it, mset, handle, snippets, terms));
    }

    if (request.facets.any() && !cached_facets) {
        if (facets_beside.valid()) cached_facets = facets_beside.get();
        if (cached_facets) {
            ++facet_passes_beside_;
        } else {
            cached_facets = count_facets(handle, query, request.facets);
        }
        facet_cache_.store(facet_key, *cached_facets);
    }
    const auto lower = mset.get_matches_lower_bound();
    const auto upper = mset.get_matches_upper_bound();
    page.total = lower == upper ? lower : mset.get_matches_estimated();
    page.total_is_estimate = lower != upper;
    if (cached_facets) {
        const auto counted = (*cached_facets)["total"].get<Xapian::doccount>();
        const bool sampled = (*cached_facets)["sample_level"].get<int>() > 0;
        // A sample can miss matches the ranked pass has seen: keep within its bounds.
        page.total = sampled ? std::clamp(counted, lower, upper) : counted;
        page.total_is_estimate = sampled;
        page.facets = std::move((*cached_facets)["facets"]);
        page.facets_are_estimates = sampled;
    }
    return page;
}

// A pass of its own over every match of the query's matching part (its boosts dropped),
// unranked (BoolWeight) and uncollapsed: the match spies see every match either way, and
// weighting and collapsing each of them cost more than counting (measured: the full page's
// p99 halves, at 116k releases and at 1M). With
// duplicates collapsed, Xapian's match count stays an estimate; counting distinct body
// hashes gives the exact number of hits, kept with the facets.
// Counting is linear in the matches: a broad query is counted over one sample level only,
// and the counts are scaled up. Duplicates share their level, so distinct bodies in the
// sample, scaled up, estimate the hits without bias.
nlohmann::json SearchService::count_facets(SearchHandle& handle, const Xapian::Query& query,
                                           const FacetSelection& selection) {
    const Xapian::Query matching = matching_part(query);
    const int level = sample_level_for(handle.db, matching, exact_counts_up_to_);
    Xapian::Enquire enquire(handle.db);
    enquire.set_query(sampled(matching, level));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto columns = columns_ == nullptr ? nullptr : columns_->find(handle);
    const Xapian::doccount every_match = handle.db.get_doccount();
    const FacetTally tally = columns ? columns->count(enquire, selection, every_match)
                                     : count_with_value_spies(enquire, selection, every_match);
    const auto scale = static_cast<Xapian::doccount>(1) << level;
    return {{"facets", facets_json(tally, selection, handle.db, scale)},
            {"total", tally.hits * scale},
            {"sample_level", level}};
}

// Xapian objects are not thread-safe (a query's reference counts included): the other
// thread gets the query serialised and a handle of its own from the pool. A commit between
// the two handles' opening would make the hits and the counts disagree, so then the request's
// own handle counts instead, as it does after any failure here (and reports the error).
std::future<std::optional<nlohmann::json>> SearchService::count_facets_beside(
    const SearchHandle& handle, const Xapian::Query& query, const FacetSelection& selection) {
    if (searches_running_.load() >= cores_) return {};
    auto count = [this, state = database_state_key(handle.db), serialised = query.serialise(),
                  selection]() -> std::optional<nlohmann::json> {
        try {
            auto lease = pool_.acquire();
            return with_fresh_revision(
                lease, [&](SearchHandle& helper) -> std::optional<nlohmann::json> {
                    if (database_state_key(helper.db) != state) return std::nullopt;
                    return count_facets(helper, Xapian::Query::unserialise(serialised), selection);
                });
        } catch (...) {
            return std::nullopt;
        }
    };
    try {
        return std::async(std::launch::async, std::move(count));
    } catch (const std::system_error&) {
        return {};  // no thread to be had
    }
}

nlohmann::json SearchService::suggestion_for(SearchHandle& handle, const BuiltQuery& built,
                                             const Xapian::Query& filters,
                                             Xapian::doccount total) {
    // Only for queries read as written: a fallback reading's "corrections" are guesses on
    // guesses (operators taken as words).
    if (built.corrected.empty() || total >= few_hits ||
        built.interpretation != QueryInterpretation::full) {
        return nullptr;
    }
    const BuiltQuery corrected = handle.query_builder.build(built.corrected, &handle.db);
    Xapian::Query query = corrected.query;
    if (!filters.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filters);
    Xapian::Enquire enquire(handle.db);
    enquire.set_query(query);
    enquire.set_collapse_key(schema::slot_body_hash);
    const Xapian::MSet mset = enquire.get_mset(0, 0, exact_total_threshold);
    const Xapian::doccount corrected_total = mset.get_matches_estimated();
    if (corrected_total <= total) return nullptr;
    return {{"query", built.corrected}, {"total", corrected_total}};
}

nlohmann::json SearchService::health() {
    auto lease = pool_.acquire();
    return with_fresh_revision(lease, [](SearchHandle& handle) -> nlohmann::json {
        return {{"status", "ok"},
                {"documents", handle.db.get_doccount()},
                {"last_indexed", handle.db.get_metadata(schema::meta_last_indexed)}};
    });
}

}  // namespace dateline::server
