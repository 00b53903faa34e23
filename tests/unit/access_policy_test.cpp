#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "access_policy.hpp"
#include "temp_dir.hpp"

using dateline::server::allowed_origin;
using dateline::server::bearer_accepted;
using dateline::server::static_file;

TEST_CASE("CORS: only origins on the allowlist, * only when listed", "[server]") {
    const std::vector<std::string> list{"https://intranet.example.org", "http://localhost:9000"};
    CHECK(allowed_origin(list, "https://intranet.example.org") == "https://intranet.example.org");
    CHECK(allowed_origin(list, "HTTPS://Intranet.Example.org") == "HTTPS://Intranet.Example.org");
    CHECK(allowed_origin(list, "http://localhost:9000") == "http://localhost:9000");
    CHECK_FALSE(allowed_origin(list, "http://localhost:9001"));
    CHECK_FALSE(allowed_origin(list, "https://intranet.example.org.evil.test"));
    CHECK_FALSE(allowed_origin(list, "null"));
    CHECK_FALSE(allowed_origin(list, ""));
    CHECK_FALSE(allowed_origin({}, "https://intranet.example.org"));
    CHECK(allowed_origin({"*"}, "https://anywhere.test") == "*");
}

TEST_CASE("bearer tokens: exact match of a listed key", "[server]") {
    const std::vector<std::string> keys{"k3y-0123456789abcdef", "second-key-0123456789"};
    CHECK(bearer_accepted(keys, "Bearer k3y-0123456789abcdef"));
    CHECK(bearer_accepted(keys, "bearer second-key-0123456789"));
    CHECK_FALSE(bearer_accepted(keys, "Bearer k3y-0123456789abcde"));
    CHECK_FALSE(bearer_accepted(keys, "Bearer k3y-0123456789abcdefX"));
    CHECK_FALSE(bearer_accepted(keys, "Basic k3y-0123456789abcdef"));
    CHECK_FALSE(bearer_accepted(keys, "k3y-0123456789abcdef"));
    CHECK_FALSE(bearer_accepted(keys, "Bearer "));
    CHECK_FALSE(bearer_accepted(keys, ""));
}

TEST_CASE("static files: only regular files inside the web folder, no dotfiles", "[server]") {
    namespace fs = std::filesystem;
    dateline::testing::TempDir dir;
    const fs::path web = dir.path() / "web";
    fs::create_directories(web / "js");
    std::ofstream(web / "index.html") << "<!doctype html>";
    std::ofstream(web / "js" / "app.js") << "export {};";
    std::ofstream(web / ".env") << "SECRET=1";
    std::ofstream(dir.path() / "outside.txt") << "not for the web";
    fs::create_symlink(dir.path() / "outside.txt", web / "escape.txt");
    fs::create_symlink(web / "js" / "app.js", web / "alias.js");
    const std::string root = web.string();

    CHECK(static_file(root, "") == fs::canonical(web / "index.html").string());
    CHECK(static_file(root, "index.html") == fs::canonical(web / "index.html").string());
    CHECK(static_file(root, "js/app.js") == fs::canonical(web / "js" / "app.js").string());
    CHECK(static_file(root, "alias.js") == fs::canonical(web / "js" / "app.js").string());
    CHECK_FALSE(static_file(root, "js/"));  // no index.html there
    CHECK_FALSE(static_file(root, ".env"));
    CHECK_FALSE(static_file(root, "js/.hidden"));
    CHECK_FALSE(static_file(root, "../outside.txt"));
    CHECK_FALSE(static_file(root, "js/../../outside.txt"));
    CHECK_FALSE(static_file(root, "js/../index.html"));
    CHECK_FALSE(static_file(root, "./index.html"));
    CHECK_FALSE(static_file(root, "js//app.js"));
    CHECK_FALSE(static_file(root, "/etc/passwd"));
    CHECK_FALSE(static_file(root, "escape.txt"));
    CHECK_FALSE(static_file(root, std::string("index.html\0.js", 14)));
    CHECK_FALSE(static_file(root, "js"));  // a folder
    CHECK_FALSE(static_file(root, "missing.css"));
}
