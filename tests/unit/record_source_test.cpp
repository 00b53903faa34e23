#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "record_source.hpp"
#include "temp_dir.hpp"

using dateline::PressRelease;
using dateline::indexer::InputFile;
using dateline::indexer::InputFormat;
using dateline::indexer::RecordHandlers;
using dateline::indexer::RecordOrigin;
using dateline::testing::TempDir;
using Catch::Matchers::Contains;

namespace {

const std::string data_dir = TEST_DATA_DIR;
const std::string archives = data_dir + "/archives";

struct Outcome {
    std::vector<PressRelease> records;
    std::vector<RecordOrigin> origins;
    std::vector<std::string> skips;     // "FILE:LINE: error: MESSAGE"
    std::vector<std::string> warnings;  // "FILE:LINE: warning: MESSAGE"

    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& r : records) out.push_back(r.id);
        std::sort(out.begin(), out.end());
        return out;
    }
    const PressRelease* find(const std::string& id) const {
        for (const auto& r : records) {
            if (r.id == id) return &r;
        }
        return nullptr;
    }
    std::string messages() const {
        std::string all;
        for (const auto& s : skips) all += s + "\n";
        for (const auto& w : warnings) all += w + "\n";
        return all;
    }
};

Outcome read(InputFile input) {
    Outcome outcome;
    RecordHandlers handlers;
    handlers.on_record = [&](PressRelease&& release, const RecordOrigin& origin) {
        outcome.records.push_back(std::move(release));
        outcome.origins.push_back(origin);
    };
    handlers.on_skip = [&](const std::string& file, std::size_t line, const std::string& m) {
        outcome.skips.push_back(dateline::located_message(file, line, "error", m));
    };
    handlers.on_warning = [&](const std::string& file, std::size_t line, const std::string& m) {
        outcome.warnings.push_back(dateline::located_message(file, line, "warning", m));
    };
    handlers.stop_requested = [] { return false; };
    dateline::indexer::read_records(input, handlers);
    return outcome;
}

Outcome read(const std::string& path, InputFormat format = InputFormat::detect) {
    InputFile input;
    input.path = path;
    input.format = format;
    return read(input);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    REQUIRE(out);
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string absolute(const std::string& path) {
    return std::filesystem::weakly_canonical(path).string();
}

// What tests/data/archives/src holds, read from any of its containers: the two wire articles
// and the two JSON Lines records (notes/logo.png and notes/readme.dat are not picked up).
void check_src_contents(const Outcome& r, const std::string& archive) {
    INFO(r.messages());
    CHECK(r.skips.empty());
    CHECK(r.warnings.empty());
    const std::string id_prefix = "file:" + absolute(archive) + "!";
    CHECK(r.ids() == std::vector<std::string>{"archive-001", "archive-002",
                                              id_prefix + "articles/ferry-service.txt",
                                              id_prefix + "articles/nested/quay-lights.txt"});
    const PressRelease* ferry = r.find(id_prefix + "articles/ferry-service.txt");
    REQUIRE(ferry != nullptr);
    CHECK(ferry->title == "Island ferry service adds evening crossings");
    CHECK(ferry->date == "2023-03-03T10:20:00");
    CHECK(ferry->place == "PORT AURELIA");
    CHECK(ferry->source == "Northwind News Agency");
    const PressRelease* museum = r.find("archive-002");
    REQUIRE(museum != nullptr);
    CHECK(museum->title == "Lighthouse museum reopens after restoration");
    CHECK(museum->date == "2021-06-30");
    for (const RecordOrigin& origin : r.origins) {
        CHECK(origin.file == absolute(archive));
        CHECK_FALSE(origin.member.empty());
    }
}

}  // namespace

TEST_CASE("every archive format gives the same releases with member names", "[indexer]") {
    auto name = GENERATE(as<std::string>{}, "wire-articles.zip", "wire-articles.tar",
                         "wire-articles.tar.gz", "wire-articles.tar.xz", "wire-articles.tar.bz2");
    CAPTURE(name);
    const std::string archive = archives + "/" + name;
    const Outcome r = read(archive);
    check_src_contents(r, archive);
    const auto ferry = std::find_if(r.records.begin(), r.records.end(), [](const auto& rel) {
        return rel.title.rfind("Island ferry", 0) == 0;
    });
    REQUIRE(ferry != r.records.end());
    CHECK(r.origins[static_cast<std::size_t>(ferry - r.records.begin())].member ==
          "articles/ferry-service.txt");
}

