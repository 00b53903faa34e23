#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "exit_codes.hpp"
#include "run_indexer.hpp"
#include "schema.hpp"
#include "temp_dir.hpp"
#include "writer_lock.hpp"

using dateline::indexer::IndexerOptions;
using dateline::indexer::RunResult;
using dateline::testing::TempDir;

namespace {

const std::string data_dir = TEST_DATA_DIR;

struct Run {
    RunResult result;
    std::string out;
    std::string err;
};

Run run(const std::string& db, std::vector<std::string> inputs, bool strict = false,
        bool stop_at_once = false) {
    IndexerOptions options;
    options.db_path = db;
    options.inputs = std::move(inputs);
    options.quiet = true;
    options.strict = strict;
    std::atomic<bool> stop{stop_at_once};
    std::ostringstream out, err;
    Run r;
    r.result = dateline::indexer::run_indexer(options, stop, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("indexing the fixtures, then again: idempotent", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const auto first = run(db, {data_dir + "/wire", data_dir + "/jsonl/releases.jsonl"});
    INFO(first.err);
    CHECK(first.result.exit_code == 0);
    CHECK(first.result.counts.files == 16);
    CHECK(first.result.counts.records == 21);
    CHECK(first.result.counts.added == 21);
    CHECK(first.result.counts.skipped == 0);
    CHECK(first.result.counts.warnings == 1);  // latin1-encoded.txt, repaired
    CHECK(first.result.counts.documents == 21);
    CHECK_THAT(first.err, Catch::Contains("latin1-encoded.txt: warning: not valid UTF-8"));
    CHECK_THAT(first.err, Catch::Contains("21 added, 0 replaced, 0 unchanged, 0 skipped"));

    const auto revision = Xapian::Database(db).get_revision();
    // The gzip copy holds the same records: all unchanged.
    const auto second = run(db, {data_dir + "/wire", data_dir + "/jsonl/releases.jsonl.gz"});
    CHECK(second.result.counts.unchanged == 21);
    CHECK(second.result.counts.added == 0);
    CHECK(second.result.counts.documents == 21);
    CHECK(Xapian::Database(db).get_revision() == revision);
}

TEST_CASE("a changed article replaces its old version", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const std::string article = dir / "note.txt";
    write_file(article,
               "Ferry timetable changes\n2024-01-02\n\nHARBOUR CITY, Jan 2 (Harbor Wire) -- "
               "Ferries will leave at noon.\n");
    REQUIRE(run(db, {article}).result.counts.added == 1);
    write_file(article,
               "Ferry timetable changes (corrected)\n2024-01-02\n\nHARBOUR CITY, Jan 2 (Harbor "
               "Wire) -- Ferries will leave at half past one.\n");
    const auto second = run(db, {article});
    CHECK(second.result.counts.replaced == 1);
    CHECK(second.result.counts.documents == 1);

    Xapian::Database reader(db);
    CHECK(reader.get_termfreq("Zhalf") == 1);
    CHECK(reader.get_termfreq("Znoon") == 0);
    const auto data = dateline::schema::decode_data(reader.get_document(1).get_data());
    REQUIRE(data);
    CHECK(data->title == "Ferry timetable changes (corrected)");
    CHECK(data->place == "HARBOUR CITY");
    CHECK(data->source == "Harbor Wire");
    CHECK(data->id == "file:" + article);
}

TEST_CASE("bad records are reported with file and line, skipped, and the run goes on",
          "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    const auto r = run(db, {data_dir + "/bad"});
    INFO(r.err);
    CHECK(r.result.exit_code == dateline::exit_code::ok);
    CHECK(r.result.counts.records == 5);  // 3 in mixed.jsonl, 2 before the gzip breaks off
    CHECK(r.result.counts.documents == 5);
    CHECK(r.result.counts.skipped == 11);
    for (const char* expected : {
             "mixed.jsonl:2: error: invalid JSON",
             "mixed.jsonl:4: error: not a JSON object",
             "mixed.jsonl:5: error: invalid UTF-8 at byte 30",
             "mixed.jsonl:6: error: record has neither \"title\" nor \"body\"",
             "mixed.jsonl:7: error: invalid \"date\" value \"2019-13-45\"",
             "mixed.jsonl:10: error: field \"title\" must be a string",
             "empty.txt: error: empty file",
             "blank-only.txt: error: empty file",
             "title-only.txt:1: error: no body after the title",
             "binary.txt: error: binary file",
             "truncated.jsonl.gz: error:",
         }) {
        CHECK_THAT(r.err, Catch::Contains(expected));
    }
    SECTION("strict mode turns skips into a failure, after committing the good records") {
        TempDir strict_dir;
        const auto strict = run(strict_dir / "db", {data_dir + "/bad/mixed.jsonl"}, true);
        CHECK(strict.result.exit_code == dateline::exit_code::failure);
        CHECK(strict.result.counts.documents == 3);
    }
}

TEST_CASE("a missing input is an error, the other inputs are still indexed", "[indexer]") {
    TempDir dir;
    const auto r = run(dir / "db", {dir / "missing.jsonl", data_dir + "/jsonl/releases.jsonl"});
    CHECK(r.result.exit_code == dateline::exit_code::failure);
    CHECK(r.result.counts.documents == 6);
    CHECK_THAT(r.err, Catch::Contains("missing.jsonl: error: no such file or folder"));
}

TEST_CASE("a stop request commits what is done and reports exit code 130", "[indexer]") {
    TempDir dir;
    const auto r = run(dir / "db", {data_dir + "/wire"}, false, true);
    CHECK(r.result.exit_code == dateline::exit_code::interrupted);
    CHECK_THAT(r.err, Catch::Contains("interrupted"));
    // The database exists and opens: the run committed before stopping.
    CHECK(Xapian::Database(dir / "db").get_doccount() == r.result.counts.documents);
}

TEST_CASE("commits happen in batches", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    IndexerOptions options;
    options.db_path = db;
    options.inputs = {data_dir + "/wire"};
    options.quiet = true;
    options.batch_size = 4;
    options.threads = 1;  // the single writer; a bulk load into a new database commits once
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    const auto r = dateline::indexer::run_indexer(options, stop, out, err);
    CHECK(r.counts.documents == 15);
    // 15 documents in batches of 4: 4 commits during the run and 1 at the end.
    CHECK(Xapian::Database(db).get_revision() == 4);
}

TEST_CASE("the JSON summary goes to stdout", "[indexer]") {
    TempDir dir;
    IndexerOptions options;
    options.db_path = dir / "db";
    options.inputs = {data_dir + "/jsonl/releases.jsonl"};
    options.quiet = true;
    options.json_summary = true;
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    dateline::indexer::run_indexer(options, stop, out, err);
    const auto summary = nlohmann::json::parse(out.str());
    CHECK(summary["added"] == 6);
    CHECK(summary["documents"] == 6);
    CHECK(summary["interrupted"] == false);
}

TEST_CASE("the JSON summary has every count and is all that goes to stdout", "[indexer]") {
    TempDir dir;
    IndexerOptions options;
    options.db_path = dir / "db";
    options.inputs = {data_dir + "/jsonl/releases.jsonl", data_dir + "/bad/mixed.jsonl"};
    options.json_summary = true;  // and not quiet: progress and errors go to stderr only
    options.delete_ids = {"fixture-006", "not-there"};
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    const auto r = dateline::indexer::run_indexer(options, stop, out, err);
    const std::string text = out.str();
    REQUIRE(text.find('\n') == text.size() - 1);  // one line
    const auto summary = nlohmann::json::parse(text);
    std::vector<std::string> keys;
    for (const auto& item : summary.items()) keys.push_back(item.key());
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"added", "deleted", "documents", "files",
                                           "ids_not_found", "interrupted", "records", "replaced",
                                           "seconds", "skipped", "unchanged", "warnings"});
    CHECK(summary["files"] == 2);
    CHECK(summary["records"] == 9);  // 6 + the 3 valid lines of mixed.jsonl
    CHECK(summary["added"] == 9);
    CHECK(summary["skipped"] == r.counts.skipped);
    CHECK(summary["deleted"] == 1);
    CHECK(summary["ids_not_found"] == 1);
    CHECK(summary["documents"] == 8);
    CHECK(summary["seconds"].is_number());
    CHECK_THAT(err.str(), Catch::Contains("mixed.jsonl:2: error: invalid JSON"));
    CHECK_THAT(err.str(), !Catch::Contains("records from"));  // the summary is not repeated
}

TEST_CASE("a second run on a database being written fails at once, or waits", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    auto held = dateline::indexer::take_writer_lock(db, true, std::nullopt, [] { return false; },
                                                    [](const std::string&) {});
    REQUIRE(held.lock.held());
    IndexerOptions options;
    options.db_path = db;
    options.inputs = {data_dir + "/jsonl/releases.jsonl"};
    options.quiet = true;
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    CHECK_THROWS_WITH(dateline::indexer::run_indexer(options, stop, out, err),
                      Catch::Contains("cannot write to database '" + db +
                                      "': another indexer (process"));
    SECTION("a stop request while waiting ends the run with nothing done") {
        options.wait_seconds = 60;
        stop = true;
        const auto r = dateline::indexer::run_indexer(options, stop, out, err);
        CHECK(r.exit_code == dateline::exit_code::interrupted);
        CHECK(r.counts.records == 0);
        CHECK_THAT(err.str(), Catch::Contains("waiting for it to finish (at most 60 s)"));
    }
    SECTION("the waiting run goes ahead once the lock is free") {
        options.wait_seconds = 60;
        std::thread first_finishes([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            held.lock = dateline::indexer::WriterLock();
        });
        const auto r = dateline::indexer::run_indexer(options, stop, out, err);
        first_finishes.join();
        CHECK(r.exit_code == 0);
        CHECK(r.counts.documents == 6);
    }
}
