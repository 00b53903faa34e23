#include "sharded_writer.hpp"

#include <algorithm>

#include "memory_budget.hpp"

namespace dateline::indexer {

WriterOptions per_shard_options(const WriterOptions& run, unsigned shards) {
    WriterOptions options = run;
    if (shards <= 1) return options;
    options.threads = std::max(1U, run.threads / shards);
    // With a thread for each shard, each shard bulk-loads on its own thread: the shards are
    // written in parallel and end compacted, as a single database would.
    options.bulk_with_one_thread = run.threads >= shards && run.threads > 1;
    options.memory_limit = std::max(minimum_memory_limit, run.memory_limit / shards);
    return options;
}

ShardedWriter::ShardedWriter(const ShardLayout& layout, const WriterOptions& run_options) {
    // First, so that a run killed at any point leaves a database whose number of shards the
    // next run reads from the stub. Until the shards exist, readers find no database (as
    // before the first run of a single database).
    write_shard_stub(layout);
    const WriterOptions options = per_shard_options(run_options, layout.shards);
    writers_.reserve(layout.paths.size());
    for (const std::string& path : layout.paths) {
        writers_.push_back(std::make_unique<IndexWriter>(path, options));
    }
}

WriteOutcome ShardedWriter::write(PressRelease&& release, const std::string& origin_file) {
    const unsigned shard = shard_of(release.id, static_cast<unsigned>(writers_.size()));
    return writers_[shard]->write(std::move(release), origin_file);
}

void ShardedWriter::commit() {
    for (auto& writer : writers_) writer->commit();
}

Xapian::doccount ShardedWriter::document_count() const {
    Xapian::doccount total = 0;
    for (const auto& writer : writers_) total += writer->document_count();
    return total;
}

std::vector<Xapian::doccount> ShardedWriter::shard_counts() const {
    std::vector<Xapian::doccount> counts;
    for (const auto& writer : writers_) counts.push_back(writer->document_count());
    return counts;
}

}  // namespace dateline::indexer
