#include <catch2/catch.hpp>

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
    CHECK(db.get_metadata(dateline::schema::meta_schema_version) == "1");
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
