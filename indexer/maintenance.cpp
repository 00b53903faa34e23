#include "maintenance.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "errors.hpp"
#include "schema.hpp"

namespace dateline::indexer {

namespace fs = std::filesystem;

namespace {

// True only when the file is certainly gone: one that cannot be checked keeps its documents.
bool source_is_gone(const std::string& path) {
    std::error_code ec;
    return fs::status(path, ec).type() == fs::file_type::not_found;
}

Xapian::WritableDatabase open_existing(const std::string& path) {
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw std::runtime_error("cannot open database '" + path +
                                 "': another indexer is writing to it; wait for it to finish");
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw std::runtime_error("cannot open database '" + path +
                                 "': there is no database there, so nothing to delete");
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open database '" + path + "': " + e.get_description());
    }
}

}  // namespace

bool path_is_under(std::string_view path, std::string_view root) {
    while (root.size() > 1 && root.back() == '/') root.remove_suffix(1);
    if (root == "/") return !path.empty() && path.front() == '/';
    if (path.size() < root.size() || path.substr(0, root.size()) != root) return false;
    return path.size() == root.size() || path[root.size()] == '/';
}

std::vector<std::string> prune_roots(const std::vector<std::string>& inputs) {
    std::vector<std::string> roots;
    for (const std::string& input : inputs) {
        if (input == "-") continue;
        std::error_code ec;
        if (!fs::is_directory(input, ec)) continue;
        const fs::path canonical = fs::canonical(input, ec);
        if (!ec) roots.push_back(canonical.string());
    }
    return roots;
}

DeleteOutcome delete_by_id(Xapian::WritableDatabase& db, const std::vector<std::string>& ids) {
    DeleteOutcome outcome;
    std::set<std::string> seen;
    for (const std::string& id : ids) {
        if (!seen.insert(id).second) continue;
        const std::string term = schema::id_term(id);
        const Xapian::doccount matches = db.get_termfreq(term);
        if (matches == 0) {
            outcome.not_found.push_back(id);
            continue;
        }
        db.delete_document(term);
        outcome.deleted += matches;
    }
    return outcome;
}

std::vector<VanishedSource> find_vanished_sources(const Xapian::Database& db,
                                                  const std::vector<std::string>& roots) {
    std::map<std::string, bool> gone;  // each origin is checked once
    std::map<std::string, std::vector<Xapian::docid>> documents;
    for (auto it = db.valuestream_begin(schema::slot_origin);
         it != db.valuestream_end(schema::slot_origin); ++it) {
        const std::string origin = *it;
        auto known = gone.find(origin);
        if (known == gone.end()) {
            const bool under_a_root =
                std::any_of(roots.begin(), roots.end(),
                            [&](const std::string& root) { return path_is_under(origin, root); });
            known = gone.emplace(origin, under_a_root && source_is_gone(origin)).first;
        }
        if (known->second) documents[origin].push_back(it.get_docid());
    }
    std::vector<VanishedSource> vanished;
    for (auto& [path, ids] : documents) vanished.push_back({path, std::move(ids)});
    return vanished;
}

MaintenanceResult run_maintenance(const std::string& db_path, const MaintenanceRequest& request,
                                  const std::function<bool()>& stop) {
    MaintenanceResult result;
    Xapian::WritableDatabase db = open_existing(db_path);
    if (!request.delete_ids.empty()) {
        DeleteOutcome outcome = delete_by_id(db, request.delete_ids);
        result.deleted = outcome.deleted;
        result.ids_not_found = std::move(outcome.not_found);
        if (outcome.deleted > 0) db.commit();
    }
    if (!request.prune_roots.empty()) {
        std::size_t pending = 0;
        for (const VanishedSource& source : find_vanished_sources(db, request.prune_roots)) {
            std::size_t removed = 0;
            for (const Xapian::docid id : source.documents) {
                if (stop()) break;
                db.delete_document(id);
                ++removed;
                if (++pending >= request.batch_size) {
                    db.commit();
                    pending = 0;
                }
            }
            result.deleted += removed;
            if (removed > 0) result.pruned_sources.emplace_back(source.path, removed);
            if (stop()) break;
        }
        if (pending > 0) db.commit();
    }
    result.documents = db.get_doccount();
    return result;
}

std::optional<MaintenanceRequest> maintenance_request(const IndexerOptions& options) {
    if (options.delete_ids.empty() && !options.prune) return std::nullopt;
    MaintenanceRequest request;
    request.delete_ids = options.delete_ids;
    if (options.prune) request.prune_roots = prune_roots(options.inputs);
    request.batch_size = options.batch_size;
    return request;
}

std::vector<std::string> maintenance_messages(const MaintenanceResult& result, bool notes) {
    std::vector<std::string> messages;
    for (const std::string& id : result.ids_not_found) {
        messages.push_back("indexer: warning: --delete: no document has the id '" + id + "'");
    }
    if (!notes) return messages;
    for (const auto& [path, removed] : result.pruned_sources) {
        messages.push_back(located_message(path, 0, "note",
                                           "file is gone: removed its " + std::to_string(removed) +
                                               (removed == 1 ? " document" : " documents")));
    }
    return messages;
}

}  // namespace dateline::indexer
