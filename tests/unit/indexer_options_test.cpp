#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli.hpp"
#include "errors.hpp"
#include "options.hpp"

using dateline::UsageError;
using dateline::HelpRequested;
using dateline::indexer::IndexerOptions;
using dateline::indexer::parse_args;

namespace {
IndexerOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "indexer");
    return parse_args(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("indexer options", "[indexer]") {
    SECTION("database and inputs") {
        const auto options = parse({"--db", "x.db", "a.jsonl", "folder", "-"});
        CHECK(options.db_path == "x.db");
        CHECK(options.inputs == std::vector<std::string>{"a.jsonl", "folder", "-"});
        CHECK(options.batch_size == 1000);
        CHECK_FALSE(options.strict);
    }
    SECTION("flags") {
        const auto options =
            parse({"--db", "x", "--strict", "--quiet", "--json", "--batch-size", "50", "f"});
        CHECK(options.strict);
        CHECK(options.quiet);
        CHECK(options.json_summary);
        CHECK(options.batch_size == 50);
    }
    SECTION("usage errors") {
        CHECK_THROWS_AS(parse({"a.jsonl"}), UsageError);
        CHECK_THROWS_AS(parse({"--db", "x"}), UsageError);
        CHECK_THROWS_AS(parse({"--db", "x", "--bogus", "f"}), UsageError);
        CHECK_THROWS_AS(parse({"--db", "x", "--format", "xml", "f"}), UsageError);
        CHECK_THROWS_AS(parse({"--db", "x", "--batch-size", "0", "f"}), UsageError);
    }
    SECTION("help and version") {
        CHECK_THROWS_WITH(parse({"--help"}), Catch::Contains("Exit status:"));
        CHECK_THROWS_AS(parse({"--version"}), HelpRequested);
    }
}
