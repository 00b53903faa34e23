#include "server_config.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "cli.hpp"
#include "config_file.hpp"
#include "version.hpp"

namespace dateline::server {

namespace fs = std::filesystem;

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "/", or "/" followed by segments of letters, digits and . _ ~ -, each ending in "/".
bool valid_base_path(const std::string& path) {
    if (path.empty() || path.front() != '/' || path.back() != '/') return false;
    std::size_t start = 1;
    while (start < path.size()) {
        const std::size_t end = path.find('/', start);
        const std::string segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        for (char c : segment) {
            if (!is_name_char(c) && std::string_view("._~-").find(c) == std::string_view::npos) {
                return false;
            }
        }
        start = end + 1;
    }
    return true;
}

// host[:port] where port is 1-5 digits (or "*" when `wildcard_port`).
bool valid_host_port(std::string_view text, bool wildcard_port) {
    const std::size_t colon = text.find(':');
    const std::string_view host = text.substr(0, colon);
    if (host.empty()) return false;
    for (char c : host) {
        if (!is_name_char(c) && c != '.' && c != '-') return false;
    }
    if (colon == std::string_view::npos) return true;
    const std::string_view port = text.substr(colon + 1);
    if (wildcard_port && port == "*") return true;
    if (port.empty() || port.size() > 5) return false;
    for (char c : port) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// "http://" or "https://" removed from the front of `text`, or false.
bool strip_scheme(std::string_view& text) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (text.substr(0, scheme.size()) == scheme) {
            text.remove_prefix(scheme.size());
            return true;
        }
    }
    return false;
}

// scheme://host[:port], as browsers send in the Origin header; or "*".
bool valid_origin(const std::string& origin) {
    if (origin == "*") return true;
    std::string_view rest = origin;
    return strip_scheme(rest) && valid_host_port(rest, false);
}

// One source of a CSP frame-ancestors list.
bool valid_frame_source(const std::string& source) {
    if (source == "'self'" || source == "'none'" || source == "http:" || source == "https:") {
        return true;
    }
    std::string_view rest = source;
    if (!strip_scheme(rest)) return false;
    if (rest.substr(0, 2) == "*.") rest.remove_prefix(2);
    return valid_host_port(rest, true);
}

std::vector<std::string> split_spaces(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

void check_range(std::vector<std::string>& problems, const char* name, unsigned value,
                 unsigned low, unsigned high) {
    if (value < low || value > high) {
        problems.push_back(std::string(name) + ": must be from " + std::to_string(low) + " to " +
                           std::to_string(high));
    }
}

// Reads the bearer tokens, one per line; blank lines and lines starting with # are ignored.
std::vector<std::string> read_api_keys(const std::string& path, std::vector<std::string>& problems) {
    std::ifstream input(path);
    if (!input) {
        problems.push_back("--api-key-file: cannot read '" + path + "'");
        return {};
    }
    std::vector<std::string> keys;
    std::string line;
    for (std::size_t number = 1; std::getline(input, line); ++number) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const bool printable = std::all_of(line.begin(), line.end(), [](char c) {
            return c > ' ' && c < 0x7f;
        });
        if (!printable || line.size() < 16) {
            problems.push_back("--api-key-file: " + path + ":" + std::to_string(number) +
                               ": a key must be at least 16 printable characters without spaces");
            continue;
        }
        keys.push_back(line);
    }
    if (keys.empty() && problems.empty()) {
        problems.push_back("--api-key-file: '" + path + "' holds no key");
    }
    return keys;
}

}  // namespace

std::string normalize_base_path(std::string path) {
    if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
    if (path.back() != '/') path += '/';
    return path;
}

