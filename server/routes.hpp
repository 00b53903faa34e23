#pragma once
// The route table and the HTTP-level policies: GET-only, no request bodies, JSON errors,
// security headers, the access log.

#include <httplib.h>

#include "search_service.hpp"
#include "server_config.hpp"

namespace dateline::server {

void register_routes(httplib::Server& http, SearchService& service, const ServerConfig& config);

}  // namespace dateline::server
