#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_writer.hpp"
#include "maintenance.hpp"
#include "run_indexer.hpp"
#include "schema.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using dateline::indexer::IndexerOptions;
using dateline::indexer::MaintenanceRequest;
using dateline::indexer::path_is_under;
using dateline::indexer::prune_roots;
using dateline::indexer::run_maintenance;
using dateline::testing::TempDir;

namespace {

const std::string data_dir = TEST_DATA_DIR;
const auto never = [] { return false; };

struct Run {
    dateline::indexer::RunResult result;
    std::string out;
    std::string err;
};

Run run(IndexerOptions options) {
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    Run r;
    r.result = dateline::indexer::run_indexer(options, stop, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

IndexerOptions options_for(const std::string& db, std::vector<std::string> inputs) {
    IndexerOptions options;
    options.db_path = db;
    options.inputs = std::move(inputs);
    return options;
}

// An archive folder the test may change: three wire articles (one in a subfolder) and the six
// JSON Lines fixtures.
std::string make_archive(const TempDir& dir) {
    const std::string archive = dir / "archive";
    fs::create_directories(archive + "/2019");
    fs::copy_file(data_dir + "/wire/ap-style.txt", archive + "/ap-style.txt");
    fs::copy_file(data_dir + "/wire/reuters-style.txt", archive + "/reuters-style.txt");
    fs::copy_file(data_dir + "/wire/belt-and-road-forum.txt", archive + "/2019/belt-and-road.txt");
    fs::copy_file(data_dir + "/jsonl/releases.jsonl", archive + "/releases.jsonl");
    return archive;
}

bool has_id(const std::string& db, const std::string& id) {
    return Xapian::Database(db).term_exists(dateline::schema::id_term(id));
}

}  // namespace

TEST_CASE("path_is_under compares whole path segments", "[indexer]") {
    const auto [path, root, expected] = GENERATE(table<const char*, const char*, bool>({
        {"/a/b/c.txt", "/a/b", true},
        {"/a/b/c.txt", "/a/b/", true},
        {"/a/b", "/a/b", true},
        {"/a/bc/d.txt", "/a/b", false},
        {"/a/b.txt", "/a/b", false},
        {"/a", "/a/b", false},
        {"/x/y", "/", true},
        {"", "/", false},
        {"relative/a", "/", false},
    }));
    INFO(path << " under " << root);
    CHECK(path_is_under(path, root) == expected);
}

TEST_CASE("prune roots are the input folders that exist, canonical", "[indexer]") {
    TempDir dir;
    const std::string archive = make_archive(dir);
    fs::create_directory_symlink(archive, dir / "link");
    const auto roots = prune_roots({"-", archive + "/releases.jsonl", dir / "missing", dir / "link",
                                    archive + "/2019/../2019"});
    CHECK(roots == std::vector<std::string>{fs::canonical(archive).string(),
                                            fs::canonical(archive + "/2019").string()});
}

TEST_CASE("Pruning removes the documents of files gone from the input folders", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const std::string archive = make_archive(dir);
    const auto first = run(options_for(db, {archive}));
    REQUIRE(first.result.counts.added == 9);

    fs::remove(archive + "/2019/belt-and-road.txt");
    fs::remove(archive + "/releases.jsonl");
    auto prune = options_for(db, {archive});
    prune.prune = true;
    const auto pruned = run(prune);
    INFO(pruned.err);
    CHECK(pruned.result.exit_code == 0);
    CHECK(pruned.result.counts.unchanged == 2);
    CHECK(pruned.result.counts.deleted == 7);
    CHECK(pruned.result.counts.documents == 2);
    CHECK(Xapian::Database(db).get_doccount() == 2);
    CHECK_FALSE(has_id(db, "fixture-001"));
    CHECK(has_id(db, "file:" + fs::canonical(archive).string() + "/ap-style.txt"));
    const std::string root = fs::canonical(archive).string();
    CHECK_THAT(pruned.err, Catch::Contains(root + "/releases.jsonl: note: file is gone: "
                                                  "removed its 6 documents"));
    CHECK_THAT(pruned.err, Catch::Contains(root + "/2019/belt-and-road.txt: note: file is gone: "
                                                  "removed its 1 document"));
    CHECK_THAT(pruned.err, Catch::Contains("0 skipped, 7 deleted"));

    SECTION("pruning again changes nothing, not even the revision") {
        const auto revision = Xapian::Database(db).get_revision();
        const auto again = run(prune);
        CHECK(again.result.counts.deleted == 0);
        CHECK(again.result.counts.documents == 2);
        CHECK(Xapian::Database(db).get_revision() == revision);
    }
    SECTION("without --prune nothing is removed") {
        fs::remove(archive + "/reuters-style.txt");
        const auto plain = run(options_for(db, {archive}));
        CHECK(plain.result.counts.deleted == 0);
        CHECK(plain.result.counts.documents == 2);
    }
}

TEST_CASE("a moved file's records follow it; a renamed text article is a new document",
          "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const std::string archive = make_archive(dir);
    REQUIRE(run(options_for(db, {archive})).result.counts.added == 9);

    fs::rename(archive + "/releases.jsonl", archive + "/2019/moved.jsonl");
    fs::rename(archive + "/ap-style.txt", archive + "/2019/ap-style.txt");
    auto prune = options_for(db, {archive});
    prune.prune = true;
    const auto moved = run(prune);
    INFO(moved.err);
    // Indexing comes first: the records are found in their new file and keep their documents.
    CHECK(moved.result.counts.replaced == 6);
    // A text article's id is its path: the new path is added, the old one pruned.
    CHECK(moved.result.counts.added == 1);
    CHECK(moved.result.counts.deleted == 1);
    CHECK(moved.result.counts.documents == 9);
    const std::string root = fs::canonical(archive).string();
    CHECK_FALSE(has_id(db, "file:" + root + "/ap-style.txt"));
    CHECK(has_id(db, "file:" + root + "/2019/ap-style.txt"));
    Xapian::Database reader(db);
    const Xapian::docid fixture = *reader.postlist_begin(dateline::schema::id_term("fixture-003"));
    CHECK(reader.get_document(fixture).get_value(dateline::schema::slot_origin) ==
          root + "/2019/moved.jsonl");
}

TEST_CASE("only files under a given folder are pruned", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const std::string archive = make_archive(dir);
    REQUIRE(run(options_for(db, {archive})).result.counts.added == 9);
    fs::remove(archive + "/2019/belt-and-road.txt");
    fs::remove(archive + "/ap-style.txt");

    SECTION("a sibling folder whose name starts the same is not under it") {
        fs::create_directory(dir / "archive-other");
        auto prune = options_for(db, {dir / "archive-other"});
        prune.prune = true;
        CHECK(run(prune).result.counts.deleted == 0);
    }
    SECTION("a subfolder limits pruning to itself") {
        auto prune = options_for(db, {archive + "/2019"});
        prune.prune = true;
        const auto r = run(prune);
        CHECK(r.result.counts.deleted == 1);
        CHECK(r.result.counts.documents == 8);
    }
    SECTION("a file named as input is no prune root") {
        auto prune = options_for(db, {archive + "/reuters-style.txt"});
        prune.prune = true;
        CHECK(run(prune).result.counts.deleted == 0);
    }
    SECTION("a folder reached through a symbolic link is the same folder") {
        fs::create_directory_symlink(archive, dir / "link");
        auto prune = options_for(db, {dir / "link"});
        prune.prune = true;
        CHECK(run(prune).result.counts.deleted == 2);
    }
}

TEST_CASE("documents without a source file are never pruned", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        dateline::indexer::IndexWriter writer(db);
        dateline::PressRelease from_stdin;
        from_stdin.id = "stdin-1";
        from_stdin.title = "Read from standard input";
        from_stdin.body = "No file to check.";
        writer.write(from_stdin);
        dateline::PressRelease gone = from_stdin;
        gone.id = "gone-1";
        writer.write(gone, dir / "gone/file.jsonl");
        writer.commit();
    }
    MaintenanceRequest request;
    request.prune_roots = {"/"};
    const auto result = run_maintenance(db, request, never);
    CHECK(result.deleted == 1);
    CHECK(result.documents == 1);
    CHECK(has_id(db, "stdin-1"));
}

TEST_CASE("Deleting by id removes documents by id and reports unknown ids", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(run(options_for(db, {data_dir + "/jsonl/releases.jsonl"})).result.counts.added == 6);

    auto remove = options_for(db, {});
    remove.delete_ids = {"fixture-002", "no-such-id", "fixture-005", "fixture-002"};
    const auto r = run(remove);
    INFO(r.err);
    CHECK(r.result.exit_code == 0);
    CHECK(r.result.counts.deleted == 2);
    CHECK(r.result.counts.ids_not_found == 1);
    CHECK(r.result.counts.documents == 4);
    CHECK(r.result.counts.files == 0);
    CHECK_FALSE(has_id(db, "fixture-002"));
    CHECK_FALSE(has_id(db, "fixture-005"));
    CHECK(has_id(db, "fixture-001"));
    CHECK_THAT(r.err, Catch::Contains("indexer: warning: --delete: no document has the id "
                                      "'no-such-id'"));

    SECTION("indexing and deleting in one run: the deletion comes last") {
        auto both = options_for(db, {data_dir + "/jsonl/releases.jsonl"});
        both.delete_ids = {"fixture-001"};
        const auto again = run(both);
        CHECK(again.result.counts.added == 2);
        CHECK(again.result.counts.deleted == 1);
        CHECK(again.result.counts.documents == 5);
        CHECK_FALSE(has_id(db, "fixture-001"));
    }
}

TEST_CASE("Deleting by id from a database that does not exist fails and creates nothing", "[indexer]") {
    TempDir dir;
    auto remove = options_for(dir / "none", {});
    remove.delete_ids = {"x"};
    CHECK_THROWS_WITH(run(remove), Catch::Contains("cannot open database '" + (dir / "none") +
                                                   "': there is no database there"));
    CHECK_FALSE(fs::exists(dir / "none"));
}
