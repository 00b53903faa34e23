#include "sharded_maintenance.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dateline::indexer {

MaintenanceResult run_sharded_maintenance(const ShardLayout& layout,
                                          const MaintenanceRequest& request,
                                          const std::function<bool()>& stop) {
    if (!layout.sharded()) return run_maintenance(layout.db_path, request, stop);

    std::vector<std::vector<std::string>> ids_by_shard(layout.shards);
    for (const std::string& id : request.delete_ids) {
        ids_by_shard[shard_of(id, layout.shards)].push_back(id);
    }
    MaintenanceResult total;
    std::set<std::string> not_found;
    std::map<std::string, std::size_t> pruned;  // a source's releases may sit in several shards
    for (unsigned shard = 0; shard < layout.shards; ++shard) {
        MaintenanceRequest part = request;
        part.delete_ids = ids_by_shard[shard];
        // Every shard's count is wanted for the total, even when it has nothing to do.
        const MaintenanceResult done = run_maintenance(layout.paths[shard], part, stop);
        total.deleted += done.deleted;
        total.documents += done.documents;
        not_found.insert(done.ids_not_found.begin(), done.ids_not_found.end());
        for (const auto& [path, removed] : done.pruned_sources) pruned[path] += removed;
    }
    // In the order given, as a single database reports them.
    for (const std::string& id : request.delete_ids) {
        if (not_found.erase(id) > 0) total.ids_not_found.push_back(id);
    }
    total.pruned_sources.assign(pruned.begin(), pruned.end());
    return total;
}

}  // namespace dateline::indexer
