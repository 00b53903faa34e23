#pragma once
// Loading many releases into an empty database with every core. The reading thread (the
// caller) numbers the releases and hands them out in batches; writer threads each analyse a
// batch and write it as a small database of its own (a "part", a few thousand documents, the
// fastest size for Xapian's writer); at the end the parts are merged in batch order, with the
// spelling data and the metadata, into one compact database by Xapian's compaction.
//
// Xapian objects are not thread-safe: each writer thread has its own analyzer and part
// database, and documents never leave the thread that made them.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer.hpp"
#include "document.hpp"
#include "memory_budget.hpp"
#include "part_writer.hpp"
#include "title_spelling.hpp"
#include "work_queue.hpp"
#include "write_outcome.hpp"

namespace dateline::indexer {

struct BulkLoadOptions {
    unsigned writers = 2;
    std::size_t part_documents = 2000;          // a part ends at this many documents ...
    std::size_t part_buffer_bytes = 256 << 20;  // ... or this much buffer (memory_budget.hpp)
};

class BulkLoader {
public:
    // Parts and the merged database are made in `folder`, an empty folder that the caller
    // removes afterwards.
    BulkLoader(std::string folder, const AnalyzerSettings& settings, const BulkLoadOptions& options);
    // Stops the writer threads (their parts are left for the caller to remove).
    ~BulkLoader();
    BulkLoader(const BulkLoader&) = delete;
    BulkLoader& operator=(const BulkLoader&) = delete;

    // Queues a release (its id must be set). A release whose id was already seen in this load
    // replaces the earlier one, unless both are identical: the earlier one then stays (as with
    // a single writer). Waits while the writer threads are behind. Throws std::runtime_error
    // if a writer thread failed.
    WriteOutcome add(PressRelease&& release, const std::string& origin_file);

    // Waits for the writers and merges everything written, the spelling data and `metadata`
    // into a new database; returns its path (inside the folder). The loader is finished
    // afterwards. Throws std::runtime_error or Xapian::Error.
    std::string merge(const std::vector<std::pair<std::string, std::string>>& metadata);

    // Releases queued so far, less those replaced by a later one with the same id.
    std::size_t documents() const { return documents_; }

private:
    struct Seen {
        std::uint64_t fingerprint = 0;
        std::uint64_t sequence = 0;
    };

    void dispatch_batch();
    void writer_loop(std::size_t index);
    void stop_writers();
    void throw_if_failed();
    void remove_replaced(const std::vector<WrittenPart>& parts, TitleSpelling& spelling);

    std::string folder_;
    BulkLoadOptions options_;
    WorkQueue<BulkBatch> queue_;
    std::vector<std::unique_ptr<PartWriter>> part_writers_;
    std::vector<std::thread> threads_;

    // Reading thread only.
    BulkBatch batch_;
    std::size_t batch_buffer_bytes_ = 0;
    std::uint64_t next_sequence_ = 0;
    std::size_t documents_ = 0;
    // Ids seen in this load, by hash (64 bits: a collision in a billion releases is unlikely
    // beyond any practical concern), and the releases that a later one replaced.
    std::unordered_map<std::uint64_t, Seen> seen_;
    std::vector<std::uint64_t> replaced_;
    bool finished_ = false;

    // Shared with the writer threads.
    std::mutex mutex_;
    std::vector<WrittenPart> parts_;
    std::string failure_;
};

}  // namespace dateline::indexer
