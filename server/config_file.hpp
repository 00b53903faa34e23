#pragma once
// The optional JSON config file: an object whose keys are the long option names without
// dashes ({"port": 8080, "cors-origin": ["https://intranet.example.org"]}). A setting given
// as a flag or an environment variable wins over the file.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dateline::server {

// Applies the file's settings to the options of `app` that were not set by a flag or the
// environment. Returns every problem found (unreadable file, invalid JSON, unknown keys,
// values of the wrong type), each naming the file and the key.
std::vector<std::string> apply_config_file(CLI::App& app, const std::string& path);

}  // namespace dateline::server
