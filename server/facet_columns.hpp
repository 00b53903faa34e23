#pragma once
// Facet values held in memory, one row per document id (what search engines call doc values):
// counting a match is then a few array reads. Through Xapian's value streams it is a read per
// facet slot, and those reads get slower as the index grows (the matches are further apart:
// about 2.5 µs a match at 116k releases, 5 µs at 1M, against 0.1–0.3 µs from columns).
//
// Columns are read from one local database only. A remote shard would send every document's
// values over the network; with several shards searched as one, a match spy sees each
// shard's own document ids, so it cannot tell which shard's column to read. They cost about 20 bytes per document (twice that while a new
// revision's columns load beside the old ones) and are loaded in the background when the
// index changes; until they are ready, facets are counted with Xapian's match spies.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "database_pool.hpp"
#include "facets.hpp"

namespace dateline::server {

class FacetColumns {
public:
    // Reads the facet slots of every document. Throws Xapian::Error, and std::runtime_error
    // for a body hash that is not one.
    static std::shared_ptr<const FacetColumns> load(const Xapian::Database& db);

    // database_state_key() of the database the columns were read from.
    const std::string& state_key() const { return state_key_; }
    std::size_t documents() const { return documents_; }
    std::size_t bytes() const;

    // Counts the facets of `selection` and the hits over the matches of `enquire` (its
    // database must be the one the columns were read from, at the same state).
    FacetTally count(Xapian::Enquire& enquire, const FacetSelection& selection,
                     Xapian::doccount check_at_least) const;

private:
    class Counter;

    // A column of strings stored as small numbers: 0 is "no value".
    struct Dictionary {
        std::vector<std::uint32_t> ids;  // by document id
        std::vector<std::string> values = {std::string()};
    };

    std::string state_key_;
    std::size_t documents_ = 0;
    Dictionary sources_, langs_, months_;
    std::vector<std::uint64_t> body_hashes_;  // by document id; 0: no body
};

// Whether `paths` lead to exactly one local glass database (directly, or through stub files
// of `auto` and `glass` lines), so that columns can be used. Several shards, a `remote` line
// or an unreadable stub: no.
bool single_local_database(const std::vector<std::string>& paths);

// The columns of the current index, reloaded in the background after it changes.
class FacetColumnStore {
public:
    explicit FacetColumnStore(DatabasePool& pool);
    FacetColumnStore(const FacetColumnStore&) = delete;
    FacetColumnStore& operator=(const FacetColumnStore&) = delete;
    ~FacetColumnStore();  // waits for a load in progress

    // The columns of the handle's database state, or null: count with match spies. Null for
    // shards (single_local_database()), or when the columns of this state are not loaded yet (a load of the
    // latest commit then starts, unless one is running or loads are spaced out, below).
    std::shared_ptr<const FacetColumns> find(const SearchHandle& handle);

    // Starts a load of the latest commit unless one is running (at server start, so that the
    // first searches find the columns ready). Quietly does nothing for shards, and when the
    // database cannot be opened yet.
    void load_in_background();

    // Waits until no load is running.
    void wait_idle();
    // find(), waiting for the load it starts (benchmarks and tests that want the columns in
    // use from the first search).
    std::shared_ptr<const FacetColumns> preload(const SearchHandle& handle);

    struct Figures {
        std::uint64_t loads = 0;     // columns loaded since start
        std::uint64_t failures = 0;  // loads that failed (logged at warning level)
        std::uint64_t documents = 0;  // in the columns in use
        std::uint64_t bytes = 0;
    };
    Figures figures() const;

private:
    void start_load();  // with mutex_ held
    void load_latest();

    DatabasePool& pool_;
    mutable std::mutex mutex_;
    std::shared_ptr<const FacetColumns> current_;
    std::thread loader_;
    bool loading_ = false;
    // A load may take a second at a million releases; under steady commits, loads are spaced
    // so that they take at most a fifth of one core.
    std::chrono::steady_clock::time_point next_load_ = std::chrono::steady_clock::time_point::min();
    std::string unsupported_generation_;  // index_generation() found to be shards
    std::uint64_t loads_ = 0;
    std::uint64_t failures_ = 0;
};

}  // namespace dateline::server
