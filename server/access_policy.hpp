#pragma once
// Who may use the server: cross-origin callers (CORS allowlist), bearer tokens, and which
// static files may be served. Pure decisions, without HTTP types, so they are unit-tested.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::server {

// The Access-Control-Allow-Origin value for a request from `origin`, or nullopt when that
// origin is not allowed. "*" in the allowlist allows any origin (answered with "*").
std::optional<std::string> allowed_origin(const std::vector<std::string>& allowlist,
                                          std::string_view origin);

// True when `authorization` ("Bearer TOKEN") carries one of `keys`. Compares in time that
// does not depend on where a wrong token differs.
bool bearer_accepted(const std::vector<std::string>& keys, std::string_view authorization);

// The file under `web_dir` that `relative_path` (URL-decoded, without the base path) may
// serve, or nullopt: no dot segments or dotfiles, no NUL, and the resolved file (symlinks
// followed) must be a regular file inside the web folder. "" and "x/" mean "index.html".
std::optional<std::string> static_file(const std::string& web_dir, std::string relative_path);

}  // namespace dateline::server
