#pragma once
// The route table and the HTTP-level policies: base path, GET/HEAD/OPTIONS only, no request
// bodies, CORS, bearer tokens, JSON errors, security headers, static files, metrics and the
// access log.

#include <httplib.h>

#include "database_pool.hpp"
#include "document_service.hpp"
#include "facet_columns.hpp"
#include "metrics.hpp"
#include "search_service.hpp"
#include "server_config.hpp"

namespace dateline::server {

struct RouteContext {
    SearchService& search;
    DocumentService& documents;
    DatabasePool& pool;
    FacetColumnStore& columns;
    Metrics& metrics;
    const ServerConfig& config;
};

void register_routes(httplib::Server& http, RouteContext context);

}  // namespace dateline::server
