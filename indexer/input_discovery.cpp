#include "input_discovery.hpp"

#include <algorithm>
#include <filesystem>

#include "errors.hpp"

namespace dateline::indexer {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void walk_folder(const fs::path& root, std::vector<InputFile>& out,
                 const std::function<void(const std::string&)>& report) {
    std::vector<InputFile> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        report(located_message(root.string(), 0, "error", "cannot read folder: " + ec.message()));
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            report(located_message(it->path().string(), 0, "error", ec.message()));
            ec.clear();
            continue;
        }
        std::error_code status_ec;
        if (!it->is_regular_file(status_ec)) continue;
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        if (auto format = format_from_name(name)) found.push_back({it->path().string(), *format});
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::optional<InputFormat> format_from_name(const std::string& file_name) {
    const std::string name = lower(file_name);
    for (const char* suffix : {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}) {
        if (ends_with(name, suffix)) return InputFormat::jsonl;
    }
    if (ends_with(name, ".txt")) return InputFormat::text;
    return std::nullopt;
}

std::vector<InputFile> discover_inputs(const std::vector<std::string>& inputs,
                                       const std::function<void(const std::string&)>& report) {
    std::vector<InputFile> files;
    for (const std::string& input : inputs) {
        if (input == "-") {
            files.push_back({input, InputFormat::detect});
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            report(located_message(input, 0, "error", "no such file or folder"));
        } else if (fs::is_directory(status)) {
            walk_folder(input, files, report);
        } else if (fs::is_regular_file(status)) {
            files.push_back({input, format_from_name(input).value_or(InputFormat::detect)});
        } else {
            report(located_message(input, 0, "error", "not a regular file or folder"));
        }
    }
    return files;
}

}  // namespace dateline::indexer