TEST_CASE("containers are recognised from their bytes, not their names", "[indexer]") {
    TempDir dir;
    SECTION("a .tgz and an archive named .txt") {
        for (const char* name : {"copy.tgz", "misleading.txt", "no-extension"}) {
            const std::string path = dir / name;
            write_file(path, file_bytes(archives + "/wire-articles.tar.gz"));
            check_src_contents(read(path), path);
        }
    }
    SECTION("a zip named .jsonl") {
        const std::string path = dir / "looks-like.jsonl";
        write_file(path, file_bytes(archives + "/wire-articles.zip"));
        check_src_contents(read(path), path);
    }
}

TEST_CASE("single compressed files are one input, named without a member", "[indexer]") {
    auto name = GENERATE(as<std::string>{}, "releases.jsonl.xz", "releases.jsonl.bz2");
    const Outcome r = read(archives + "/" + name);
    INFO(r.messages());
    CHECK(r.ids() == std::vector<std::string>{"archive-001", "archive-002"});
    CHECK(r.skips.empty());
    for (const RecordOrigin& origin : r.origins) {
        CHECK(origin.file == absolute(archives + "/" + name));
        CHECK(origin.member.empty());
    }
    SECTION("a gzipped wire article is known by the compressed file's path") {
        const std::string path = archives + "/ferry-service.txt.gz";
        const Outcome text = read(path);
        REQUIRE(text.records.size() == 1);
        CHECK(text.records[0].id == "file:" + absolute(path));
        CHECK(text.records[0].place == "PORT AURELIA");
    }
}

TEST_CASE("concatenated gzip members are read in turn", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "two-parts.jsonl.gz";
    const std::string part = file_bytes(data_dir + "/jsonl/releases.jsonl.gz");
    write_file(path, part + part);
    const Outcome r = read(path);
    CHECK(r.records.size() == 12);
    CHECK(r.skips.empty());
}

