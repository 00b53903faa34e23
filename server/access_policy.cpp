#include "access_policy.hpp"

#include <algorithm>
#include <filesystem>

namespace dateline::server {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    }
    return difference == 0;
}

bool inside(const fs::path& file, const fs::path& folder) {
    auto f = file.begin();
    for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
        if (f == file.end() || *f != *d) return false;
    }
    return f != file.end();
}

}  // namespace

std::optional<std::string> allowed_origin(const std::vector<std::string>& allowlist,
                                          std::string_view origin) {
    if (origin.empty() || origin.size() > 300) return std::nullopt;
    const std::string wanted = lower(origin);
    for (const auto& allowed : allowlist) {
        if (allowed == "*") return std::string("*");
        if (lower(allowed) == wanted) return std::string(origin);
    }
    return std::nullopt;
}

bool bearer_accepted(const std::vector<std::string>& keys, std::string_view authorization) {
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size() ||
        lower(authorization.substr(0, scheme.size())) != "bearer ") {
        return false;
    }
    const std::string_view token = authorization.substr(scheme.size());
    bool accepted = false;
    for (const auto& key : keys) accepted |= equal_in_constant_time(key, token);
    return accepted;
}

std::optional<std::string> static_file(const std::string& web_dir, std::string relative_path) {
    if (relative_path.empty() || relative_path.back() == '/') relative_path += "index.html";
    if (relative_path.find('\0') != std::string::npos || relative_path.front() == '/' ||
        relative_path.find('\\') != std::string::npos) {
        return std::nullopt;
    }
    // Every segment must be a plain name: no "", ".", ".." or dotfile.
    std::size_t start = 0;
    while (start <= relative_path.size()) {
        const std::size_t end = std::min(relative_path.find('/', start), relative_path.size());
        if (end == start || relative_path[start] == '.') return std::nullopt;
        start = end + 1;
    }
    std::error_code ec;
    const fs::path root = fs::canonical(web_dir, ec);
    if (ec) return std::nullopt;
    const fs::path file = fs::canonical(root / relative_path, ec);
    if (ec || !inside(file, root) || !fs::is_regular_file(file, ec)) return std::nullopt;
    return file.string();
}

}  // namespace dateline::server
