#pragma once
// Everything the server is told at start-up, from flags with DATELINE_* environment fallbacks.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "log.hpp"

namespace dateline::server {

struct ServerConfig {
    std::string db_path;
    std::string bind_address = "127.0.0.1";
    int port = 8080;              // 0: any free port (printed at start-up)
    std::string web_dir;          // empty: the installed page, else the source tree's web/
    unsigned threads = 8;         // worker threads, each with its own database handle
    log::Level log_level = log::Level::info;

    // Every problem with the configuration, one message each; empty when it is usable.
    std::vector<std::string> validate() const;
};

// Thrown for --help and --version: the text goes to stdout and the program exits 0.
struct HelpRequested : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses the command line (and DATELINE_* variables). Throws UsageError (exit 2) or
// HelpRequested.
ServerConfig parse_args(int argc, const char* const argv[]);

// The web folder to serve when none is configured: next to the installed binary if present,
// else the source tree's web/.
std::string default_web_dir();

}  // namespace dateline::server