TEST_CASE("standard input may hold an archive", "[indexer]") {
    const int saved = ::dup(STDIN_FILENO);
    const int fd = ::open((archives + "/wire-articles.tar.xz").c_str(), O_RDONLY);
    REQUIRE(saved >= 0);
    REQUIRE(fd >= 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    const Outcome r = read("-");
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    INFO(r.messages());
    REQUIRE(r.records.size() == 4);
    CHECK(r.skips.empty());
    for (std::size_t i = 0; i < r.records.size(); ++i) {
        CHECK(r.origins[i].file.empty());
        CHECK_FALSE(r.origins[i].member.empty());
        // Without a path, an article is known by its content.
        CHECK(r.records[i].id.rfind("file:", 0) == std::string::npos);
    }
}

TEST_CASE("archives inside archives are read, members named along the way", "[indexer]") {
    const std::string path = archives + "/nested.tar";
    const Outcome r = read(path);
    INFO(r.messages());
    CHECK(r.skips.empty());
    // The zip's four releases, and the two records of more/releases.jsonl.gz again.
    REQUIRE(r.records.size() == 6);
    const std::string prefix = "file:" + absolute(path) + "!inner/wire-articles.zip!";
    CHECK(r.find(prefix + "articles/nested/quay-lights.txt") != nullptr);
    std::vector<std::string> members;
    for (const auto& origin : r.origins) members.push_back(origin.member);
    CHECK(std::count(members.begin(), members.end(), "more/releases.jsonl.gz") == 2);
    CHECK(std::count(members.begin(), members.end(), "inner/wire-articles.zip!releases.jsonl") ==
          2);
}

TEST_CASE("a truncated zip keeps the members before the damage and names the member",
          "[indexer]") {
    const std::string path = archives + "/damaged/truncated.zip";
    const Outcome r = read(path);
    INFO(r.messages());
    REQUIRE_FALSE(r.records.empty());
    CHECK(r.records[0].title == "Island ferry service adds evening crossings");
    CHECK(r.records[0].id == "file:" + absolute(path) + "!first.txt");
    REQUIRE(r.skips.size() == 1);
    CHECK_THAT(r.skips[0], Catch::StartsWith(path + "!second.jsonl: error: "));
    // Whatever libarchive decoded of the cut member came before the damage: whole records.
    for (std::size_t i = 1; i < r.records.size(); ++i) {
        CHECK(r.records[i].id == "cut-" + std::string(i < 10 ? "00" : "0") + std::to_string(i));
    }
}

TEST_CASE("damage inside a nested archive is reported once", "[indexer]") {
    TempDir dir;
    SECTION("a damaged zip in a sound tar: the tar goes on") {
        std::filesystem::create_directories(dir / "in/a");
        std::filesystem::create_directories(dir / "in/b");
        write_file(dir / "in/a/truncated.zip", file_bytes(archives + "/damaged/truncated.zip"));
        write_file(dir / "in/b/releases.jsonl", file_bytes(archives + "/src/releases.jsonl"));
        const std::string tar = dir / "outer.tar";
        const std::string command =
            "tar -C '" + (dir / "in") + "' -cf '" + tar + "' a/truncated.zip b/releases.jsonl";
        REQUIRE(std::system(command.c_str()) == 0);
        const Outcome r = read(tar);
        INFO(r.messages());
        CHECK(r.ids() == std::vector<std::string>{"archive-001", "archive-002",
                                                  "file:" + absolute(tar) +
                                                      "!a/truncated.zip!first.txt"});
        REQUIRE(r.skips.size() == 1);
        CHECK_THAT(r.skips[0], Catch::StartsWith(tar + "!a/truncated.zip!second.jsonl: error: "));
    }
    SECTION("inner archives that cannot be opened at all") {
        std::filesystem::create_directories(dir / "in");
        write_file(dir / "in/a-bad.zip", "PK\x03\x04" + std::string(100, '\x7f'));
        write_file(dir / "in/b-bad.gz", "\x1f\x8b\x08\x00" + std::string(100, '\x7f'));
        write_file(dir / "in/c.jsonl", file_bytes(archives + "/src/releases.jsonl"));
        const std::string tar = dir / "outer.tar";
        const std::string command =
            "tar -C '" + (dir / "in") + "' -cf '" + tar + "' a-bad.zip b-bad.gz c.jsonl";
        REQUIRE(std::system(command.c_str()) == 0);
        const Outcome r = read(tar);
        INFO(r.messages());
        CHECK(r.records.size() == 2);
        REQUIRE(r.skips.size() == 2);
        CHECK_THAT(r.skips[0], Catch::StartsWith(tar + "!a-bad.zip"));
        CHECK_THAT(r.skips[1], Catch::StartsWith(tar + "!b-bad.gz"));
    }
    SECTION("a tar cut inside its zip member") {
        const std::string cut = dir / "cut.tar";
        write_file(cut, file_bytes(archives + "/nested.tar").substr(0, 1200));
        const Outcome r = read(cut);
        INFO(r.messages());
        REQUIRE(r.skips.size() == 1);
        CHECK_THAT(r.skips[0], Catch::StartsWith(cut + "!inner/wire-articles.zip"));
    }
}

TEST_CASE("a truncated tar.gz keeps the whole members before the cut", "[indexer]") {
    const std::string path = archives + "/damaged/truncated.tar.gz";
    const Outcome r = read(path);
    INFO(r.messages());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].title == "Tide table notice 1");
    CHECK(r.records[1].title == "Tide table notice 2");
    REQUIRE(r.skips.size() == 1);
    CHECK_THAT(r.skips[0], Contains(path + "!notice-3.txt: error: ") &&
                               Contains("truncated or corrupt gzip data"));
}

TEST_CASE("the existing truncated gzip keeps its records before the damage", "[indexer]") {
    const std::string path = data_dir + "/bad/truncated.jsonl.gz";
    const Outcome r = read(path);
    CHECK(r.records.size() == 2);
    REQUIRE(r.skips.size() == 1);
    CHECK_THAT(r.skips[0], Catch::StartsWith(path + ": error: ") &&
                               Contains("(truncated or corrupt gzip data) after line 2; the "
                                        "records before it were read"));
}

