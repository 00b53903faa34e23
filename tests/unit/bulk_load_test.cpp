#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include <xapian.h>

#include "analyzer.hpp"
#include "index_writer.hpp"
#include "input_discovery.hpp"
#include "query_builder.hpp"
#include "record_source.hpp"
#include "schema.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using dateline::PressRelease;
using dateline::indexer::IndexWriter;
using dateline::indexer::WriteOutcome;
using dateline::indexer::WriterOptions;
using dateline::testing::TempDir;

namespace {

const std::string data_dir = TEST_DATA_DIR;

struct Record {
    PressRelease release;
    std::string origin;
};

// Every release of the fixture folders, as the indexer reads them.
std::vector<Record> read_fixtures() {
    std::vector<Record> records;
    const auto inputs = dateline::indexer::discover_inputs(
        {data_dir + "/jsonl", data_dir + "/wire", data_dir + "/zh"},
        [](const std::string& problem) { FAIL(problem); });
    dateline::indexer::RecordHandlers handlers;
    handlers.on_record = [&](PressRelease&& release, const dateline::indexer::RecordOrigin& origin) {
        records.push_back(Record{std::move(release), origin.file});
    };
    handlers.on_skip = [](const std::string& file, std::size_t, const std::string& message) {
        FAIL(file + ": " + message);
    };
    handlers.on_warning = [](const std::string&, std::size_t, const std::string&) {};
    for (const auto& input : inputs) dateline::indexer::read_records(input, handlers);
    return records;
}

std::size_t distinct_ids(const std::vector<Record>& records) {
    std::set<std::string> ids;
    for (const Record& record : records) ids.insert(record.release.id);
    return ids.size();
}

struct Outcomes {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t unchanged = 0;
};

WriterOptions single_writer() {
    WriterOptions options;
    options.threads = 1;
    return options;
}

// Two writer threads and tiny parts, so that every feature crosses part boundaries.
WriterOptions bulk_load(std::size_t part_documents = 3) {
    WriterOptions options;
    options.threads = 2;
    options.part_documents = part_documents;
    return options;
}

Outcomes write_all(IndexWriter& writer, const std::vector<Record>& records) {
    Outcomes outcomes;
    for (const Record& record : records) {
        switch (writer.write(record.release, record.origin)) {
            case WriteOutcome::added: ++outcomes.added; break;
            case WriteOutcome::replaced: ++outcomes.replaced; break;
            case WriteOutcome::unchanged: ++outcomes.unchanged; break;
        }
    }
    writer.commit();
    return outcomes;
}

Outcomes index(const std::string& path, const WriterOptions& options,
               const std::vector<Record>& records) {
    IndexWriter writer(path, options);
    CHECK(writer.bulk_loading() == (options.threads > 1));
    const Outcomes outcomes = write_all(writer, records);
    CHECK_FALSE(writer.bulk_loading());
    return outcomes;
}

// Everything Xapian stores for a document: terms with wdf and positions, values, data.
std::string describe(const Xapian::Document& document) {
    std::string text = document.get_data() + "\n";
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        text += *term + " wdf " + std::to_string(term.get_wdf()) + " at";
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
            text += " " + std::to_string(*pos);
        }
        text += "\n";
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
        text += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
    }
    return text;
}

// id -> describe(), for every document.
std::map<std::string, std::string> documents_by_id(const Xapian::Database& db) {
    std::map<std::string, std::string> documents;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document document = db.get_document(*it);
        auto id = document.termlist_begin();
        id.skip_to(dateline::schema::prefix_id);
        REQUIRE(id != document.termlist_end());
        CHECK(documents.emplace(*id, describe(document)).second);
    }
    return documents;
}

std::map<std::string, Xapian::doccount> spelling_of(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        words[*it] = it.get_termfreq();
    }
    return words;
}

