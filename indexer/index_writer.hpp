#pragma once
// The writer of a Dateline database: idempotent updates keyed by the unique id term,
// unchanged documents detected by their fingerprint, explicit commits.
//
// Two ways of writing, chosen when the database is opened:
//  - bulk load, into an empty (or new) database with more than one thread: the releases are
//    written by parallel writer threads into parts beside the database, merged and compacted
//    at commit(), and the result takes the place of the empty database in one rename. Nothing
//    is visible before that commit; a killed run leaves the empty database as it was.
//  - one writer, into a database that has documents: each release is checked against its
//    stored fingerprint and added, replaced or skipped; commits every batch.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzer.hpp"
#include "document.hpp"
#include "memory_budget.hpp"
#include "title_spelling.hpp"
#include "write_outcome.hpp"

namespace dateline::indexer {

class BulkLoader;

struct WriterOptions {
    // Threads for a bulk load into an empty database; 1 writes everything on the caller's
    // thread, through the single writer (unless bulk_with_one_thread).
    unsigned threads = 1;
    // A bulk load into an empty database even with one thread, which then analyses and writes
    // beside the caller's thread: for one shard of several, each with its own writer thread.
    bool bulk_with_one_thread = false;
    // The single writer commits after this many documents (or less, see memory_limit).
    std::size_t batch_size = 1000;
    // Approximate limit for the memory of the whole run (memory_budget.hpp).
    std::size_t memory_limit = default_memory_limit;
    // Documents per part of a bulk load; 0 chooses from the memory limit.
    std::size_t part_documents = 0;
};

class IndexWriter {
public:
    // Opens or creates the database. Throws std::runtime_error with a clear message when it
    // cannot (another indexer holds the lock, the path is not a database, permissions).
    explicit IndexWriter(const std::string& db_path, const WriterOptions& options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds the release, replaces an older version with the same id, or leaves an identical
    // one alone. `release.id` must be set. `origin_file` is the absolute path of the file the
    // release came from (empty for standard input), kept so --prune can find it. Commits by
    // itself when a batch is full (single writer).
    WriteOutcome write(PressRelease&& release, const std::string& origin_file = {});
    WriteOutcome write(const PressRelease& release, const std::string& origin_file = {});

    // Makes everything written so far durable and visible to readers; a bulk load is merged
    // and put in place here, and later writes go through the single writer. Does nothing when
    // nothing changed, so a re-run over unchanged input leaves the database revision as it
    // was. Throws Xapian::Error or std::runtime_error.
    void commit();

    // Documents written since the last commit.
    std::size_t pending() const { return pending_; }
    Xapian::doccount document_count() const { return db_.get_doccount(); }
    const AnalyzerSettings& settings() const { return settings_; }
    // True while writes go to a bulk load (until the next commit).
    bool bulk_loading() const { return bulk_ != nullptr; }

private:
    void record_schema_metadata();
    void open_bulk_load();
    void finish_bulk_load();
    WriteOutcome write_one(PressRelease&& release, const std::string& origin_file);
    std::vector<std::pair<std::string, std::string>> metadata_for_bulk_load() const;

    std::string path_;
    WriterOptions options_;
    MemoryPlan memory_;
    Xapian::WritableDatabase db_;
    AnalyzerSettings settings_;
    std::unique_ptr<DocumentAnalyzer> analyzer_;
    TitleSpelling spelling_;  // title words of the batch, written at commit
    std::unique_ptr<BulkLoader> bulk_;
    std::string bulk_folder_;
    std::size_t pending_ = 0;
    std::size_t pending_buffer_bytes_ = 0;
    bool metadata_changed_ = false;
    bool needs_schema_metadata_ = false;
};

}  // namespace dateline::indexer
