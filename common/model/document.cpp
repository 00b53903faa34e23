#include "document.hpp"

#include <tuple>

#include <nlohmann/json.hpp>

namespace dateline {

namespace {
auto fields(const PressRelease& r) {
    return std::tie(r.id, r.title, r.date, r.source, r.place, r.url, r.lang, r.body, r.topics);
}
}  // namespace

bool operator==(const PressRelease& a, const PressRelease& b) { return fields(a) == fields(b); }

void to_json(nlohmann::json& j, const PressRelease& r) {
    j = nlohmann::json{{"id", r.id},     {"title", r.title}, {"date", r.date},
                       {"source", r.source}, {"place", r.place}, {"url", r.url},
                       {"lang", r.lang}, {"body", r.body}};
    if (!r.topics.empty()) j["topics"] = r.topics;
}

void from_json(const nlohmann::json& j, PressRelease& r) {
    auto text = [&j](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    r.id = text("id");
    r.title = text("title");
    r.date = text("date");
    r.source = text("source");
    r.place = text("place");
    r.url = text("url");
    r.lang = text("lang");
    r.body = text("body");
    r.topics.clear();
    if (auto it = j.find("topics"); it != j.end() && it->is_array()) {
        for (const auto& topic : *it) {
            if (topic.is_string() && !topic.get_ref<const std::string&>().empty()) {
                r.topics.push_back(topic.get<std::string>());
            }
        }
    }
}

}  // namespace dateline
