// The HTTP policies of the real server on a loopback port: base path, CORS, bearer tokens,
// static files, framing policy and /metrics.

#include <filesystem>
#include <fstream>

#include "e2e_server.hpp"

using namespace dateline::testing;
using dateline::server::ServerConfig;

namespace {

ServerConfig config_with(const std::string& db, void (*adjust)(ServerConfig&)) {
    ServerConfig config = RunningServer::config_for(db);
    adjust(config);
    return config;
}

}  // namespace

TEST_CASE("base path: page and API live under it, nothing outside", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(config_with(fixtures.db, [](ServerConfig& c) { c.base_path = "/search/"; }));
    auto client = server.client();

    auto page = client.Get("/search/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    auto search = client.Get("/search/api/search?q=harbour");
    REQUIRE(search);
    CHECK(search->status == 200);
    CHECK(json::parse(search->body)["total"].get<int>() > 0);

    auto bare = client.Get("/search");
    REQUIRE(bare);
    CHECK(bare->status == 308);
    CHECK(bare->get_header_value("Location") == "/search/");

    for (const char* outside : {"/", "/api/search?q=harbour", "/index.html", "/searchx/"}) {
        INFO(outside);
        auto res = client.Get(outside);
        REQUIRE(res);
        CHECK(res->status == 404);
    }
}

TEST_CASE("CORS: allowed origins may read, others are refused", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(config_with(fixtures.db, [](ServerConfig& c) {
        c.cors_origins = {"http://intranet.example.test"};
    }));
    auto client = server.client();

    auto allowed = client.Get("/api/search?q=harbour", {{"Origin", "http://intranet.example.test"}});
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "http://intranet.example.test");
    CHECK(allowed->get_header_value("Vary") == "Origin");

    auto other = client.Get("/api/search?q=harbour", {{"Origin", "http://elsewhere.example.test"}});
    REQUIRE(other);
    CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));

    // The page's files load anywhere (embed.js is a module script, fetched with CORS); the
    // allowlisted origin is still named, so caches keep the two apart.
    auto page_elsewhere = client.Get("/index.html", {{"Origin", "http://elsewhere.example.test"}});
    REQUIRE(page_elsewhere);
    CHECK(page_elsewhere->status == 200);
    CHECK(page_elsewhere->get_header_value("Access-Control-Allow-Origin") == "*");
    auto page_allowed = client.Get("/index.html", {{"Origin", "http://intranet.example.test"}});
    REQUIRE(page_allowed);
    CHECK(page_allowed->get_header_value("Access-Control-Allow-Origin") == "http://intranet.example.test");
    for (const char* api : {"/api/doc/nothing-here", "/api/stats", "/metrics", "/api/unknown"}) {
        INFO(api);
        auto refused_api = client.Get(api, {{"Origin", "http://elsewhere.example.test"}});
        REQUIRE(refused_api);
        CHECK_FALSE(refused_api->has_header("Access-Control-Allow-Origin"));
    }

    auto preflight = client.Options("/api/search", {{"Origin", "http://intranet.example.test"},
                                                    {"Access-Control-Request-Method", "GET"},
                                                    {"Access-Control-Request-Headers", "authorization"}});
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "http://intranet.example.test");
    CHECK(preflight->get_header_value("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS");

    auto refused = client.Options("/api/search", {{"Origin", "http://elsewhere.example.test"},
                                                  {"Access-Control-Request-Method", "GET"}});
    REQUIRE(refused);
    CHECK(refused->status == 403);
    CHECK(json::parse(refused->body)["error"]["code"] == "origin_not_allowed");

    auto post_preflight = client.Options("/api/search", {{"Origin", "http://intranet.example.test"},
                                                         {"Access-Control-Request-Method", "POST"}});
    REQUIRE(post_preflight);
    CHECK(post_preflight->status == 403);
}

