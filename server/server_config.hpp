#pragma once
// Everything the server is told at start-up, from flags with DATELINE_* environment fallbacks.

#include <cstddef>
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

// Parses the command line (and DATELINE_* variables). Throws UsageError (exit 2) or
// HelpRequested (cli.hpp).
ServerConfig parse_args(int argc, const char* const argv[]);

// The web folder to serve when none is configured: next to the installed binary if present,
// else the source tree's web/.
std::string default_web_dir();

}  // namespace dateline::server
