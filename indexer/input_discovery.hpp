#pragma once
// From the command line's INPUT arguments to the list of files to read.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dateline::indexer {

enum class InputFormat { detect, jsonl, text };

struct InputFile {
    std::string path;  // as given or found; "-" for standard input
    InputFormat format = InputFormat::detect;
};

// The format a file name implies inside a folder walk: .jsonl/.ndjson (optionally .gz) are
// JSON Lines, .txt is wire text; nullopt for files a folder walk does not index.
std::optional<InputFormat> format_from_name(const std::string& file_name);

// Expands folders recursively (in sorted order, without following symlinked folders, so a
// symlink loop cannot trap the walk). Named files are taken whatever their extension, with
// their format detected from the content unless the name says it. `report` receives one
// "PATH: error: ..." line per input that cannot be used; those inputs are left out.
std::vector<InputFile> discover_inputs(const std::vector<std::string>& inputs,
                                       const std::function<void(const std::string&)>& report);

}  // namespace dateline::indexer
