#pragma once
// The press release as every part of Dateline sees it.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace dateline {

struct PressRelease {
    std::string id;      // stable unique id; may be empty until assign_id() runs
    std::string title;
    std::string date;    // ISO 8601 (dates.hpp): "YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ" (UTC) or
                         // "YYYY-MM-DDThh:mm:ss" (local time, zone unknown); empty if unknown
    std::string source;  // issuer: agency, ministry, office
    std::string place;   // dateline place, e.g. "BEIJING"; empty if none
    std::string url;
    std::string lang;    // ISO 639-1 code, e.g. "en"; empty if unknown
    std::string body;    // plain text, paragraphs separated by a blank line
    std::vector<std::string> topics;  // subject keywords: Reuters topics, feed categories, tags
};

bool operator==(const PressRelease& a, const PressRelease& b);

void to_json(nlohmann::json& j, const PressRelease& r);
void from_json(const nlohmann::json& j, PressRelease& r);

}  // namespace dateline
