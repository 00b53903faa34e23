#pragma once
// Per-worker database handles. Xapian objects are not thread-safe, so each request borrows a
// handle (database, query builder, stemmer) for its duration; there are never more handles
// than concurrent requests. Each borrow reopens the database, which is cheap and makes the
// indexer's latest commit visible without a restart.
//
// Several databases (shards, local or remote through stub files) are searched as one. When a
// configured path is swapped for a freshly built index (a symlink flipped, a stub file
// rewritten), handles opened on the old one are replaced at their next borrow: reopen()
// alone would keep reading the old files.

#include <atomic>
#include <cstdint>
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
    SearchHandle(const std::vector<std::string>& paths, std::string generation);

    Xapian::Database db;
    AnalyzerSettings settings;
    Xapian::Stem stemmer;
    QueryBuilder query_builder;
    std::string generation;  // what the paths pointed to when this handle was opened
};

class DatabasePool {
public:
    explicit DatabasePool(std::vector<std::string> paths);

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

    // A handle at the latest commit of the current index. Throws DatabaseUnavailable.
    Lease acquire();

    const std::vector<std::string>& paths() const { return paths_; }
    // "a, b" for messages.
    std::string describe() const;
    std::uint64_t reopens() const { return reopens_; }
    std::uint64_t opens() const { return opens_; }

private:
    void give_back(std::unique_ptr<SearchHandle> handle);

    std::vector<std::string> paths_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<SearchHandle>> idle_;
    std::atomic<std::uint64_t> reopens_{0};
    std::atomic<std::uint64_t> opens_{0};
};

// What the configured paths point to now: the resolved target of each, with the identity and
// modification time of stub files. Changes when an index is swapped in.
std::string index_generation(const std::vector<std::string>& paths);

// Identifies the state of the database's contents, for caches of figures computed from them.
// A single database has a revision; several shards (and in-memory databases) have none, so
// then figures that change with every commit that matters stand in for it.
std::string database_state_key(const Xapian::Database& db);

// Runs `read` on the leased handle, reopening and running it again when the writer discarded
// the revision being read (a reader that falls two commits behind gets DatabaseModifiedError).
// The last failure propagates. A remote shard that cannot be reached (xapian-tcpsrv stopped,
// the connection dropped) makes the database unavailable: the handle is dropped, so that the
// next request connects afresh.
template <class Read>
auto with_fresh_revision(DatabasePool::Lease& lease, Read read) {
    constexpr int max_attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return read(*lease);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_attempts) throw;
            lease->db.reopen();
        } catch (const Xapian::NetworkError& e) {
            lease.discard();
            throw DatabaseUnavailable("a remote shard stopped answering: " + e.get_description());
        }
    }
}

}  // namespace dateline::server
