#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "index_writer.hpp"
#include "schema.hpp"
#include "temp_dir.hpp"

using dateline::PressRelease;
using dateline::indexer::IndexWriter;
using dateline::indexer::WriteOutcome;
using dateline::testing::TempDir;

namespace {
PressRelease release(const std::string& id, const std::string& body) {
    PressRelease r;
    r.id = id;
    r.title = "Harbour authority report " + id;
    r.date = "2023-06-01";
    r.source = "Harbor Wire";
    r.body = body;
    return r;
}
}  // namespace

TEST_CASE("index writer adds, skips unchanged and replaces changed releases", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "db";
    {
        IndexWriter writer(path);
        CHECK(writer.write(release("a", "first text")) == WriteOutcome::added);
        CHECK(writer.write(release("b", "second text")) == WriteOutcome::added);
        CHECK(writer.pending() == 2);
        writer.commit();
        CHECK(writer.pending() == 0);
    }
    Xapian::Database db(path);
    const auto revision = db.get_revision();
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_metadata(dateline::schema::meta_schema_version) == "2");
    CHECK_FALSE(db.get_metadata(dateline::schema::meta_analyzer).empty());
    CHECK_FALSE(db.get_metadata(dateline::schema::meta_last_indexed).empty());

    SECTION("the same releases again change nothing, not even the revision") {
        IndexWriter writer(path);
        CHECK(writer.write(release("a", "first text")) == WriteOutcome::unchanged);
        CHECK(writer.write(release("b", "second text")) == WriteOutcome::unchanged);
        writer.commit();
        db.reopen();
        CHECK(db.get_revision() == revision);
        CHECK(db.get_doccount() == 2);
    }
    SECTION("a changed release replaces its old version") {
        IndexWriter writer(path);
        CHECK(writer.write(release("a", "corrected text")) == WriteOutcome::replaced);
        writer.commit();
        db.reopen();
        CHECK(db.get_doccount() == 2);
        CHECK(db.get_termfreq("Zcorrect") == 1);
        CHECK(db.get_termfreq("Zfirst") == 0);
    }
}

TEST_CASE("a second writer on the same database is refused clearly", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "db";
    IndexWriter first(path);
    REQUIRE_THROWS_WITH(IndexWriter(path),
                        Catch::Contains("another indexer is writing to it"));
}

TEST_CASE("uncommitted writes are invisible to readers", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "db";
    IndexWriter writer(path);
    writer.commit();
    writer.write(release("a", "text"));
    Xapian::Database reader(path);
    CHECK(reader.get_doccount() == 0);
    writer.commit();
    reader.reopen();
    CHECK(reader.get_doccount() == 1);
}

TEST_CASE("the single writer commits by itself when a batch is full", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "db";
    dateline::indexer::WriterOptions options;
    options.threads = 1;

    SECTION("at the batch size") {
        options.batch_size = 2;
        IndexWriter writer(path, options);
        writer.write(release("a", "one"));
        CHECK(writer.pending() == 1);
        writer.write(release("b", "two"));
        CHECK(writer.pending() == 0);
        CHECK(Xapian::Database(path).get_doccount() == 2);
    }
    SECTION("when the batch's buffer reaches its share of --memory") {
        // 64 MiB leaves the batch 16 MiB of buffer; a 600 kB body is estimated at ~7.8 MB.
        options.memory_limit = dateline::indexer::minimum_memory_limit;
        options.batch_size = 1000;
        IndexWriter writer(path, options);
        const std::string long_body(600 * 1000, 'x');
        writer.write(release("a", long_body));
        writer.write(release("b", long_body));
        CHECK(writer.pending() == 2);
        writer.write(release("c", long_body));
        CHECK(writer.pending() == 0);
        CHECK(Xapian::Database(path).get_doccount() == 3);
    }
}

TEST_CASE("the single writer keeps the spelling data in step with the titles", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "db";
    {
        IndexWriter writer(path);
        writer.write(release("north", "text"));  // title "Harbour authority report north"
        writer.write(release("south", "text"));
        writer.commit();
    }
    Xapian::Database db(path);
    CHECK(db.get_spelling_suggestion("harbuor") == "harbour");
    {
        IndexWriter writer(path);
        PressRelease renamed = release("north", "text");
        renamed.title = "Quay authority report";
        CHECK(writer.write(renamed) == WriteOutcome::replaced);
        writer.commit();
    }
    db.reopen();
    // "harbour" is left in one title, "north" in none.
    std::map<std::string, Xapian::doccount> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) words[*it] = it.get_termfreq();
    CHECK(words["harbour"] == 1);
    CHECK(words["quay"] == 1);
    CHECK(words["authority"] == 2);
    CHECK(words.count("north") == 0);
    CHECK(words["south"] == 1);
}
