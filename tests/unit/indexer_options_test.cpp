#include <catch2/catch.hpp>

#include <cmath>
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
    SECTION("maintenance and waiting") {
        const auto plain = parse({"--db", "x", "f"});
        CHECK(plain.delete_ids.empty());
        CHECK_FALSE(plain.prune);
        CHECK_FALSE(plain.wait_seconds.has_value());

        const auto removal = parse({"--db", "x", "--delete", "a", "b", "--delete", "c"});
        CHECK(removal.delete_ids == std::vector<std::string>{"a", "b", "c"});
        CHECK(removal.inputs.empty());
        const auto mixed = parse({"--db", "x", "folder", "--prune", "--delete", "a"});
        CHECK(mixed.delete_ids == std::vector<std::string>{"a"});
        CHECK(mixed.inputs == std::vector<std::string>{"folder"});
        CHECK(mixed.prune);

        const auto forever = parse({"--db", "x", "--wait", "f"});
        REQUIRE(forever.wait_seconds.has_value());
        CHECK(std::isinf(*forever.wait_seconds));
        const auto limited = parse({"--db", "x", "--wait=30", "f"});
        CHECK(limited.wait_seconds == 30.0);

        CHECK_THROWS_WITH(parse({"--db", "x", "--prune"}), Catch::Contains("--prune needs"));
        CHECK_THROWS_WITH(parse({"--db", "x", "--wait=soon", "f"}),
                          Catch::Contains("--wait=soon: expected a whole number of seconds"));
        CHECK_THROWS_AS(parse({"--db", "x", "--wait=-1", "f"}), UsageError);
        CHECK_THROWS_WITH(parse({"--db", "x", "--wait", "30", "f"}),
                          Catch::Contains("--wait=30, not --wait 30"));
    }
    SECTION("help and version") {
        CHECK_THROWS_WITH(parse({"--help"}), Catch::Contains("Exit status:"));
        CHECK_THROWS_AS(parse({"--version"}), HelpRequested);
    }
}

TEST_CASE("indexer --format and --map", "[indexer]") {
    SECTION("every documented format") {
        for (const char* format :
             {"auto", "jsonl", "json", "text", "html", "feed", "sgml", "frontmatter"}) {
            CHECK(parse({"--db", "x", "--format", format, "f"}).format == format);
        }
        CHECK(parse({"--db", "x", "f"}).format == "auto");
        CHECK_THROWS_WITH(parse({"--db", "x", "--format", "pdf", "f"}),
                          Catch::Contains("--format"));
    }
    SECTION("the field map is repeatable and takes one spec each time") {
        const auto options =
            parse({"--db", "x", "--map", "title=headline,body=text", "a.json", "--map",
                   "date=published", "b.json"});
        CHECK(options.field_map ==
              std::vector<std::string>{"title=headline,body=text", "date=published"});
        CHECK(options.inputs == std::vector<std::string>{"a.json", "b.json"});
        CHECK(parse({"--db", "x", "--map=source=meta.agency", "f"}).field_map ==
              std::vector<std::string>{"source=meta.agency"});
    }
    SECTION("a bad --map is a usage error naming the valid fields") {
        CHECK_THROWS_WITH(parse({"--db", "x", "--map", "headline=title", "f"}),
                          Catch::Contains("unknown field 'headline'") &&
                              Catch::Contains("valid: id, title, date"));
        CHECK_THROWS_AS(parse({"--db", "x", "--map", "title", "f"}), UsageError);
        CHECK_THROWS_AS(parse({"--db", "x", "--map", "title=a", "--map", "title=b", "f"}),
                        UsageError);
    }
    SECTION("the help lists the inputs read") {
        CHECK_THROWS_WITH(parse({"--help"}), Catch::Contains("Inputs:") &&
                                                 Catch::Contains("archive.zip!path/inside") &&
                                                 Catch::Contains("--map title=headline"));
    }
}
