#include "config_file.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace dateline::server {

namespace {

using nlohmann::json;

// A JSON scalar as the text a flag would carry; nullopt-like empty vector for other types.
bool scalar_text(const json& value, std::string& text) {
    if (value.is_string()) {
        text = value.get<std::string>();
    } else if (value.is_boolean()) {
        text = value.get<bool>() ? "true" : "false";
    } else if (value.is_number_integer() || value.is_number_unsigned()) {
        text = value.dump();
    } else {
        return false;
    }
    return true;
}

}  // namespace

std::vector<std::string> apply_config_file(CLI::App& app, const std::string& path) {
    std::vector<std::string> problems;
    std::ifstream input(path);
    if (!input) return {"--config: cannot read '" + path + "'"};
    std::stringstream text;
    text << input.rdbuf();
    const json settings = json::parse(text.str(), nullptr, false);
    if (settings.is_discarded()) return {path + ": not valid JSON"};
    if (!settings.is_object()) return {path + ": must be a JSON object of settings"};

    for (const auto& [key, value] : settings.items()) {
        const std::string where = path + ": \"" + key + "\"";
        CLI::Option* option = key == "config" ? nullptr : app.get_option_no_throw("--" + key);
        if (option == nullptr) {
            problems.push_back(where + ": unknown setting (see --help for the names)");
            continue;
        }
        std::vector<std::string> inputs;
        std::string item;
        if (value.is_array()) {
            for (const json& element : value) {
                if (!scalar_text(element, item)) break;
                inputs.push_back(item);
            }
            if (inputs.size() != value.size()) {
                problems.push_back(where + ": the list may hold only strings and numbers");
                continue;
            }
        } else if (scalar_text(value, item)) {
            inputs.push_back(item);
        } else {
            problems.push_back(where + ": must be a string, a number, a boolean or a list");
            continue;
        }
        if (option->count() > 0) continue;  // a flag or the environment set it
        if (inputs.size() > 1 && option->get_items_expected_max() <= 1) {
            problems.push_back(where + ": takes one value, not a list");
            continue;
        }
        try {
            for (const std::string& one : inputs) option->add_result(one);
            option->run_callback();
        } catch (const CLI::Error& e) {
            problems.push_back(where + ": " + e.what());
        }
    }
    return problems;
}

}  // namespace dateline::server