std::vector<std::string> ServerConfig::validate() const {
    std::vector<std::string> problems;
    if (databases.empty()) problems.push_back("--db: a database path is required");
    for (const auto& db : databases) {
        if (db.empty()) problems.push_back("--db: a database path must not be empty");
    }
    if (port < 0 || port > 65535) problems.push_back("--port: must be from 0 to 65535");
    check_range(problems, "--threads", threads, 1, 256);
    check_range(problems, "--max-connections", max_connections, 1, 100000);
    check_range(problems, "--read-timeout", read_timeout_seconds, 1, 300);
    check_range(problems, "--write-timeout", write_timeout_seconds, 1, 300);
    check_range(problems, "--keep-alive", keep_alive_seconds, 0, 300);
    check_range(problems, "--keep-alive-requests", keep_alive_requests, 1, 100000);
    check_range(problems, "--exact-counts-up-to", exact_counts_up_to, 0, 1000000000);
    std::error_code ec;
    if (!web_dir.empty() && !fs::is_regular_file(fs::path(web_dir) / "index.html", ec)) {
        problems.push_back("--web-dir: '" + web_dir + "' has no index.html");
    }
    if (!valid_base_path(base_path)) {
        problems.push_back("--base-path: '" + base_path +
                           "' must be a path like /search/ (letters, digits, . _ ~ - and /)");
    }
    for (const auto& origin : cors_origins) {
        if (!valid_origin(origin)) {
            problems.push_back("--cors-origin: '" + origin +
                               "' must be scheme://host[:port] (no path), or *");
        }
    }
    const auto sources = split_spaces(frame_ancestors);
    if (sources.empty()) problems.push_back("--frame-ancestors: must not be empty ('none' forbids framing)");
    for (const auto& source : sources) {
        if (!valid_frame_source(source)) {
            problems.push_back("--frame-ancestors: '" + source +
                               "' must be 'self', 'none', a scheme (https:) or an origin");
        } else if (source == "'none'" && sources.size() > 1) {
            problems.push_back("--frame-ancestors: 'none' cannot be combined with other sources");
        }
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
    std::string config_file;
    CLI::App app("Serve Dateline searches as JSON and the search page over HTTP.",
                 "dateline-server");
    app.set_version_flag("--version", std::string("dateline-server ") + dateline::version);
    app.footer(
        "Every option can also be set with the environment variable shown in brackets, or in\n"
        "the JSON file given with --config, whose keys are the option names without dashes:\n"
        "  {\"db\": [\"/srv/dateline/db\"], \"port\": 8080, \"cors-origin\": [\"https://intranet.example.org\"]}\n"
        "A flag wins over the environment, which wins over the file.\n\n"
        "Exit status: 0 after a clean shutdown (SIGINT/SIGTERM: requests in flight are\n"
        "answered first), 1 on a runtime failure (such as a port in use), 2 on a bad command\n"
        "line or configuration (every problem is listed).\n");
    app.add_option("--config", config_file, "JSON file with settings (see below)")
        ->envname("DATELINE_CONFIG")
        ->type_name("FILE");
    app.add_option("--db", config.databases,
                   "Database folder written by the indexer, or a Xapian stub file; repeat it\n"
                   "to search several shards as one (local or `remote` via xapian-tcpsrv)")
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
    app.add_option("--threads", config.threads,
                   "Worker threads, each with its own database handle")
        ->envname("DATELINE_THREADS")
        ->capture_default_str();
    app.add_option("--exact-counts-up-to", config.exact_counts_up_to,
                   "Facet counts and the total are exact up to this many matches; beyond,\n"
                   "they are estimated from a uniform sample of at least half this many\n"
                   "(marked as estimates in the response). 0: always count every match")
        ->envname("DATELINE_EXACT_COUNTS_UP_TO")
        ->capture_default_str();
    app.add_option("--log-level", log_level,
                   "error, warn, info or debug (only debug logs query text)")
        ->envname("DATELINE_LOG_LEVEL")
        ->check(CLI::IsMember({"error", "warn", "info", "debug"}))
        ->capture_default_str();
    app.add_option("--base-path", config.base_path,
                   "Path prefix of the page and the API, for a reverse proxy that forwards\n"
                   "a sub-path unchanged (e.g. /search/)")
        ->envname("DATELINE_BASE_PATH")
        ->capture_default_str();
    app.add_option("--cors-origin", config.cors_origins,
                   "Origin allowed to call the API from another site's page; repeat it or\n"
                   "separate with commas; * allows any origin. Default: none")
        ->envname("DATELINE_CORS_ORIGIN")
        ->delimiter(',')
        ->type_name("ORIGIN");
    app.add_option("--frame-ancestors", config.frame_ancestors,
                   "Who may show the page in a frame (CSP frame-ancestors): 'self', 'none',\n"
                   "or origins separated by spaces")
        ->envname("DATELINE_FRAME_ANCESTORS")
        ->capture_default_str();
    app.add_option("--api-key-file", config.api_key_file,
                   "File of bearer tokens (one per line) that /api/ and /metrics then require;\n"
                   "/api/health stays open. Default: no protection")
        ->envname("DATELINE_API_KEY_FILE")
        ->type_name("FILE");
    app.add_option("--max-connections", config.max_connections,
                   "Connections served or waiting at once; beyond it new ones get 503")
        ->envname("DATELINE_MAX_CONNECTIONS")
        ->capture_default_str();
    app.add_option("--read-timeout", config.read_timeout_seconds,
                   "Seconds a client may stay silent while sending a request")
        ->envname("DATELINE_READ_TIMEOUT")
        ->capture_default_str();
    app.add_option("--write-timeout", config.write_timeout_seconds,
                   "Seconds a client may take to accept a response")
        ->envname("DATELINE_WRITE_TIMEOUT")
        ->capture_default_str();
    app.add_option("--keep-alive", config.keep_alive_seconds,
                   "Seconds an idle connection is kept open (0: close after each request)")
        ->envname("DATELINE_KEEP_ALIVE")
        ->capture_default_str();
    app.add_option("--keep-alive-requests", config.keep_alive_requests,
                   "Requests served on one connection before it is closed")
        ->envname("DATELINE_KEEP_ALIVE_REQUESTS")
        ->capture_default_str();
    parse_command_line(app, argc, argv);

    std::vector<std::string> problems;
    if (!config_file.empty()) problems = apply_config_file(app, config_file);
    if (!log::parse_level(log_level, config.log_level)) {
        problems.push_back("--log-level: '" + log_level + "' must be error, warn, info or debug");
    }
    if (config.web_dir.empty()) config.web_dir = default_web_dir();
    config.base_path = normalize_base_path(config.base_path);
    if (!config.api_key_file.empty()) config.api_keys = read_api_keys(config.api_key_file, problems);
    for (auto& problem : config.validate()) problems.push_back(std::move(problem));
    if (!problems.empty()) {
        std::string message = "invalid configuration:";
        for (const auto& problem : problems) message += "\n  " + problem;
        throw UsageError(message);
    }
    return config;
}

}  // namespace dateline::server
