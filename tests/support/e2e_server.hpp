#pragma once
// Shared by the end-to-end tests: fixtures indexed with the indexer library, and the real
// server on 127.0.0.1 and a free port.

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http_server.hpp"
#include "log.hpp"
#include "run_indexer.hpp"
#include "temp_dir.hpp"

namespace dateline::testing {

using nlohmann::json;

inline const std::string wire_dir = std::string(TEST_DATA_DIR) + "/wire";
inline const std::string jsonl_file = std::string(TEST_DATA_DIR) + "/jsonl/releases.jsonl";
inline constexpr int fixture_documents = 21;  // 15 wire articles + 6 JSON Lines records

// `shards` > 0: a new database as that many shards (the indexer's --shards).
inline dateline::indexer::RunResult index_into(const std::string& db,
                                               std::vector<std::string> inputs,
                                               unsigned shards = 0) {
    dateline::indexer::IndexerOptions options;
    options.db_path = db;
    options.inputs = std::move(inputs);
    options.quiet = true;
    options.shards = shards;
    std::atomic<bool> stop{false};
    std::ostringstream out, err;
    return dateline::indexer::run_indexer(options, stop, out, err);
}

// The real server on 127.0.0.1 and a free port, stopped and joined on destruction.
class RunningServer {
public:
    explicit RunningServer(const std::string& db) : RunningServer(config_for(db)) {}
    explicit RunningServer(dateline::server::ServerConfig config) : server_(std::move(config)) {
        dateline::log::configure("dateline-server", dateline::log::Level::error, false);
        port_ = server_.bind();
        thread_ = std::thread([this] { server_.listen(); });
        // httplib 0.11.4: stop() is a no-op until the listen loop runs.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (!server_.is_running()) {
            thread_.join();  // listen() failed and returned
            FAIL("the server did not start listening");
        }
    }
    ~RunningServer() {
        server_.stop();
        thread_.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(10, 0);
        return c;
    }
    // GET, expecting a JSON body.
    std::pair<int, json> get_json(const std::string& path) const {
        auto res = client().Get(path.c_str());
        REQUIRE(res);
        INFO(res->body);
        REQUIRE(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
        return {res->status, json::parse(res->body)};
    }
    int port() const { return port_; }
    json search(const std::string& query_string) const {
        auto [status, body] = get_json("/api/search?" + query_string);
        INFO(body.dump());
        REQUIRE(status == 200);
        return body;
    }

    // The configuration the tests use unless they say otherwise.
    static dateline::server::ServerConfig config_for(const std::string& db) {
        dateline::server::ServerConfig config;
        config.databases = {db};
        config.port = 0;
        config.threads = 4;
        config.web_dir = dateline::server::default_web_dir();
        return config;
    }

private:
    dateline::server::HttpServer server_;
    int port_ = 0;
    std::thread thread_;
};

// Percent-encodes everything but RFC 3986 unreserved characters: for query-string values
// and path segments alike.
inline std::string url_encode(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                                byte == '_' || byte == '~';
        if (unreserved) {
            out += ch;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned>(byte));
            out += hex;
        }
    }
    return out;
}

inline std::string file_id(const std::string& name) { return "file:" + wire_dir + "/" + name; }

inline std::vector<std::string> ids_of(const json& body) {
    std::vector<std::string> ids;
    for (const auto& hit : body["hits"]) ids.push_back(hit["id"].get<std::string>());
    return ids;
}

inline bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

struct IndexedFixtures {
    IndexedFixtures() {
        const auto result = index_into(db, {wire_dir, jsonl_file});
        REQUIRE(result.exit_code == 0);
        REQUIRE(result.counts.documents == fixture_documents);
    }
    TempDir dir;
    std::string db = dir / "db";
};

// The bundled DOJ sample (data/sample/), with any `extra` inputs, indexed as one database and
// as two shards.
inline const std::string sample_file =
    std::string(SAMPLE_DATA_DIR) + "/doj_press_releases_sample.jsonl.gz";
inline constexpr unsigned sample_documents = 2000;

struct SampleLayouts {
    explicit SampleLayouts(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> inputs{sample_file};
        inputs.insert(inputs.end(), extra.begin(), extra.end());
        const auto single_run = index_into(single, inputs);
        const auto sharded_run = index_into(sharded, inputs, 2);
        ok = single_run.exit_code == 0 && sharded_run.exit_code == 0 &&
             single_run.counts.documents == sharded_run.counts.documents &&
             single_run.counts.documents >= sample_documents;
    }
    TempDir dir;
    std::string single = dir / "single";
    std::string sharded = dir / "sharded";
    bool ok = false;
};

// The sample alone, indexed once for the process (a few seconds).
inline SampleLayouts& sample_layouts() {
    static SampleLayouts instance;
    REQUIRE(instance.ok);
    return instance;
}

}  // namespace dateline::testing
