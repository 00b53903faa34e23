#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "cli.hpp"
#include "search_service.hpp"
#include "server_config.hpp"
#include "temp_dir.hpp"

using dateline::server::ServerConfig;
using dateline::server::parse_args;

namespace {

ServerConfig parse(std::vector<std::string> args) {
    args.insert(args.begin(), "dateline-server");
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    return parse_args(static_cast<int>(argv.size()), argv.data());
}

std::string usage_error(std::vector<std::string> args) {
    try {
        parse(std::move(args));
    } catch (const dateline::UsageError& e) {
        return e.what();
    }
    FAIL("no usage error");
    return {};
}

// Sets an environment variable for the life of the object.
struct ScopedEnv {
    ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(name_); }
    const char* name_;
};

}  // namespace

TEST_CASE("server config: defaults are safe", "[server][config]") {
    const auto config = parse({"--db", "x.db"});
    CHECK(config.databases == std::vector<std::string>{"x.db"});
    CHECK(config.bind_address == "127.0.0.1");
    CHECK(config.base_path == "/");
    CHECK(config.cors_origins.empty());
    CHECK(config.frame_ancestors == "'self'");
    CHECK(config.api_keys.empty());
}

TEST_CASE("server config: shards, base path and origins from flags", "[server][config]") {
    const auto config = parse({"--db", "a", "--db", "b.stub", "--base-path", "search",
                               "--cors-origin", "https://one.example,https://two.example:8443"});
    CHECK(config.databases == std::vector<std::string>{"a", "b.stub"});
    CHECK(config.base_path == "/search/");
    CHECK(config.cors_origins ==
          std::vector<std::string>{"https://one.example", "https://two.example:8443"});
}

TEST_CASE("server config: how far counts are exact", "[server][config]") {
    CHECK(parse({"--db", "x.db"}).exact_counts_up_to ==
          dateline::server::default_exact_counts_up_to);
    CHECK(parse({"--db", "x.db", "--exact-counts-up-to", "0"}).exact_counts_up_to == 0);
    {
        ScopedEnv env("DATELINE_EXACT_COUNTS_UP_TO", "50000");
        CHECK(parse({"--db", "x.db"}).exact_counts_up_to == 50000);
    }
    CHECK_THAT(usage_error({"--db", "x.db", "--exact-counts-up-to", "many"}),
               Catch::Contains("--exact-counts-up-to"));
}

TEST_CASE("server config: flag beats environment beats file", "[server][config]") {
    dateline::testing::TempDir dir;
    const std::string file = dir / "dateline.json";
    std::ofstream(file) << R"({"db": ["from-file.db"], "port": 9100, "threads": 3,
                             "cors-origin": ["https://file.example"], "log-level": "warn"})";
    const ScopedEnv port("DATELINE_PORT", "9200");
    const auto config = parse({"--config", file, "--threads", "5"});
    CHECK(config.databases == std::vector<std::string>{"from-file.db"});
    CHECK(config.port == 9200);
    CHECK(config.threads == 5);
    CHECK(config.cors_origins == std::vector<std::string>{"https://file.example"});
    CHECK(config.log_level == dateline::log::Level::warn);
}

TEST_CASE("server config: every problem is reported at once", "[server][config]") {
    dateline::testing::TempDir dir;
    const std::string file = dir / "bad.json";
    std::ofstream(file) << R"({"db": "x.db", "colour": "blue", "port": "eighty",
                             "threads": 0, "cors-origin": ["https://ok.example/path"],
                             "frame-ancestors": "'none' https://a.example",
                             "base-path": "/a/../b/", "log-level": "loud"})";
    const std::string message = usage_error({"--config", file});
    CHECK_THAT(message, Catch::Contains("\"colour\": unknown setting"));
    CHECK_THAT(message, Catch::Contains("\"port\""));
    CHECK_THAT(message, Catch::Contains("\"log-level\""));
    CHECK_THAT(message, Catch::Contains("--threads: must be from 1 to 256"));
    CHECK_THAT(message, Catch::Contains("--cors-origin: 'https://ok.example/path'"));
    CHECK_THAT(message, Catch::Contains("'none' cannot be combined"));
    CHECK_THAT(message, Catch::Contains("--base-path: '/a/../b/'"));
}

TEST_CASE("server config: unreadable and malformed config files", "[server][config]") {
    dateline::testing::TempDir dir;
    CHECK_THAT(usage_error({"--config", dir / "missing.json"}), Catch::Contains("cannot read"));
    std::ofstream(dir / "broken.json") << "{\"db\": ";
    CHECK_THAT(usage_error({"--config", dir / "broken.json"}), Catch::Contains("not valid JSON"));
    std::ofstream(dir / "list.json") << "[1, 2]";
    CHECK_THAT(usage_error({"--config", dir / "list.json"}), Catch::Contains("JSON object"));
    std::ofstream(dir / "nested.json") << R"({"db": "x", "port": {"value": 1}})";
    CHECK_THAT(usage_error({"--config", dir / "nested.json"}), Catch::Contains("\"port\": must be"));
}

TEST_CASE("server config: API keys are read and checked", "[server][config]") {
    dateline::testing::TempDir dir;
    std::ofstream(dir / "keys") << "# one per line\n0123456789abcdef-key\n\nsecond-key-0123456789\n";
    const auto config = parse({"--db", "x", "--api-key-file", dir / "keys"});
    CHECK(config.api_keys ==
          std::vector<std::string>{"0123456789abcdef-key", "second-key-0123456789"});
    std::ofstream(dir / "short") << "tooshort\n";
    CHECK_THAT(usage_error({"--db", "x", "--api-key-file", dir / "short"}),
               Catch::Contains("at least 16"));
    std::ofstream(dir / "empty") << "\n# nothing\n";
    CHECK_THAT(usage_error({"--db", "x", "--api-key-file", dir / "empty"}),
               Catch::Contains("holds no key"));
}

TEST_CASE("server config: a database is required", "[server][config]") {
    CHECK_THAT(usage_error({"--port", "8080"}), Catch::Contains("--db: a database path is required"));
}
