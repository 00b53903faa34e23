#pragma once
// Everything the server is told at start-up: flags, DATELINE_* environment variables and an
// optional JSON config file, in that order of precedence.

#include <cstddef>
#include <string>
#include <vector>

#include "log.hpp"

namespace dateline::server {

struct ServerConfig {
    // One database, or several shards searched as one: database folders, Xapian stub files
    // (`auto /path`, `remote host:port`), or symlinks to either.
    std::vector<std::string> databases;
    std::string bind_address = "127.0.0.1";
    int port = 8080;              // 0: any free port (printed at start-up)
    std::string web_dir;          // empty: the installed page, else the source tree's web/
    unsigned threads = 8;         // worker threads, each with its own database handle
    log::Level log_level = log::Level::info;
    // Facets and totals are counted over every match up to this many, beyond over a sample
    // (SearchService); 0: always every match.
    unsigned exact_counts_up_to = 10000;

    // Embedding and reverse proxies.
    std::string base_path = "/";             // where the page and the API live, e.g. "/search/"
    std::vector<std::string> cors_origins;   // origins allowed to call the API; "*" for any
    std::string frame_ancestors = "'self'";  // CSP frame-ancestors: who may frame the page

    // Protection and limits.
    std::string api_key_file;     // bearer tokens for /api/ and /metrics, one per line
    std::vector<std::string> api_keys;  // read from api_key_file at start-up
    unsigned max_connections = 256;     // connections queued or served at once; more get 503
    unsigned read_timeout_seconds = 5;
    unsigned write_timeout_seconds = 5;
    unsigned keep_alive_seconds = 2;
    unsigned keep_alive_requests = 100;

    // Every problem with the configuration, one message each; empty when it is usable.
    std::vector<std::string> validate() const;
};

// Parses the command line, DATELINE_* variables and the --config file. Throws UsageError
// (exit 2) listing every problem found, or HelpRequested (cli.hpp).
ServerConfig parse_args(int argc, const char* const argv[]);

// The web folder to serve when none is configured: next to the installed binary if present,
// else the source tree's web/.
std::string default_web_dir();

// "/search" → "/search/"; "" → "/". Leaves invalid paths for validate() to report.
std::string normalize_base_path(std::string path);

}  // namespace dateline::server
