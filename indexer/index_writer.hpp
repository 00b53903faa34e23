#pragma once
// The single writer of a Dateline database: idempotent updates keyed by the unique id term,
// unchanged documents detected by their fingerprint, explicit commits.

#include <memory>
#include <string>

#include <xapian.h>

#include "analyzer.hpp"
#include "document.hpp"

namespace dateline::indexer {

enum class WriteOutcome { added, replaced, unchanged };

class IndexWriter {
public:
    // Opens or creates the database. Throws std::runtime_error with a clear message when it
    // cannot (another indexer holds the lock, the path is not a database, permissions).
    explicit IndexWriter(const std::string& db_path);

    // Adds the release, replaces an older version with the same id, or leaves an identical
    // one alone. `release.id` must be set. `origin_file` is the absolute path of the file the
    // release came from (empty for standard input), kept so --prune can find it.
    WriteOutcome write(const PressRelease& release, const std::string& origin_file = {});

    // Makes everything written so far durable and visible to readers. Does nothing when nothing
    // changed, so a re-run over unchanged input leaves the database revision as it was.
    // Throws Xapian::Error.
    void commit();

    // Documents written since the last commit.
    std::size_t pending() const { return pending_; }
    Xapian::doccount document_count() const { return db_.get_doccount(); }
    const AnalyzerSettings& settings() const { return settings_; }

private:
    Xapian::WritableDatabase db_;
    AnalyzerSettings settings_;
    std::unique_ptr<DocumentAnalyzer> analyzer_;
    std::size_t pending_ = 0;
    bool metadata_changed_ = false;
};

}  // namespace dateline::indexer
