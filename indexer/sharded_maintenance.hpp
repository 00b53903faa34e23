#pragma once
// --delete and --prune over a database's shards: each id is deleted from the shard its hash
// routes it to; pruning looks at every shard. The result adds up the shards'.

#include <functional>

#include "maintenance.hpp"
#include "shard_layout.hpp"

namespace dateline::indexer {

// run_maintenance() on each shard of `layout` (the database itself when it is plain).
MaintenanceResult run_sharded_maintenance(const ShardLayout& layout,
                                          const MaintenanceRequest& request,
                                          const std::function<bool()>& stop);

}  // namespace dateline::indexer