TEST_CASE("formats are detected from the content whatever the name says", "[indexer]") {
    TempDir dir;
    SECTION("JSON Lines named .html") {
        const std::string path = dir / "releases.html";
        write_file(path, file_bytes(data_dir + "/jsonl/releases.jsonl"));
        CHECK(read(path).records.size() == 6);
    }
    SECTION("a wire article named .jsonl") {
        const std::string path = dir / "article.jsonl";
        write_file(path, file_bytes(data_dir + "/wire/ap-style.txt"));
        const Outcome r = read(path);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].place == "WASHINGTON");
        CHECK(r.records[0].id == "file:" + absolute(path));
    }
    SECTION("a JSON array named .txt") {
        const std::string path = dir / "array.txt";
        write_file(path, file_bytes(data_dir + "/json/releases-array.json"));
        CHECK(read(path).records.size() == 3);
    }
    SECTION("a Reuters SGML file named .xml") {
        const std::string path = dir / "reuters.xml";
        write_file(path, file_bytes(data_dir + "/sgml/reuters-sample.sgm"));
        const Outcome r = read(path);
        INFO(r.messages());
        REQUIRE_FALSE(r.records.empty());
        CHECK(r.records[0].source == "Reuters");
    }
    SECTION("front matter text named .txt") {
        const std::string path = dir / "statement.txt";
        write_file(path, "---\ntitle: \"Dredging contract awarded\"\ndate: \"2020-08-17\"\n---\n\n"
                         "The ministry awarded the dredging contract on Monday.\n");
        const Outcome r = read(path);
        INFO(r.messages());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].title == "Dredging contract awarded");
        CHECK(r.records[0].date.rfind("2020-08-17", 0) == 0);
        CHECK(r.records[0].id == "file:" + absolute(path));
    }
    SECTION("an RSS feed named .json") {
        const std::string path = dir / "feed.json";
        write_file(path,
                   "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Coastal "
                   "news</title><item><title>Buoys replaced</title><link>https://example.org/b"
                   "</link><description>All buoys were replaced.</description></item></channel>"
                   "</rss>\n");
        const Outcome r = read(path);
        INFO(r.messages());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].title == "Buoys replaced");
        CHECK(r.records[0].id == "https://example.org/b");
    }
}

TEST_CASE("an HTML page in Windows-1252 reaches the page reader as UTF-8", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "saved-page.txt";
    write_file(path,
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"windows-1252\">"
               "<title>Caf\xE9 terraces allowed on the quay | Valdoria</title></head><body>"
               "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main><h1>Caf\xE9 "
               "terraces allowed on the quay</h1><p>The city council allowed caf\xE9 terraces on "
               "the quay from May to September, the mayor\x92s office said on Tuesday.</p><p>"
               "Owners can apply for a permit until the end of March.</p></main><footer>Contact "
               "the press office</footer></body></html>\n");
    const Outcome r = read(path);
    INFO(r.messages());
    REQUIRE(r.records.size() == 1);
    CHECK(r.warnings.empty());
    CHECK(r.records[0].title == "Caf\xC3\xA9 terraces allowed on the quay");
    CHECK(r.records[0].body.find("caf\xC3\xA9 terraces on the quay") != std::string::npos);
    CHECK(r.records[0].body.find("mayor\xE2\x80\x99s office") != std::string::npos);
    CHECK(r.records[0].id == "file:" + absolute(path));
}

TEST_CASE("A format given on the command line overrides detection", "[indexer]") {
    TempDir dir;
    const std::string path = dir / "looks-like-json.txt";
    // Detected, this is JSON Lines; as text it is one article whose title is the JSON line.
    write_file(path, "{\"title\": \"Bridge closed\"}\n\nThe bridge is closed for repairs.\n");
    CHECK(read(path).records[0].title == "Bridge closed");
    const Outcome text = read(path, InputFormat::text);
    REQUIRE(text.records.size() == 1);
    CHECK(text.records[0].title == "{\"title\": \"Bridge closed\"}");
}

