#include "server_config.hpp"

#include <filesystem>

#include "cli.hpp"
#include "version.hpp"

namespace dateline::server {

namespace fs = std::filesystem;

std::vector<std::string> ServerConfig::validate() const {
    std::vector<std::string> problems;
    if (db_path.empty()) problems.push_back("--db: a database path is required");
    if (port < 0 || port > 65535) problems.push_back("--port: must be from 0 to 65535");
    if (threads < 1 || threads > 256) problems.push_back("--threads: must be from 1 to 256");
    std::error_code ec;
    if (!web_dir.empty() && !fs::is_regular_file(fs::path(web_dir) / "index.html", ec)) {
        problems.push_back("--web-dir: '" + web_dir + "' has no index.html");
    }
    return problems;
}

std::string default_web_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / installed_web_subdir;
        if (fs::is_regular_file(installed / "index.html", ec)) return installed.string();
    }
    return source_web_dir;
}

ServerConfig parse_args(int argc, const char* const argv[]) {
    ServerConfig config;
    std::string log_level = "info";
    CLI::App app("Serve Dateline searches as JSON and the search page over HTTP.",
                 "dateline-server");
    app.set_version_flag("--version", std::string("dateline-server ") + dateline::version);
    app.footer(
        "Every option can also be set with an environment variable (shown in brackets);\n"
        "a flag given on the command line wins.\n\n"
        "Exit status: 0 after a clean shutdown (SIGINT/SIGTERM), 1 on a runtime failure\n"
        "(such as a port in use), 2 on a bad command line or configuration.\n");
    app.add_option("--db", config.db_path, "Database folder written by the indexer")
        ->envname("DATELINE_DB")
        ->type_name("PATH");
    app.add_option("--bind", config.bind_address,
                   "Address to listen on; 0.0.0.0 exposes the server to the network")
        ->envname("DATELINE_BIND")
        ->capture_default_str();
    app.add_option("--port", config.port, "TCP port; 0 picks a free one")
        ->envname("DATELINE_PORT")
        ->capture_default_str();
    app.add_option("--web-dir", config.web_dir, "Folder with the search page")
        ->envname("DATELINE_WEB_DIR")
        ->type_name("DIR")
        ->default_str("the installed page");
    app.add_option("--threads", config.threads, "Worker threads")
        ->envname("DATELINE_THREADS")
        ->capture_default_str();
    app.add_option("--log-level", log_level, "error, warn, info or debug (debug logs queries)")
        ->envname("DATELINE_LOG_LEVEL")
        ->check(CLI::IsMember({"error", "warn", "info", "debug"}))
        ->capture_default_str();
    parse_command_line(app, argc, argv);
    log::parse_level(log_level, config.log_level);
    if (config.web_dir.empty()) config.web_dir = default_web_dir();
    const auto problems = config.validate();
    if (!problems.empty()) {
        std::string message = "invalid configuration:";
        for (const auto& problem : problems) message += "\n  " + problem;
        throw UsageError(message);
    }
    return config;
}

}  // namespace dateline::server
