#pragma once
// Taking documents out of a database: by id (--delete) and because their source file is gone
// (--prune).
//
// --prune looks only under the input folders of the run. A document is pruned when the file it
// was read from (value slot schema::slot_origin: the absolute, canonical path of the file, or of
// the archive that held it) lies under one of those folders and no longer exists. So:
//  - a file named on the command line is never a prune root: it exists, or the run fails
//    because an input is missing; to drop the documents of a deleted file, prune its folder;
//  - a folder that does not exist is not a prune root either (the run fails as a missing
//    input): an unmounted archive must not empty the index;
//  - documents read from standard input have no origin and are never pruned (--delete ID
//    removes them);
//  - a file whose existence cannot be checked (permissions) keeps its documents.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <optional>

#include <xapian.h>

#include "options.hpp"

namespace dateline::indexer {

// True when `path` is `root` or lies below it, segment by segment: /a/b is under /a and under
// /a/b, not under /a/bc. Both are absolute paths.
bool path_is_under(std::string_view path, std::string_view root);

// The canonical absolute paths of the inputs that are existing folders.
std::vector<std::string> prune_roots(const std::vector<std::string>& inputs);

struct DeleteOutcome {
    std::size_t deleted = 0;
    std::vector<std::string> not_found;  // ids that matched no document
};

// Deletes the documents with these ids (each id given once). Does not commit.
DeleteOutcome delete_by_id(Xapian::WritableDatabase& db, const std::vector<std::string>& ids);

struct VanishedSource {
    std::string path;
    std::vector<Xapian::docid> documents;
};

// The sources under `roots` that are gone, with their documents, in path order.
std::vector<VanishedSource> find_vanished_sources(const Xapian::Database& db,
                                                  const std::vector<std::string>& roots);

struct MaintenanceRequest {
    std::vector<std::string> delete_ids;
    std::vector<std::string> prune_roots;
    std::size_t batch_size = 1000;  // deletions per commit
};

struct MaintenanceResult {
    std::size_t deleted = 0;
    std::vector<std::string> ids_not_found;
    std::vector<std::pair<std::string, std::size_t>> pruned_sources;  // path, documents removed
    Xapian::doccount documents = 0;                                   // in the database afterwards
};

// Opens the existing database at `db_path`, deletes what `request` asks for and commits
// (every `batch_size` deletions and at the end, so that a kill loses at most one batch).
// `stop` is polled between deletions. Throws std::runtime_error when the database cannot be
// opened, Xapian::Error when it cannot be written.
MaintenanceResult run_maintenance(const std::string& db_path, const MaintenanceRequest& request,
                                  const std::function<bool()>& stop);

// What a run's options ask for: --delete's ids, and --prune's roots among the inputs;
// nullopt when they ask for neither.
std::optional<MaintenanceRequest> maintenance_request(const IndexerOptions& options);

// What to tell the user: a warning per id not found and, with `notes`, a note per pruned source.
std::vector<std::string> maintenance_messages(const MaintenanceResult& result, bool notes);

}  // namespace dateline::indexer
