#include "document_service.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "openapi_json.hpp"  // generated from openapi.json by server/CMakeLists.txt
#include "schema.hpp"
#include "utf8.hpp"

namespace dateline::server {

namespace {

nlohmann::json matches_json(const std::vector<TextMatch>& matches) {
    nlohmann::json out = nlohmann::json::array();
    for (const TextMatch& match : matches) {
        out.push_back({{"start", match.start}, {"length", match.length}});
    }
    return out;
}

// "YYYYMMDD" → "YYYY-MM-DD"; null when there is no such value.
nlohmann::json iso_day(const std::string& compact) {
    if (compact.size() != 8) return nullptr;
    return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
}

// [{value, count}] by count descending, then value.
nlohmann::json value_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<std::pair<std::string, Xapian::doccount>> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        counts.emplace_back(*it, it.get_termfreq());
    }
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, count] : counts) out.push_back({{"value", value}, {"count", count}});
    return out;
}

nlohmann::json compute_stats(const Xapian::Database& db) {
    // One pass over every document. Dates come from a spy too, not from
    // get_value_lower_bound(): value-slot bounds are not narrowed when documents are replaced
    // or deleted, so they can name a date no document has any more.
    Xapian::ValueCountMatchSpy sources(schema::slot_source);
    Xapian::ValueCountMatchSpy languages(schema::slot_lang);
    Xapian::ValueCountMatchSpy days(schema::slot_date);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&languages);
    enquire.add_matchspy(&days);
    const Xapian::doccount documents = db.get_doccount();
    enquire.get_mset(0, 0, documents);

    std::string first_day, last_day;
    for (auto it = days.values_begin(); it != days.values_end(); ++it) {
        if (first_day.empty()) first_day = *it;
        last_day = *it;
    }
    const std::string indexed_at = db.get_metadata(schema::meta_last_indexed);
    nlohmann::json last_indexed = nullptr;
    if (!indexed_at.empty()) last_indexed = indexed_at;
    const std::string version = db.get_metadata(schema::meta_schema_version);
    nlohmann::json schema_version = nullptr;
    if (!version.empty() && version.find_first_not_of("0123456789") == std::string::npos &&
        version.size() < 9) {
        schema_version = std::stoi(version);
    }
    return {{"documents", documents},
            {"first_date", iso_day(first_day)},
            {"last_date", iso_day(last_day)},
            {"last_indexed", last_indexed},
            {"schema_version", schema_version},
            {"sources", value_counts(sources)},
            {"languages", value_counts(languages)}};
}

}  // namespace

std::variant<DocumentRequest, ParamError> parse_document_params(const QueryParams& params) {
    DocumentRequest request;
    for (const auto& [name, value] : params) {
        if (name != "q") {
            return ParamError{name, "unknown parameter '" + name + "' (accepted: q)"};
        }
        if (request.query) return ParamError{"q", "parameter 'q' is given more than once"};
        if (value.size() > limits::max_query_bytes) {
            return ParamError{"q", "parameter 'q' is too long (at most " +
                                       std::to_string(limits::max_query_bytes) + " bytes)"};
        }
        if (!utf8::is_valid(value)) return ParamError{"q", "parameter 'q' is not valid UTF-8"};
        request.query = value;
    }
    return request;
}

std::optional<ParamError> check_no_params(const QueryParams& params, std::string_view route) {
    if (params.empty()) return std::nullopt;
    const std::string& name = params.begin()->first;
    return ParamError{name,
                      "unknown parameter '" + name + "' (" + std::string(route) + " takes none)"};
}

DocumentService::DocumentService(DatabasePool& pool) : pool_(pool) {}

std::optional<nlohmann::json> DocumentService::document(const std::string& id,
                                                        const DocumentRequest& request) {
    auto lease = pool_.acquire();
    return with_fresh_revision(lease, [&](SearchHandle& handle) -> std::optional<nlohmann::json> {
        const std::string term = schema::id_term(id);
        const auto posting = handle.db.postlist_begin(term);
        if (posting == handle.db.postlist_end(term)) return std::nullopt;
        const auto release = schema::decode_data(handle.db.get_document(*posting).get_data());
        if (!release) throw std::runtime_error("unreadable document data for id term " + term);
        // Very long ids share a hashed term: make sure this is the one asked for.
        if (release->id != id) return std::nullopt;

        nlohmann::json body = {{"id", release->id},       {"title", release->title},
                               {"date", release->date},   {"source", release->source},
                               {"place", release->place}, {"url", release->url},
                               {"lang", release->lang},   {"body", release->body}};
        if (!request.query) return body;

        const BuiltQuery built = handle.query_builder.build(*request.query);
        const auto terms = query_terms(built.query);
        const auto matches = find_matches(release->body, terms, handle.stemmer);
        const auto title_matches =
            find_matches(release->title, terms, handle.stemmer, schema::prefix_title);
        body["matches"] = matches_json(matches);
        body["title_matches"] = matches_json(title_matches);
        body["first_match"] =
            matches.empty() ? nlohmann::json() : nlohmann::json(matches.front().start);
        return body;
    });
}

nlohmann::json DocumentService::stats() {
    auto lease = pool_.acquire();
    return with_fresh_revision(lease, [&](SearchHandle& handle) -> nlohmann::json {
        const std::string key = database_state_key(handle.db);
        {
            std::lock_guard<std::mutex> lock(stats_mutex_);
            if (stats_ && key == stats_key_) return *stats_;
        }
        // Computed outside the lock, so that a slow pass never blocks requests for figures
        // already cached; at worst two threads compute the same figures.
        auto computed = std::make_shared<const nlohmann::json>(compute_stats(handle.db));
        std::lock_guard<std::mutex> lock(stats_mutex_);
        stats_key_ = key;
        stats_ = computed;
        return *computed;
    });
}

std::string_view openapi_json() {
    return generated::openapi_json;
}

}  // namespace dateline::server