TEST_CASE("binary, empty and blank inputs are skipped with a reason", "[indexer]") {
    TempDir dir;
    CHECK_THAT(read(data_dir + "/bad/binary.txt").skips.at(0), Contains("error: binary file"));
    CHECK_THAT(read(data_dir + "/bad/empty.txt").skips.at(0), Contains("error: empty file"));
    CHECK_THAT(read(data_dir + "/bad/blank-only.txt").skips.at(0), Contains("error: empty file"));
    write_file(dir / "empty.gz", "");
    CHECK_THAT(read(dir / "empty.gz").skips.at(0), Contains("empty.gz: error: empty file"));
    SECTION("even when a format is forced") {
        CHECK_THAT(read(data_dir + "/bad/binary.txt", InputFormat::jsonl).skips.at(0),
                   Contains("binary file"));
    }
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252 with the place named", "[indexer]") {
    const std::string path = data_dir + "/wire/latin1-encoded.txt";
    const Outcome r = read(path);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].place == "Z\xC3\x9CRICH");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] ==
          path + ": warning: not valid UTF-8 (line 1, byte 33); read as Windows-1252");
}

TEST_CASE("UTF-16 text with and without a byte-order mark is converted", "[indexer]") {
    TempDir dir;
    const std::string article =
        "Z\xC3\xBCrich ferry timetable\r\n2024-02-01\r\n\r\nZ\xC3\x9CRICH, Feb 1 (Harbor Wire) -- "
        "The lake ferries keep their winter timetable until April.\r\n";
    auto utf16 = [&article](bool little, bool bom) {
        std::string out = bom ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
        for (std::size_t i = 0; i < article.size(); ++i) {
            // The text is ASCII except "ü"/"Ü" (U+00FC/U+00DC, two UTF-8 bytes here).
            unsigned unit = static_cast<unsigned char>(article[i]);
            if (unit == 0xC3) unit = 0xC0 | (static_cast<unsigned char>(article[++i]) & 0x3F);
            const char high = static_cast<char>(unit >> 8);
            const char low = static_cast<char>(unit & 0xFF);
            out += little ? std::string{low, high} : std::string{high, low};
        }
        return out;
    };
    for (const bool little : {true, false}) {
        for (const bool bom : {true, false}) {
            CAPTURE(little, bom);
            const std::string path = dir / "utf16.txt";
            write_file(path, utf16(little, bom));
            const Outcome r = read(path);
            INFO(r.messages());
            REQUIRE(r.records.size() == 1);
            CHECK(r.records[0].title == "Z\xC3\xBCrich ferry timetable");
            CHECK(r.records[0].place == "Z\xC3\x9CRICH");
            CHECK(r.warnings.size() == (bom ? 0U : 1U));
        }
    }
}

TEST_CASE("a JSON array file is streamed element by element, with lines", "[indexer]") {
    const std::string path = data_dir + "/json/releases-array.json";
    const Outcome r = read(path);
    INFO(r.messages());
    CHECK(r.ids() == std::vector<std::string>{"array-001", "array-002", "array-003"});
    CHECK(r.skips.empty());
    const Outcome bad = read(data_dir + "/json/mixed-array.json");
    CHECK(bad.ids() == std::vector<std::string>{"mixed-a", "mixed-c"});
    CHECK(bad.skips == std::vector<std::string>{
                           data_dir + "/json/mixed-array.json:7: error: array element is not a "
                                      "JSON object",
                           data_dir + "/json/mixed-array.json:8: error: record has neither "
                                      "\"title\" nor \"body\""});
}

TEST_CASE("A field map reads JSON with other field names", "[indexer]") {
    InputFile input;
    input.path = data_dir + "/json/other-names.json";
    auto map = std::make_shared<dateline::FieldMap>();
    REQUIRE(map->add("id=guid,title=headline,body=text").empty());
    REQUIRE(map->add("date=published,source=meta.agency,topics=tags").empty());
    input.field_map = map;
    const Outcome r = read(input);
    INFO(r.messages());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].id == "other-1");
    CHECK(r.records[0].title == "Breakwater extension approved");
    CHECK(r.records[0].date == "2022-09-05");
    CHECK(r.records[0].source == "Ministry of Coastal Affairs");
    CHECK(r.records[0].topics == std::vector<std::string>{"construction", "coast"});
    CHECK(r.records[1].id == "7");  // a numeric id
    SECTION("without the map the records have no title or body") {
        const Outcome plain = read(data_dir + "/json/other-names.json");
        CHECK(plain.records.empty());
        CHECK(plain.skips.size() == 2);
    }
}

