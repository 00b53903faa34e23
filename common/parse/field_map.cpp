#include "field_map.hpp"
#include "plain_text.hpp"

#include <algorithm>

namespace dateline {

namespace {

using plain_text::trim;

std::string field_list() {
    std::string list;
    for (const std::string& field : FieldMap::fields()) {
        if (!list.empty()) list += ", ";
        list += field;
    }
    return list;
}

}  // namespace

const std::vector<std::string>& FieldMap::fields() {
    static const std::vector<std::string> names = {"id",  "title", "date", "source", "place",
                                                   "url", "lang",  "body", "topics"};
    return names;
}

std::string FieldMap::add(std::string_view spec) {
    std::map<std::string, std::string> added;
    std::size_t start = 0;
    while (start <= spec.size()) {
        std::size_t comma = spec.find(',', start);
        if (comma == std::string_view::npos) comma = spec.size();
        const std::string_view pair = trim(spec.substr(start, comma - start));
        start = comma + 1;
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            return "--map expects FIELD=NAME pairs, got '" + std::string(pair) + "'";
        }
        const std::string field(trim(pair.substr(0, equals)));
        const std::string name(trim(pair.substr(equals + 1)));
        if (std::find(fields().begin(), fields().end(), field) == fields().end()) {
            return "--map: unknown field '" + field + "' (valid: " + field_list() + ")";
        }
        if (name.empty()) return "--map: no input field name for '" + field + "'";
        const auto existing = names_.find(field);
        const auto again = added.find(field);
        if ((existing != names_.end() && existing->second != name) ||
            (again != added.end() && again->second != name)) {
            return "--map: field '" + field + "' is mapped twice";
        }
        added[field] = name;
    }
    names_.insert(added.begin(), added.end());
    return {};
}

std::string FieldMap::input_name(const std::string& field) const {
    const auto it = names_.find(field);
    return it == names_.end() ? field : it->second;
}

}  // namespace dateline
