#pragma once
// Per-worker database handles. Xapian objects are not thread-safe, so each request borrows a
// handle (database, query builder, stemmer) for its duration; there are never more handles
// than concurrent requests. Each borrow reopens the database, which is cheap and makes the
// indexer's latest commit visible without a restart.

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.hpp"
#include "query_builder.hpp"

namespace dateline::server {

// The database cannot be opened (missing, not yet created, unreadable): HTTP 503.
struct DatabaseUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SearchHandle {
    explicit SearchHandle(const std::string& path);

    Xapian::Database db;
    AnalyzerSettings settings;
    Xapian::Stem stemmer;
    QueryBuilder query_builder;
};

class DatabasePool {
public:
    explicit DatabasePool(std::string path);

    class Lease {
    public:
        Lease(DatabasePool& pool, std::unique_ptr<SearchHandle> handle)
            : pool_(&pool), handle_(std::move(handle)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        SearchHandle& operator*() const { return *handle_; }
        SearchHandle* operator->() const { return handle_.get(); }
        // Drops the handle instead of returning it (after an error that may have spoilt it).
        void discard() { handle_.reset(); }

    private:
        DatabasePool* pool_;
        std::unique_ptr<SearchHandle> handle_;
    };

    // A handle reopened at the latest commit. Throws DatabaseUnavailable.
    Lease acquire();

    const std::string& path() const { return path_; }

private:
    void give_back(std::unique_ptr<SearchHandle> handle);

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<SearchHandle>> idle_;
};

// Identifies the state of the database's contents, for caches of figures computed from them.
// A single database has a revision; several shards (and in-memory databases) have none, so
// then figures that change with every commit that matters stand in for it.
std::string database_state_key(const Xapian::Database& db);

// Runs `read` on the leased handle, reopening and running it again when the writer discarded
// the revision being read (a reader that falls two commits behind gets DatabaseModifiedError).
// The last failure propagates.
template <class Read>
auto with_fresh_revision(DatabasePool::Lease& lease, Read read) {
    constexpr int max_attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return read(*lease);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_attempts) throw;
            lease->db.reopen();
        }
    }
}

}  // namespace dateline::server
