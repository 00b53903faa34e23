#include "search_service.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "schema.hpp"

namespace dateline::server {

namespace {

// A reader that falls two commits behind the writer gets DatabaseModifiedError: reopen and
// run again. Three tries are plenty unless the indexer commits continuously.
constexpr int max_attempts = 3;

// Runs `read` on the leased handle, reopening and running it again when the writer discarded
// the revision being read. The last failure propagates (the request then fails with 500).
template <class Read>
auto with_fresh_revision(DatabasePool::Lease& lease, Read read) {
    for (int attempt = 1;; ++attempt) {
        try {
            return read(*lease);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_attempts) throw;
            lease->db.reopen();
        }
    }
}

double round_to(double value, double step) { return std::round(value / step) * step; }

nlohmann::json hit_json(const Xapian::MSetIterator& item, const Xapian::MSet& mset,
                        const SearchHandle& handle, const SnippetSettings& snippets) {
    const Xapian::Document doc = item.get_document();
    const auto release = schema::decode_data(doc.get_data());
    if (!release) {
        return {{"id", ""}, {"title", ""}, {"date", ""}, {"source", ""}, {"place", ""},
                {"url", ""}, {"score", item.get_weight()}, {"title_html", ""},
                {"snippet_html", ""}};
    }
    return {{"id", release->id},
            {"title", release->title},
            {"date", release->date},
            {"source", release->source},
            {"place", release->place},
            {"url", release->url},
            {"score", round_to(item.get_weight(), 0.001)},
            {"title_html", highlight_html(mset, release->title, handle.stemmer, snippets)},
            {"snippet_html", snippet_html(mset, release->body, handle.stemmer, snippets)}};
}

}  // namespace

SearchService::SearchService(DatabasePool& pool, SnippetSettings snippets)
    : pool_(pool), snippets_(snippets) {}

nlohmann::json SearchService::search(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    auto lease = pool_.acquire();
    return with_fresh_revision(lease, [&](SearchHandle& handle) -> nlohmann::json {
        SnippetSettings snippets = snippets_;
        snippets.cjk_ngram = handle.settings.cjk_ngram;
        const BuiltQuery built = handle.query_builder.build(request.query);

        Xapian::Enquire enquire(handle.db);
        enquire.set_query(built.query);
        const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.size);
        const auto count = static_cast<Xapian::doccount>(request.size);
        const Xapian::MSet mset =
            enquire.get_mset(first, count, std::max(exact_total_threshold, first + count));

        nlohmann::json hits = nlohmann::json::array();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            hits.push_back(hit_json(it, mset, handle, snippets));
        }
        const auto lower = mset.get_matches_lower_bound();
        const auto upper = mset.get_matches_upper_bound();
        const double took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return {{"query", request.query},
                {"interpreted_as", to_string(built.interpretation)},
                {"total", lower == upper ? lower : mset.get_matches_estimated()},
                {"total_is_estimate", lower != upper},
                {"page", request.page},
                {"size", request.size},
                {"took_ms", round_to(took_ms, 0.01)},
                {"hits", std::move(hits)}};
    });
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
