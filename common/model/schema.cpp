#include "schema.hpp"

#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace dateline::schema {

std::string hash_hex(std::string_view text) {
    // FNV-1a, 64 bit: stable across platforms and releases, which std::hash is not.
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[hash & 0xF];
        hash >>= 4;
    }
    return out;
}

std::string id_term(std::string_view id) {
    std::string term = prefix_id;
    if (term.size() + id.size() <= max_term_bytes) {
        term += id;
    } else {
        term += "#";
        term += hash_hex(id);
    }
    return term;
}

std::string filter_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    bool pending_space = false;
    for (unsigned char c : value) {
        if (std::isspace(c)) {
            pending_space = term.size() > prefix.size();
            continue;
        }
        if (pending_space) term += ' ';
        pending_space = false;
        term += static_cast<char>(std::tolower(c));
    }
    if (term.size() > max_term_bytes) {
        term = std::string(prefix) + "#" + hash_hex(term);
    }
    return term;
}

namespace {
// Empty for releases without topics, so their fingerprints are what they always were.
std::string topics_text(const std::vector<std::string>& topics, const std::string& sep) {
    std::string text;
    for (const std::string& topic : topics) text += sep + topic;
    return text;
}
}  // namespace

std::string fingerprint(const PressRelease& release) {
    // A separator that cannot occur in UTF-8 text keeps fields from running into each other.
    const std::string sep = "\xff";
    return hash_hex(release.id + sep + release.title + sep + release.date + sep +
                    release.source + sep + release.place + sep + release.url + sep +
                    release.lang + sep + release.body + topics_text(release.topics, sep));
}

std::string body_hash(std::string_view body) {
    std::string folded;
    folded.reserve(body.size());
    bool pending_space = false;
    for (unsigned char c : body) {
        if (std::isspace(c)) {
            pending_space = !folded.empty();
            continue;
        }
        if (pending_space) folded += ' ';
        pending_space = false;
        folded += static_cast<char>(std::tolower(c));
    }
    return folded.empty() ? std::string() : hash_hex(folded);
}

int sample_level(std::string_view hash_hex_digits) {
    std::uint64_t hash = 0;
    for (char c : hash_hex_digits) {
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : (c >= 'a' && c <= 'f')                     ? c - 'a' + 10
                                                                       : 0;
        hash = (hash << 4) | static_cast<std::uint64_t>(digit);
    }
    // FNV-1a's low bits are weakly mixed (bit 0 is the parity of the input's low bits, the same
    // for any reordering of the text): MurmurHash3's finaliser spreads every bit into them.
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    int level = 0;
    while (level < max_sample_level && (hash & 1U) == 0) {
        ++level;
        hash >>= 1;
    }
    return level;
}

std::string sample_term(int level) { return prefix_sample + std::to_string(level); }

void assign_id(PressRelease& release) {
    if (!release.id.empty()) return;
    if (!release.url.empty()) {
        release.id = release.url;
        return;
    }
    const std::string sep = "\xff";
    release.id = "sha-" + hash_hex(release.title + sep + release.date + sep + release.body);
}

std::string encode_data(const PressRelease& release) {
    nlohmann::json data = release;
    data["v"] = version;
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<PressRelease> decode_data(const std::string& data) {
    auto parsed = nlohmann::json::parse(data, nullptr, false);
    if (!parsed.is_object() || parsed.value("v", 0) != version) return std::nullopt;
    return parsed.get<PressRelease>();
}

}  // namespace dateline::schema
