#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "errors.hpp"
#include "options.hpp"
#include "run_indexer.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"
#include "sharded_writer.hpp"
#include "temp_dir.hpp"
#include "writer_lock.hpp"

namespace fs = std::filesystem;
using namespace dateline::indexer;
using dateline::testing::TempDir;

namespace {

const std::string data_dir = TEST_DATA_DIR;
constexpr Xapian::doccount fixture_documents = 21;  // 15 wire articles + 6 JSON Lines records

struct Run {
    RunResult result;
    std::string err;
};

Run run(const std::string& db, std::vector<std::string> inputs, unsigned shards,
        std::vector<std::string> delete_ids = {}, unsigned threads = 2) {
    IndexerOptions options;
    options.threads = threads;
    options.db_path = db;
    options.inputs = std::move(inputs);
    options.quiet = true;
    options.shards = shards;
    options.delete_ids = std::move(delete_ids);
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    Run r;
    r.result = run_indexer(options, stop, out, err);
    r.err = err.str();
    return r;
}

std::vector<std::string> fixtures() {
    return {data_dir + "/wire", data_dir + "/jsonl/releases.jsonl"};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("FNV-1a 64 matches the published test vectors", "[indexer][shards]") {
    // From the FNV reference test suite (Fowler, Noll, Vo).
    CHECK(fnv1a_64("") == 0xcbf29ce484222325ULL);
    CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("shard_of is the id's hash modulo the shard count", "[indexer][shards]") {
    CHECK(shard_of("anything", 1) == 0);
    CHECK(shard_of("foobar", 2) == 0x85944171f73967e8ULL % 2);
    CHECK(shard_of("foobar", 7) == 0x85944171f73967e8ULL % 7);
    // Spread: 4,000 ids over 4 shards, each within 20% of an even share.
    std::vector<int> counts(4, 0);
    for (int i = 0; i < 4000; ++i) ++counts[shard_of("release-" + std::to_string(i), 4)];
    for (const int count : counts) {
        CHECK(count > 800);
        CHECK(count < 1200);
    }
}

TEST_CASE("the stub file lists the shard folders, relative to the database folder",
          "[indexer][shards]") {
    CHECK(shard_folder_name(0) == "shard-0");
    CHECK(shard_stub_text(3) == "auto shard-0\nauto shard-1\nauto shard-2\n");
    CHECK(parse_shard_stub(shard_stub_text(3)) == 3);
    CHECK(parse_shard_stub("auto shard-0\nauto shard-1") == 2);  // no final newline
    CHECK(parse_shard_stub("") == 0);
    CHECK(parse_shard_stub("auto shard-1\n") == 0);
    CHECK(parse_shard_stub("auto shard-0\nauto shard-2\n") == 0);
    CHECK(parse_shard_stub("remote 127.0.0.1:7000\n") == 0);
    CHECK(parse_shard_stub("auto /elsewhere/shard-0\n") == 0);
}

TEST_CASE("planning a layout: new, plain and sharded databases", "[indexer][shards]") {
    TempDir dir;
    const std::string db = dir / "db";

    SECTION("a new database is plain unless --shards asks for more") {
        CHECK(existing_shard_count(db) == 0);
        const ShardLayout plain = plan_shard_layout(db, 0);
        CHECK_FALSE(plain.sharded());
        CHECK(plain.paths == std::vector<std::string>{db});
        CHECK(plan_shard_layout(db, 1).paths == std::vector<std::string>{db});
        const ShardLayout sharded = plan_shard_layout(db, 3);
        CHECK(sharded.shards == 3);
        CHECK(sharded.paths ==
              std::vector<std::string>{db + "/shard-0", db + "/shard-1", db + "/shard-2"});
    }
    SECTION("a folder holding only the writer lock is still new") {
        fs::create_directories(db);
        std::ofstream(db + "/" + writer_lock_file) << "";
        CHECK(existing_shard_count(db) == 0);
        CHECK(plan_shard_layout(db, 2).shards == 2);
    }
    SECTION("a plain database refuses --shards 2") {
        Xapian::WritableDatabase(db, Xapian::DB_CREATE).commit();
        CHECK(existing_shard_count(db) == 1);
        CHECK(plan_shard_layout(db, 0).shards == 1);
        CHECK(plan_shard_layout(db, 1).shards == 1);
        CHECK_THROWS_AS(plan_shard_layout(db, 2), ShardCountMismatch);
        CHECK_THROWS_WITH(plan_shard_layout(db, 2),
                          "database '" + db +
                              "' has 1 shard, --shards asks for 2; the number "
                              "of shards cannot change: index into a new database (or run without "
                              "--shards to use the 1 shard)");
    }
    SECTION("shard folders without a stub are found") {
        fs::create_directories(db);
        for (const char* name : {"shard-0", "shard-1"}) {
            Xapian::WritableDatabase(db + "/" + name, Xapian::DB_CREATE).commit();
        }
        CHECK(existing_shard_count(db) == 2);
        CHECK(plan_shard_layout(db, 0).shards == 2);
        CHECK_THROWS_AS(plan_shard_layout(db, 3), ShardCountMismatch);
    }
    SECTION("a stub file the indexer did not write is an error, not a guess") {
        fs::create_directories(db);
        std::ofstream(db + "/XAPIANDB") << "remote 10.0.0.5:7000\n";
        CHECK_THROWS_WITH(existing_shard_count(db), Catch::Contains("did not write"));
    }
}

TEST_CASE("per-shard writer options share --threads and --memory", "[indexer][shards]") {
    WriterOptions run_options;
    run_options.threads = 8;
    run_options.memory_limit = 1024 * mebibyte;
    run_options.batch_size = 500;
    const WriterOptions four = per_shard_options(run_options, 4);
    CHECK(four.threads == 2);
    CHECK(four.memory_limit == 256 * mebibyte);
    CHECK(four.batch_size == 500);
    CHECK(per_shard_options(run_options, 16).threads == 1);
    CHECK(per_shard_options(run_options, 32).memory_limit == minimum_memory_limit);
    CHECK(per_shard_options(run_options, 1).threads == 8);

    // A thread for each shard: each shard bulk-loads on its own thread.
    CHECK(per_shard_options(run_options, 8).threads == 1);
    CHECK(per_shard_options(run_options, 8).bulk_with_one_thread);
    // More shards than threads: the single writer on the caller's thread, within --threads.
    CHECK_FALSE(per_shard_options(run_options, 16).bulk_with_one_thread);
    run_options.threads = 1;
    CHECK_FALSE(per_shard_options(run_options, 2).bulk_with_one_thread);
}

// A bulk load ends in one compaction, whatever the batch size; the single writer commits a
// revision per batch. So a shard's revision tells which of the two wrote it.
TEST_CASE("with a thread for each shard, new shards are bulk-loaded, each on its own thread",
          "[indexer][shards][bulk]") {
    TempDir dir;
    auto revisions = [](const std::string& db) {
        std::vector<Xapian::rev> revs;
        for (const char* shard : {"/shard-0", "/shard-1"}) revs.push_back(Xapian::Database(db + shard).get_revision());
        return revs;
    };
    const std::string bulk = dir / "bulk";
    IndexerOptions options;
    options.db_path = bulk;
    options.inputs = fixtures();
    options.quiet = true;
    options.shards = 2;
    options.threads = 2;
    options.batch_size = 1;
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    REQUIRE(run_indexer(options, stop, out, err).exit_code == 0);
    for (Xapian::rev rev : revisions(bulk)) CHECK(rev <= 2);

    const std::string single = dir / "single";
    options.db_path = single;
    options.threads = 1;
    REQUIRE(run_indexer(options, stop, out, err).exit_code == 0);
    for (Xapian::rev rev : revisions(single)) CHECK(rev > 2);

    // The same documents either way.
    Xapian::Database a(bulk + "/XAPIANDB"), b(single + "/XAPIANDB");
    CHECK(a.get_doccount() == fixture_documents);
    CHECK(b.get_doccount() == fixture_documents);
}

TEST_CASE("indexing with --shards 2: every release in its shard, one database to readers",
          "[indexer][shards]") {
    TempDir dir;
    const std::string db = dir / "db";
    const Run first = run(db, fixtures(), 2);
    INFO(first.err);
    REQUIRE(first.result.exit_code == 0);
    CHECK(first.result.counts.added == fixture_documents);
    CHECK(first.result.counts.documents == fixture_documents);
    CHECK(read_file(db + "/XAPIANDB") == "auto shard-0\nauto shard-1\n");
    CHECK(existing_shard_count(db) == 2);

    Xapian::doccount sum = 0;
    for (unsigned shard = 0; shard < 2; ++shard) {
        const Xapian::Database part(db + "/" + shard_folder_name(shard));
        CHECK(part.get_doccount() > 0);
        sum += part.get_doccount();
        for (auto it = part.postlist_begin(""); it != part.postlist_end(""); ++it) {
            const auto release = dateline::schema::decode_data(part.get_document(*it).get_data());
            REQUIRE(release);
            CHECK(shard_of(release->id, 2) == shard);
        }
    }
    CHECK(sum == fixture_documents);
    const Xapian::Database whole(db);  // through the stub file
    CHECK(whole.get_doccount() == fixture_documents);
    CHECK(whole.get_termfreq(dateline::schema::id_term("fixture-001")) == 1);

    SECTION("a re-run finds the shards by itself and changes nothing") {
        const Run again = run(db, fixtures(), 0);
        REQUIRE(again.result.exit_code == 0);
        CHECK(again.result.counts.added == 0);
        CHECK(again.result.counts.unchanged == fixture_documents);
        CHECK(again.result.counts.documents == fixture_documents);
    }
    SECTION("asking for 3 shards on it is refused before anything is written") {
        CHECK_THROWS_AS(run(db, fixtures(), 3), ShardCountMismatch);
        CHECK(existing_shard_count(db) == 2);
        CHECK_FALSE(fs::exists(db + "/shard-2"));
    }
    SECTION("deleting by id finds each id in its shard") {
        const Run deleted = run(db, {}, 0, {"fixture-001", "fixture-004", "no-such-id"});
        REQUIRE(deleted.result.exit_code == 0);
        CHECK(deleted.result.counts.deleted == 2);
        CHECK(deleted.result.counts.ids_not_found == 1);
        CHECK(deleted.result.counts.documents == fixture_documents - 2);
        CHECK(deleted.err.find("no document has the id 'no-such-id'") != std::string::npos);
        const Xapian::Database after(db);
        CHECK(after.get_doccount() == fixture_documents - 2);
        CHECK(after.get_termfreq(dateline::schema::id_term("fixture-001")) == 0);
    }
}

TEST_CASE("Two shards and four threads: each empty shard is bulk loaded with two threads",
          "[indexer][shards]") {
    TempDir dir;
    const std::string db = dir / "db";
    const Run first = run(db, fixtures(), 2, {}, 4);
    INFO(first.err);
    REQUIRE(first.result.exit_code == 0);
    CHECK(first.result.counts.added == fixture_documents);
    CHECK(Xapian::Database(db).get_doccount() == fixture_documents);
    for (unsigned shard = 0; shard < 2; ++shard) {
        const std::string path = db + "/" + shard_folder_name(shard);
        CHECK(Xapian::Database(path).get_doccount() > 0);
    }
    // Nothing of the bulk loads is left beside the shards.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"XAPIANDB", "shard-0", "shard-1", "writer.lock"});

    const Run again = run(db, fixtures(), 2, {}, 4);
    REQUIRE(again.result.exit_code == 0);
    CHECK(again.result.counts.unchanged == fixture_documents);
    CHECK(again.result.counts.documents == fixture_documents);
}

TEST_CASE("The shard count on the command line", "[indexer][shards]") {
    const auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "indexer");
        return parse_args(static_cast<int>(args.size()), args.data());
    };
    CHECK(parse({"--db", "x", "in.jsonl"}).shards == 0);
    CHECK(parse({"--db", "x", "--shards", "4", "in.jsonl"}).shards == 4);
    CHECK(parse({"--db", "x", "--shards", "256", "in.jsonl"}).shards == 256);
    CHECK_THROWS_AS(parse({"--db", "x", "--shards", "0", "in.jsonl"}), dateline::UsageError);
    CHECK_THROWS_AS(parse({"--db", "x", "--shards", "257", "in.jsonl"}), dateline::UsageError);
    CHECK_THROWS_AS(parse({"--db", "x", "--shards", "two", "in.jsonl"}), dateline::UsageError);
}

TEST_CASE("a first run killed after its stub file: the next run makes the shards it names",
          "[indexer][shards]") {
    TempDir dir;
    const std::string db = dir / "db";
    fs::create_directories(db);
    std::ofstream(db + "/XAPIANDB") << shard_stub_text(2);
    CHECK(existing_shard_count(db) == 2);
    const Run resumed = run(db, fixtures(), 0);
    INFO(resumed.err);
    REQUIRE(resumed.result.exit_code == 0);
    CHECK(resumed.result.counts.documents == fixture_documents);
    CHECK(Xapian::Database(db + "/shard-1").get_doccount() > 0);
    CHECK(Xapian::Database(db).get_doccount() == fixture_documents);
}