// The ranked ids and weights a query finds, as the server would parse it.
std::vector<std::pair<std::string, double>> search(const Xapian::Database& db,
                                                   const std::string& text) {
    dateline::QueryBuilder builder(dateline::AnalyzerSettings::from_database(db));
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(text, &db).query);
    std::vector<std::pair<std::string, double>> hits;
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const auto release = dateline::schema::decode_data(it.get_document().get_data());
        REQUIRE(release);
        hits.emplace_back(release->id, it.get_weight());
    }
    return hits;
}

bool bulk_folder_left(const std::string& db_path) {
    const std::string stem = fs::path(db_path).filename().string() + ".bulk-";
    for (const auto& entry : fs::directory_iterator(fs::path(db_path).parent_path())) {
        if (entry.path().filename().string().rfind(stem, 0) == 0) return true;
    }
    return false;
}

PressRelease release(const std::string& id, const std::string& title, const std::string& body) {
    PressRelease r;
    r.id = id;
    r.title = title;
    r.date = "2023-06-01";
    r.source = "Harbor Wire";
    r.body = body;
    return r;
}

}  // namespace

TEST_CASE("a bulk load writes the same database as one writer", "[indexer][bulk]") {
    const std::vector<Record> records = read_fixtures();
    // The gzip copy of releases.jsonl repeats its six records: unchanged the second time.
    const std::size_t distinct = distinct_ids(records);
    REQUIRE(records.size() == distinct + 6);
    TempDir dir;
    const std::string single_path = dir / "single";
    const std::string bulk_path = dir / "bulk";

    const Outcomes single = index(single_path, single_writer(), records);
    const Outcomes bulk = index(bulk_path, bulk_load(), records);
    CHECK(single.added == distinct);
    CHECK(single.unchanged == 6);
    CHECK(bulk.added == single.added);
    CHECK(bulk.replaced == single.replaced);
    CHECK(bulk.unchanged == single.unchanged);

    Xapian::Database one(single_path);
    Xapian::Database parallel(bulk_path);
    CHECK(parallel.get_doccount() == distinct);
    CHECK(parallel.get_doccount() == one.get_doccount());
    CHECK(parallel.get_lastdocid() == one.get_lastdocid());  // reading order kept
    CHECK(parallel.get_total_length() == one.get_total_length());
    CHECK(documents_by_id(parallel) == documents_by_id(one));
    CHECK(spelling_of(parallel) == spelling_of(one));
    CHECK_FALSE(spelling_of(parallel).empty());
    for (const char* key : {dateline::schema::meta_schema_version, dateline::schema::meta_analyzer}) {
        CHECK(parallel.get_metadata(key) == one.get_metadata(key));
    }
    CHECK_FALSE(parallel.get_metadata(dateline::schema::meta_last_indexed).empty());
    for (const char* query : {"harbour", "\"high-quality development\"", "development",
                              "title:fraud OR belt", "一带一路", "高质量发展", "Valdoria"}) {
        INFO(query);
        const auto hits = search(parallel, query);
        CHECK(hits == search(one, query));
    }
    CHECK_FALSE(search(parallel, "harbour").empty());
    CHECK_FALSE(search(parallel, "一带一路").empty());
    CHECK_FALSE(bulk_folder_left(bulk_path));
}

