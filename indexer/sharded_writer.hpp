#pragma once
// Writes a run's releases into its database's shards: one IndexWriter per shard, each release
// routed by the hash of its id (shard_layout.hpp). A plain database is the layout with one
// shard, written through the same class.
//
// Each shard commits its own batches; a killed run leaves every shard at its last commit,
// and a re-run completes the work (the same ids go to the same shards).

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "document.hpp"
#include "index_writer.hpp"
#include "shard_layout.hpp"
#include "write_outcome.hpp"

namespace dateline::indexer {

// A run's --threads and --memory shared out among `shards` writers: each gets
// max(1, threads / shards) threads and memory / shards (not below the indexer's minimum).
// When there are at least as many threads as shards (and more than one), a load into new
// shards is a bulk load in each, one shard's thread beside the others'.
WriterOptions per_shard_options(const WriterOptions& run, unsigned shards);

class ShardedWriter {
public:
    // Writes the stub file that joins the shards of `layout`, then opens (or creates) them.
    // Throws std::runtime_error as IndexWriter does.
    ShardedWriter(const ShardLayout& layout, const WriterOptions& run_options);

    WriteOutcome write(PressRelease&& release, const std::string& origin_file = {});

    // Commits every shard (each does nothing when it has nothing new).
    void commit();

    // Documents in all the shards.
    Xapian::doccount document_count() const;
    // Documents in each shard, in shard order.
    std::vector<Xapian::doccount> shard_counts() const;

private:
    std::vector<std::unique_ptr<IndexWriter>> writers_;
};

}  // namespace dateline::indexer
