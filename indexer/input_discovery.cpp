#include "input_discovery.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "errors.hpp"
#include "format_detect.hpp"

namespace dateline::indexer {

namespace fs = std::filesystem;

namespace {

InputFile problem_entry(const fs::path& path, const std::string& problem) {
    InputFile file;
    file.path = path.string();
    file.problem = problem;
    return file;
}

// True when the symlinked folder `link` resolves to `folder` (where it lives) or one of its
// ancestors: following it would walk the same tree forever.
bool links_back(const fs::path& link, const fs::path& folder) {
    std::error_code ec;
    const fs::path target = fs::canonical(link, ec);
    if (ec) return false;
    const fs::path here = fs::canonical(folder, ec);
    if (ec) return false;
    auto t = target.begin();
    auto h = here.begin();
    for (; t != target.end(); ++t, ++h) {
        if (h == here.end() || *t != *h) return false;
    }
    return true;
}

void walk_folder(const fs::path& folder, std::vector<InputFile>& out) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        out.push_back(problem_entry(folder, "cannot read folder: " + ec.message()));
        return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            out.push_back(problem_entry(folder, "cannot read folder: " + ec.message()));
            return;
        }
        const fs::path path = it->path();
        const std::string name = path.filename().string();
        if (name.empty() || name.front() == '.') continue;
        std::error_code link_ec;
        const bool is_link = it->is_symlink(link_ec);
        std::error_code status_ec;
        const fs::file_status status = fs::status(path, status_ec);
        if (status_ec) {
            if (status_ec.value() == ELOOP) {
                out.push_back(problem_entry(path, "symlink loop (" + status_ec.message() + ")"));
            } else if (is_link && is_indexable_name(name)) {
                out.push_back(problem_entry(path, "broken symlink (" + status_ec.message() + ")"));
            } else if (!is_link) {
                out.push_back(problem_entry(path, "cannot read: " + status_ec.message()));
            }
            continue;
        }
        if (fs::is_directory(status)) {
            if (!is_link) {
                walk_folder(path, out);
            } else if (links_back(path, folder)) {
                out.push_back(problem_entry(
                    path, "symlink loop: the folder links back to '" +
                              fs::read_symlink(path, link_ec).string() + "'; not followed"));
            }
            // Other symlinked folders are not followed either: their files would be indexed
            // twice under two paths.
        } else if (fs::is_regular_file(status) && is_indexable_name(name)) {
            InputFile file;
            file.path = path.string();
            out.push_back(std::move(file));
        }
    }
}

}  // namespace

const std::vector<std::string>& input_format_names() {
    static const std::vector<std::string> names = {"auto", "jsonl", "json", "text",
                                                   "html", "feed",  "sgml", "frontmatter"};
    return names;
}

std::optional<InputFormat> input_format_named(std::string_view name) {
    static constexpr InputFormat formats[] = {
        InputFormat::detect, InputFormat::jsonl, InputFormat::json, InputFormat::text,
        InputFormat::html,   InputFormat::feed,  InputFormat::sgml, InputFormat::frontmatter};
    const auto& names = input_format_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return formats[i];
    }
    return std::nullopt;
}

bool is_indexable_name(std::string_view file_name) {
    if (const std::size_t slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
        file_name.remove_prefix(slash + 1);
    }
    if (file_name.empty() || file_name.front() == '.') return false;
    return format_from_name(file_name).has_value() || has_container_suffix(file_name);
}

std::vector<InputFile> discover_inputs(const std::vector<std::string>& inputs,
                                       const std::function<void(const std::string&)>& report) {
    std::vector<InputFile> files;
    for (const std::string& input : inputs) {
        InputFile file;
        file.path = input;
        if (input == "-") {
            files.push_back(std::move(file));
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec && ec.value() == ELOOP) {
            report(located_message(input, 0, "error", "symlink loop (" + ec.message() + ")"));
        } else if (ec || !fs::exists(status)) {
            report(located_message(input, 0, "error", "no such file or folder"));
        } else if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            walk_folder(input, found);
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(status)) {
            files.push_back(std::move(file));
        } else {
            report(located_message(input, 0, "error", "not a regular file or folder"));
        }
    }
    return files;
}

void apply_input_options(std::vector<InputFile>& inputs, const std::string& format,
                         const std::vector<std::string>& map_specs) {
    const InputFormat forced = input_format_named(format).value_or(InputFormat::detect);
    std::shared_ptr<const FieldMap> map;
    if (!map_specs.empty()) {
        auto built = std::make_shared<FieldMap>();
        for (const std::string& spec : map_specs) built->add(spec);
        map = std::move(built);
    }
    for (InputFile& input : inputs) {
        input.format = forced;
        input.field_map = map;
    }
}

}  // namespace dateline::indexer