TEST_CASE("spelling data from title terms equals what FLAG_SPELLING records", "[indexer][bulk]") {
    const std::vector<Record> records = read_fixtures();
    TempDir dir;
    const std::string reference_path = dir / "reference";
    {
        // Xapian's own way: the analyzer feeding the spelling table word by word.
        Xapian::WritableDatabase reference(reference_path, Xapian::DB_CREATE);
        const dateline::AnalyzerSettings settings;
        dateline::DocumentAnalyzer analyzer(settings);
        analyzer.record_spelling_in(reference);
        std::map<std::string, std::string> seen;  // id -> fingerprint, as the writers skip
        for (const Record& record : records) {
            const std::string fingerprint = dateline::schema::fingerprint(record.release);
            if (!seen.emplace(record.release.id, fingerprint).second) continue;
            reference.add_document(analyzer.analyze(record.release));
        }
        reference.commit();
    }
    const std::string bulk_path = dir / "bulk";
    const std::string single_path = dir / "single";
    index(bulk_path, bulk_load(), records);
    index(single_path, single_writer(), records);

    const auto expected = spelling_of(Xapian::Database(reference_path));
    REQUIRE(expected.size() > 50);
    CHECK(expected.count("harbour") == 1);
    CHECK(spelling_of(Xapian::Database(bulk_path)) == expected);
    CHECK(spelling_of(Xapian::Database(single_path)) == expected);
    // And the server's did-you-mean finds it.
    CHECK(Xapian::Database(bulk_path).get_spelling_suggestion("harbuor") == "harbour");
}

TEST_CASE("a bulk load keeps the last version of a repeated id, once", "[indexer][bulk]") {
    std::vector<Record> records;
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        records.push_back({release("r" + n, "Lighthouse bulletin " + n, "Keeper report " + n + "."), ""});
    }
    // r3 again, changed, in a later part; r5 again, identical (the first one stays).
    records.push_back({release("r3", "Lighthouse bulletin corrected", "Keeper report amended."), ""});
    records.push_back({records[5].release, ""});
    // r7 twice in the same part, then once more identical to the second version.
    records.push_back({release("r7", "Lighthouse bulletin seven", "First fix."), ""});
    records.push_back({release("r7", "Lighthouse bulletin seven", "Second fix."), ""});
    records.push_back({records.back().release, ""});

    TempDir dir;
    const Outcomes bulk = index(dir / "bulk", bulk_load(2), records);
    const Outcomes single = index(dir / "single", single_writer(), records);
    CHECK(bulk.added == 10);
    CHECK(bulk.replaced == 3);
    CHECK(bulk.unchanged == 2);
    CHECK(single.added == bulk.added);
    CHECK(single.replaced == bulk.replaced);
    CHECK(single.unchanged == bulk.unchanged);

    Xapian::Database db(dir / "bulk");
    CHECK(db.get_doccount() == 10);
    CHECK(db.get_termfreq(dateline::schema::id_term("r3")) == 1);
    CHECK(db.get_termfreq("amended") == 1);
    CHECK(db.get_termfreq(dateline::schema::id_term("r7")) == 1);
    CHECK(db.get_termfreq("second") == 1);
    CHECK(db.get_termfreq("first") == 0);
    CHECK(documents_by_id(db) == documents_by_id(Xapian::Database(dir / "single")));
    // The replaced title's words are gone from the spelling data.
    const auto words = spelling_of(db);
    CHECK(words.count("corrected") == 1);
    CHECK(words.count("3") == 0);
    CHECK(words.at("lighthouse") == 10);
}

TEST_CASE("a run after a bulk load goes through one writer and changes nothing", "[indexer][bulk]") {
    const std::vector<Record> records = read_fixtures();
    TempDir dir;
    const std::string path = dir / "db";
    index(path, bulk_load(), records);
    const auto revision = Xapian::Database(path).get_revision();

    IndexWriter writer(path, bulk_load());
    CHECK_FALSE(writer.bulk_loading());
    const Outcomes again = write_all(writer, records);
    CHECK(again.unchanged == records.size());
    CHECK(again.added == 0);
    CHECK(Xapian::Database(path).get_revision() == revision);

    // A changed release goes through the single writer, in place.
    PressRelease changed = records.front().release;
    changed.body += " A late correction.";
    CHECK(writer.write(changed, records.front().origin) == WriteOutcome::replaced);
    writer.commit();
    Xapian::Database db(path);
    CHECK(db.get_doccount() == distinct_ids(records));
    CHECK(db.get_termfreq("correction") == 1);
}