TEST_CASE("CORS: no origin is allowed unless configured", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto res = server.client().Get("/api/search?q=harbour", {{"Origin", "http://intranet.example.test"}});
    REQUIRE(res);
    CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("bearer tokens protect the API and metrics, not health or the page", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(config_with(fixtures.db, [](ServerConfig& c) {
        c.api_keys = {"0123456789abcdef-test-key"};
    }));
    auto client = server.client();

    auto anonymous = client.Get("/api/search?q=harbour");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(anonymous->get_header_value("WWW-Authenticate").rfind("Bearer", 0) == 0);
    auto wrong = client.Get("/api/search?q=harbour", {{"Authorization", "Bearer wrong-key-0123456789"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto right = client.Get("/api/search?q=harbour",
                            {{"Authorization", "Bearer 0123456789abcdef-test-key"}});
    REQUIRE(right);
    CHECK(right->status == 200);
    auto metrics = client.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->status == 401);

    auto health = client.Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
}

TEST_CASE("static files: no dotfiles, no symlink escape, no traversal", "[e2e][policies]") {
    namespace fs = std::filesystem;
    IndexedFixtures fixtures;
    TempDir dir;
    const fs::path web = dir.path() / "web";
    fs::create_directories(web);
    std::ofstream(web / "index.html") << "<!doctype html><title>t</title>";
    std::ofstream(web / ".htpasswd") << "admin:secret";
    std::ofstream(dir.path() / "secret.txt") << "outside";
    fs::create_symlink(dir.path() / "secret.txt", web / "link.txt");
    const std::string web_dir = web.string();
    ServerConfig config = RunningServer::config_for(fixtures.db);
    config.web_dir = web_dir;
    RunningServer server(config);
    auto client = server.client();

    auto index = client.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->body.find("<title>t</title>") != std::string::npos);
    for (const char* path : {"/.htpasswd", "/link.txt", "/../secret.txt", "/%2e%2e/secret.txt",
                             "/%2E%2E%2Fsecret.txt", "/index.html%00.js", "/.%2e/secret.txt"}) {
        INFO(path);
        auto res = client.Get(path);
        REQUIRE(res);
        CHECK((res->status == 404 || res->status == 400));
        CHECK(res->body.find("outside") == std::string::npos);
        CHECK(res->body.find("admin") == std::string::npos);
    }
}

TEST_CASE("framing policy comes from the configuration", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(config_with(fixtures.db, [](ServerConfig& c) {
        c.frame_ancestors = "'self' https://intranet.example.test";
    }));
    auto res = server.client().Get("/");
    REQUIRE(res);
    const std::string csp = res->get_header_value("Content-Security-Policy");
    CHECK_THAT(csp, Catch::EndsWith("frame-ancestors 'self' https://intranet.example.test"));
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
}

TEST_CASE("metrics: requests by route and status, latency, index figures", "[e2e][policies]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto client = server.client();
    for (int i = 0; i < 3; ++i) REQUIRE(client.Get("/api/search?q=harbour"));
    REQUIRE(client.Get("/api/search?size=0"));  // 400
    REQUIRE(client.Get("/definitely/not/here"));
    REQUIRE(client.Get("/api/../../etc/passwd"));
    // Each request is counted once its response has been written, just after the client
    // has read it.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    auto res = client.Get("/metrics");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    const std::string& text = res->body;
    INFO(text);
    CHECK_THAT(text, Catch::Contains("dateline_http_requests_total{route=\"search\",status=\"200\"} 3"));
    CHECK_THAT(text, Catch::Contains("dateline_http_requests_total{route=\"search\",status=\"400\"} 1"));
    CHECK_THAT(text, Catch::Contains("dateline_http_request_duration_seconds_count{route=\"search\"} 4"));
    CHECK_THAT(text, Catch::Contains("dateline_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 4"));
    CHECK_THAT(text, Catch::Contains("dateline_index_documents " + std::to_string(fixture_documents)));
    CHECK_THAT(text, Catch::Contains("dateline_index_available 1"));
    CHECK_THAT(text, Catch::Contains("dateline_http_requests_in_flight 1"));  // this request
    CHECK(text.find("etc/passwd") == std::string::npos);
    CHECK(text.find("harbour") == std::string::npos);
}
