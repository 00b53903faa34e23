#pragma once
// The route table and the HTTP-level policies: GET-only, no request bodies, JSON errors,
// security headers, the access log.

#include <httplib.h>

#include "document_service.hpp"
#include "search_service.hpp"
#include "server_config.hpp"

namespace dateline::server {

void register_routes(httplib::Server& http, SearchService& search, DocumentService& documents,
                     const ServerConfig& config);

}  // namespace dateline::server