TEST_CASE("a bulk load is invisible until its commit, then readers see all of it",
          "[indexer][bulk]") {
    TempDir dir;
    const std::string path = dir / "db";
    IndexWriter writer(path, bulk_load(4));
    REQUIRE(writer.bulk_loading());
    Xapian::Database reader(path);
    for (int i = 0; i < 25; ++i) {
        writer.write(release("n" + std::to_string(i), "Tide table", "High water at noon."));
    }
    reader.reopen();
    CHECK(reader.get_doccount() == 0);
    writer.commit();
    reader.reopen();
    CHECK(reader.get_doccount() == 25);
    CHECK(reader.get_termfreq("tide") == 25);
    CHECK(writer.document_count() == 25);

    // The writer goes on as the single writer on the installed database.
    writer.write(release("n25", "Tide table", "Low water at dusk."));
    writer.commit();
    reader.reopen();
    CHECK(reader.get_doccount() == 26);
}

TEST_CASE("an unfinished bulk load leaves the database as it was", "[indexer][bulk]") {
    TempDir dir;
    const std::string path = dir / "db";
    {
        IndexWriter writer(path, bulk_load(2));
        for (int i = 0; i < 9; ++i) {
            writer.write(release("u" + std::to_string(i), "Buoy notice", "Buoy moved."));
        }
        CHECK(bulk_folder_left(path));
        // Destroyed without a commit, as when a run fails half-way.
    }
    CHECK_FALSE(bulk_folder_left(path));
    Xapian::Database db(path);
    CHECK(db.get_doccount() == 0);

    SECTION("the folder of a killed bulk load is removed by the next run") {
        const std::string stale = path + ".bulk-Ab12Cd";
        fs::create_directories(stale + "/part-000000");
        std::ofstream(stale + "/part-000000/iamglass") << "x";
        const std::string unrelated = path + ".bulk-notes";
        fs::create_directories(unrelated);
        IndexWriter writer(path, single_writer());
        CHECK_FALSE(fs::exists(stale));
        CHECK(fs::exists(unrelated));
    }
    SECTION("an empty bulk load commits the schema metadata only") {
        IndexWriter writer(path, bulk_load());
        REQUIRE(writer.bulk_loading());
        writer.commit();
        CHECK_FALSE(writer.bulk_loading());
        Xapian::Database reopened(path);
        CHECK(reopened.get_doccount() == 0);
        CHECK(reopened.get_metadata(dateline::schema::meta_schema_version) == "2");
        CHECK_FALSE(bulk_folder_left(path));
    }
}

TEST_CASE("a bulk load carries over the writer lock file", "[indexer][bulk]") {
    TempDir dir;
    const std::string path = dir / "db";
    const std::string lock = path + "/writer.lock";
    fs::create_directories(path);
    std::ofstream(lock) << "123\n";
    struct stat before {};
    REQUIRE(::stat(lock.c_str(), &before) == 0);
    IndexWriter writer(path, bulk_load());
    writer.write(release("l1", "Pier closure", "The pier is closed."));
    writer.commit();
    // The very file an indexer holds its lock on is in the installed database.
    struct stat after {};
    REQUIRE(::stat(lock.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(Xapian::Database(path).get_doccount() == 1);
}

TEST_CASE("a bulk load into a database named with a trailing slash", "[indexer][bulk]") {
    TempDir dir;
    const std::string path = dir / "db";
    {
        IndexWriter writer(path + "/", bulk_load());
        REQUIRE(writer.bulk_loading());
        writer.write(release("s1", "Slipway opening", "The slipway opens."));
        writer.commit();
    }
    CHECK(Xapian::Database(path).get_doccount() == 1);
    CHECK_FALSE(bulk_folder_left(path));
    for (const auto& entry : fs::directory_iterator(path)) {
        CHECK(entry.path().filename().string().find(".bulk-") == std::string::npos);
    }
}
