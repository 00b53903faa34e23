#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "input_discovery.hpp"
#include "temp_dir.hpp"

using dateline::indexer::discover_inputs;
using dateline::indexer::InputFile;
using dateline::indexer::InputFormat;
using dateline::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string data_dir = TEST_DATA_DIR;

void touch(const std::string& path) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << "x\n";
}

struct Found {
    std::vector<std::string> paths;     // relative to the root, in order
    std::vector<std::string> problems;  // "relative: problem"
    std::vector<std::string> reports;
};

Found discover(const TempDir& dir, const std::vector<std::string>& inputs) {
    Found found;
    const auto files = discover_inputs(
        inputs, [&](const std::string& line) { found.reports.push_back(line); });
    for (const InputFile& file : files) {
        const std::string relative =
            file.path == "-" ? file.path
                             : fs::path(file.path).lexically_relative(dir.path()).string();
        if (file.problem.empty()) {
            found.paths.push_back(relative);
        } else {
            found.problems.push_back(relative + ": " + file.problem);
        }
    }
    return found;
}

}  // namespace

TEST_CASE("a folder walk picks up the documented names, sorted", "[indexer]") {
    TempDir dir;
    for (const char* name :
         {"b.jsonl", "a.txt", "sub/c.NDJSON.gz", "sub/d.json", "e.html", "f.shtml", "g.xml",
          "h.rss", "i.atom", "j.sgm", "k.md", "l.zip", "m.tar.xz", "n.tgz", "o.bz2",
          "skip/logo.png", "skip/report.pdf", "skip/README", "skip/lewis.dtd", ".hidden.txt",
          ".git/objects.txt", "sub/.cache/x.jsonl"}) {
        touch(dir / name);
    }
    const Found found = discover(dir, {dir.path().string()});
    CHECK(found.problems.empty());
    CHECK(found.reports.empty());
    CHECK(found.paths == std::vector<std::string>{"a.txt", "b.jsonl", "e.html", "f.shtml",
                                                  "g.xml", "h.rss", "i.atom", "j.sgm", "k.md",
                                                  "l.zip", "m.tar.xz", "n.tgz", "o.bz2",
                                                  "sub/c.NDJSON.gz", "sub/d.json"});
}

TEST_CASE("named files are taken whatever their name", "[indexer]") {
    TempDir dir;
    touch(dir / "logo.png");
    touch(dir / "README");
    const Found found = discover(dir, {dir / "README", dir / "logo.png", "-"});
    CHECK(found.paths == std::vector<std::string>{"README", "logo.png", "-"});
}

TEST_CASE("the fixture folder of archive sources", "[indexer]") {
    std::vector<std::string> names;
    for (const InputFile& file : discover_inputs({data_dir + "/archives/src"}, [](auto&) {})) {
        names.push_back(fs::path(file.path).filename().string());
        CHECK(file.format == InputFormat::detect);
    }
    CHECK(names == std::vector<std::string>{"ferry-service.txt", "quay-lights.txt",
                                            "releases.jsonl"});
}

TEST_CASE("symlink loops and broken links are listed as problems", "[indexer]") {
    TempDir dir;
    touch(dir / "tree/a.txt");
    fs::create_directory_symlink("..", dir / "tree/up");              // back to the root
    fs::create_directory_symlink(dir / "tree", dir / "tree/self");    // to its own folder
    fs::create_symlink("loop-b.txt", dir / "tree/loop-a.txt");       // a -> b -> a
    fs::create_symlink("loop-a.txt", dir / "tree/loop-b.txt");
    fs::create_symlink("missing.jsonl", dir / "tree/dangling.jsonl");
    fs::create_symlink("missing.png", dir / "tree/dangling.png");    // not an indexable name
    touch(dir / "elsewhere/b.txt");
    fs::create_directory_symlink(dir / "elsewhere", dir / "tree/linked");  // not followed
    fs::create_symlink(dir / "elsewhere/b.txt", dir / "tree/c.txt");      // a linked file is

    const Found found = discover(dir, {dir / "tree"});
    CHECK(found.paths == std::vector<std::string>{"tree/a.txt", "tree/c.txt"});
    REQUIRE(found.problems.size() == 5);
    CHECK_THAT(found.problems[0], Catch::StartsWith("tree/dangling.jsonl: broken symlink"));
    CHECK_THAT(found.problems[1], Catch::StartsWith("tree/loop-a.txt: symlink loop"));
    CHECK_THAT(found.problems[2], Catch::StartsWith("tree/loop-b.txt: symlink loop"));
    CHECK_THAT(found.problems[3],
               Catch::StartsWith("tree/self: symlink loop: the folder links back to"));
    CHECK(found.problems[4] ==
          "tree/up: symlink loop: the folder links back to '..'; not followed");
}

TEST_CASE("missing inputs and symlink loops given by name are reported", "[indexer]") {
    TempDir dir;
    fs::create_symlink("x.txt", dir / "x.txt");
    const Found found = discover(dir, {dir / "missing.jsonl", dir / "x.txt"});
    CHECK(found.paths.empty());
    REQUIRE(found.reports.size() == 2);
    CHECK(found.reports[0] == dir / "missing.jsonl" + ": error: no such file or folder");
    CHECK_THAT(found.reports[1], Catch::StartsWith(dir / "x.txt" + ": error: symlink loop"));
}

TEST_CASE("The format and field-map options reach every input", "[indexer]") {
    using dateline::indexer::input_format_named;
    CHECK(input_format_named("auto") == InputFormat::detect);
    CHECK(input_format_named("sgml") == InputFormat::sgml);
    CHECK(input_format_named("frontmatter") == InputFormat::frontmatter);
    CHECK_FALSE(input_format_named("xml"));
    std::vector<InputFile> inputs(2);
    dateline::indexer::apply_input_options(inputs, "json", {"title=headline", "body=text"});
    for (const InputFile& input : inputs) {
        CHECK(input.format == InputFormat::json);
        REQUIRE(input.field_map);
        CHECK(input.field_map->input_name("title") == "headline");
        CHECK(input.field_map->input_name("body") == "text");
    }
    CHECK(inputs[0].field_map == inputs[1].field_map);
    dateline::indexer::apply_input_options(inputs, "auto", {});
    CHECK(inputs[0].format == InputFormat::detect);
    CHECK_FALSE(inputs[0].field_map);
}
