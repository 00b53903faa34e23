#pragma once
// A database split into shards: DIR/shard-0 .. DIR/shard-(N-1), each a normal Xapian database,
// plus a Xapian stub file DIR/XAPIANDB ("auto shard-0" per line, relative to DIR), so that
// Xapian::Database(DIR) and `dateline-server --db DIR` open every shard as one database.
//
// A release goes to the shard picked by a stable hash of its id (FNV-1a, 64 bits, modulo N):
// every run sends an id to the same shard, so unchanged and replaced releases are found there.
// The number of shards is fixed when the database is made; a different number means building
// a new database.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::indexer {

// The name Xapian looks for when it opens a folder that is not itself a database.
inline constexpr const char* shard_stub_file = "XAPIANDB";
inline constexpr unsigned max_shards = 256;

// FNV-1a, 64 bits: the same on every platform and release (std::hash is neither).
std::uint64_t fnv1a_64(std::string_view text);

// The shard (0 .. shards-1) of the release with this id. `shards` must be at least 1.
unsigned shard_of(std::string_view id, unsigned shards);

// "shard-3".
std::string shard_folder_name(unsigned index);

// The stub file's text for `shards` shards: "auto shard-0\nauto shard-1\n...".
std::string shard_stub_text(unsigned shards);

// The number of shards a stub file's text names as shard-0 .. shard-(N-1) in that order;
// 0 when it is anything else (then it is not a stub this indexer wrote).
unsigned parse_shard_stub(std::string_view text);

// The run's database: one plain database, or shards.
struct ShardLayout {
    std::string db_path;
    unsigned shards = 1;             // 1: the plain database at db_path
    std::vector<std::string> paths;  // the databases to write: db_path, or its shard folders

    bool sharded() const { return shards > 1; }
};

// The database at `db_path` disagrees with the number of shards asked for.
struct ShardCountMismatch : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// How many shards the database at `db_path` has: 0 when there is no database there yet (no
// folder, or a folder holding nothing but the writer lock), 1 for a plain database, N for a
// sharded one (found by its stub file, or by two or more shard folders without one).
unsigned existing_shard_count(const std::string& db_path);

// The layout of a run over `db_path`. `requested` is --shards (0 when not given): without it,
// an existing database is used as it is and a new one is plain; with it, a new database gets
// that many shards and an existing one must have them. Throws ShardCountMismatch naming the
// database and both counts.
ShardLayout plan_shard_layout(const std::string& db_path, unsigned requested);

// Writes the stub file of a sharded layout (atomically: a reader sees the old file or the new
// one), unless it already says the same. Does nothing for a plain layout. Throws
// std::runtime_error.
void write_shard_stub(const ShardLayout& layout);

}  // namespace dateline::indexer
