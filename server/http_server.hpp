#pragma once
// The Dateline HTTP server: the database pool, the search service and the httplib server,
// wired together from a ServerConfig. main() and the end-to-end tests both use it.

#include <ostream>

#include <httplib.h>

#include "database_pool.hpp"
#include "facet_columns.hpp"
#include "document_service.hpp"
#include "metrics.hpp"
#include "search_service.hpp"
#include "server_config.hpp"

namespace dateline::server {

class HttpServer {
public:
    explicit HttpServer(ServerConfig config);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the configured address and port (0: any free port). Returns the bound port;
    // throws std::runtime_error when the address cannot be bound.
    int bind();
    // Serves until stop(). Returns false if the listen loop failed.
    bool listen();
    void stop() { http_.stop(); }
    bool is_running() const { return http_.is_running(); }

private:
    ServerConfig config_;
    DatabasePool pool_;
    FacetColumnStore columns_;  // after pool_: its loads use the pool until destroyed
    Metrics metrics_;
    SearchService service_;
    DocumentService documents_;
    httplib::Server http_;
};

// Runs the server for main(): binds, prints "listening on http://HOST:PORT/" to `out`, serves
// until SIGINT or SIGTERM, then lets in-flight requests finish. Returns the exit code.
int run_server(const ServerConfig& config, std::ostream& out);

}  // namespace dateline::server