TEST_CASE("deeply nested JSON is refused without a crash", "[indexer]") {
    TempDir dir;
    const std::size_t depth = 100000;
    SECTION("a JSON document") {
        write_file(dir / "deep.json",
                   "[{\"title\": \"kept\"},\n" + std::string(depth, '[') + std::string(depth, ']') +
                       "]");
        const Outcome r = read(dir / "deep.json");
        CHECK(r.records.size() == 1);
        REQUIRE(r.skips.size() == 1);
        CHECK_THAT(r.skips[0], Contains("deep.json:2: error: JSON nested deeper than 64 levels"));
    }
    SECTION("a JSON Lines record") {
        write_file(dir / "deep.jsonl", "{\"title\": \"kept\"}\n{\"a\":" + std::string(depth, '[') +
                                           std::string(depth, ']') + "}\n{\"title\": \"also\"}\n");
        const Outcome r = read(dir / "deep.jsonl");
        CHECK(r.records.size() == 2);
        REQUIRE(r.skips.size() == 1);
        CHECK_THAT(r.skips[0], Contains("deep.jsonl:2: error: JSON nested deeper than 64 levels"));
    }
}

TEST_CASE("an over-long single-line text is refused without reading it all", "[indexer]") {
    TempDir dir;
    write_file(dir / "long.txt",
               "A title\n\n" + std::string(dateline::indexer::max_text_article_bytes, 'x'));
    const Outcome r = read(dir / "long.txt");
    CHECK(r.records.empty());
    REQUIRE(r.skips.size() == 1);
    CHECK_THAT(r.skips[0], Contains("long.txt: error: file is too large for one text article "
                                    "(over 16 MiB)"));
}

TEST_CASE("an archive with nothing to index says so", "[indexer]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "pictures");
    write_file(dir / "pictures/logo.png", file_bytes(archives + "/src/notes/logo.png"));
    const std::string tar = dir / "pictures.tar";
    const std::string command = "tar -C '" + dir.path().string() + "' -cf '" + tar + "' pictures";
    REQUIRE(std::system(command.c_str()) == 0);
    const Outcome r = read(tar);
    CHECK(r.records.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0], Contains("pictures.tar: warning: no files to index"));
}

TEST_CASE("archive members are picked like files in a folder walk", "[indexer]") {
    TempDir dir;
    const std::string article = file_bytes(archives + "/src/articles/ferry-service.txt");
    for (const char* name : {"docs/ferry.txt", "docs/.hidden.txt", ".git/notes.txt",
                             "__MACOSX/docs/._ferry.txt", "docs/ferry.pdf"}) {
        const std::filesystem::path path = std::filesystem::path(dir / "in") / name;
        std::filesystem::create_directories(path.parent_path());
        write_file(path.string(), article);
    }
    const std::string tar = dir / "mixed.tar";
    const std::string command = "tar -C '" + (dir / "in") + "' -cf '" + tar + "' .";
    REQUIRE(std::system(command.c_str()) == 0);
    const Outcome r = read(tar);
    INFO(r.messages());
    REQUIRE(r.records.size() == 1);
    CHECK(r.origins[0].member == "docs/ferry.txt");
    CHECK(r.skips.empty());
}

TEST_CASE("a problem found by the folder walk is reported as a skip", "[indexer]") {
    InputFile input;
    input.path = "/some/folder/loop.txt";
    input.problem = "symlink loop (Too many levels of symbolic links)";
    const Outcome r = read(input);
    CHECK(r.skips == std::vector<std::string>{
                         "/some/folder/loop.txt: error: symlink loop (Too many levels of "
                         "symbolic links)"});
}
