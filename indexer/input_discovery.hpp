#pragma once
// From the command line's INPUT arguments to the list of files to read.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "field_map.hpp"

namespace dateline::indexer {

// What --format asks for: detect from the content, or read every input as one format.
enum class InputFormat { detect, jsonl, json, text, html, feed, sgml, frontmatter };

// The --format values, "auto" first.
const std::vector<std::string>& input_format_names();
// The InputFormat of a --format value; nullopt for an unknown one.
std::optional<InputFormat> input_format_named(std::string_view name);

struct InputFile {
    std::string path;  // as given or found; "-" for standard input
    InputFormat format = InputFormat::detect;
    // --map: the input's names for the release fields (JSON inputs); null: our own names.
    std::shared_ptr<const FieldMap> field_map;
    // Set when a folder walk found this entry but it cannot be read (a symlink loop, a folder
    // that cannot be listed): read_records reports it as a skipped file.
    std::string problem;
};

// True for the file names a folder walk (and the reading of an archive) picks up: the names
// format_from_name knows (.jsonl .ndjson .json .txt .text .md .markdown .html .htm .shtml
// .xhtml .xml .rss .atom .sgm .sgml, also compressed: .jsonl.gz ...) and containers (.gz .xz
// .bz2 .zst .lz4 .Z .zip .tar .tgz .tbz2 .txz), in any case; never hidden names (".x").
bool is_indexable_name(std::string_view file_name);

// Expands folders recursively, in sorted order, picking up the names is_indexable_name
// accepts and skipping hidden files and folders. Symlinked folders are not followed; one that
// points back into its own path (a loop) is listed with a problem, as are looping or dangling
// symlinks with an indexable name and folders that cannot be listed. Named files are taken
// whatever their name. `report` receives one "PATH: error: ..." line per argument that cannot
// be used (missing, not a file or folder); those are left out.
std::vector<InputFile> discover_inputs(const std::vector<std::string>& inputs,
                                       const std::function<void(const std::string&)>& report);

// Gives every input the --format and --map choices. `format` must be one of
// input_format_names() and each map spec valid (parse_args checked both).
void apply_input_options(std::vector<InputFile>& inputs, const std::string& format,
                         const std::vector<std::string>& map_specs);

}  // namespace dateline::indexer
