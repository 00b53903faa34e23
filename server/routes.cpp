#include "routes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <sstream>

#include "access_policy.hpp"
#include "connection_guard.hpp"
#include "log.hpp"
#include "worker_pool.hpp"

namespace dateline::server {

namespace {

using Clock = std::chrono::steady_clock;

// Per-request bookkeeping for the access log and the metrics. httplib runs the pre-routing
// handler, the route handler and the logger for one request on the same worker thread.
struct RequestState {
    Clock::time_point start;
    long hits = -1;
    Route route = Route::other;
    bool counted = false;  // request_started() was called for it
};
thread_local RequestState current;

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message) {
    send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

bool has_request_body(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding") || req.has_header("Content-Encoding")) return true;
    if (!req.has_header("Content-Length")) return false;
    return req.get_header_value("Content-Length") != "0";
}

std::string regex_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

const char* content_type_for(const std::string& path) {
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "json") return "application/json; charset=utf-8";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

// --- policies applied before routing -------------------------------------------------------

using HandlerResponse = httplib::Server::HandlerResponse;

// CORS: a cross-origin caller on the allowlist may read every response; preflights are
// answered here. The page's own files (public anyway) may be read from any origin, so that
// embed.js and its modules load on any intranet page and the component can then say plainly
// when the API refuses that page's origin.
HandlerResponse apply_cors(const httplib::Request& req, httplib::Response& res, Route route,
                           const ServerConfig& config) {
    const std::string origin = req.get_header_value("Origin");
    const auto allowed = origin.empty() ? std::nullopt : allowed_origin(config.cors_origins, origin);
    if (allowed) {
        res.set_header("Access-Control-Allow-Origin", *allowed);
        if (*allowed != "*") res.set_header("Vary", "Origin");
    } else if (route == Route::page && req.method != "OPTIONS") {
        res.set_header("Access-Control-Allow-Origin", "*");
    }
    if (req.method != "OPTIONS") return HandlerResponse::Unhandled;
    res.set_header("Allow", "GET, HEAD, OPTIONS");
    if (!origin.empty() && !allowed) {
        send_error(res, 403, "origin_not_allowed",
                   "this server does not accept requests from pages on that origin");
        return HandlerResponse::Handled;
    }
    if (allowed) {
        const std::string method = req.get_header_value("Access-Control-Request-Method");
        if (!method.empty() && method != "GET" && method != "HEAD") {
            send_error(res, 403, "method_not_allowed", "only GET and HEAD are supported");
            return HandlerResponse::Handled;
        }
        res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization");
        res.set_header("Access-Control-Max-Age", "600");
    }
    res.status = 204;
    return HandlerResponse::Handled;
}

HandlerResponse before_routing(const httplib::Request& req, httplib::Response& res,
                               const RouteContext& context) {
    const ServerConfig& config = context.config;
    if (!current.counted) {
        current = RequestState{Clock::now(), -1, Route::other, true};
        context.metrics.request_started();
    }
    connection_guard::request_received();

    if (WorkerPool::shedding_load()) {
        res.set_header("Retry-After", "1");
        res.set_header("Connection", "close");
        send_error(res, 503, "server_busy", "the server is handling too many connections; retry");
        return HandlerResponse::Handled;
    }
    // Other connections wait for a worker: this one lets its worker go after the answer.
    if (WorkerPool::connections_waiting()) res.set_header("Connection", "close");
    if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
        res.set_header("Allow", "GET, HEAD, OPTIONS");
        send_error(res, 405, "method_not_allowed", "only GET and HEAD are supported");
        return HandlerResponse::Handled;
    }
    if (has_request_body(req)) {
        // Refused before the body is read; the connection is closed after the answer.
        if (!res.has_header("Connection")) res.set_header("Connection", "close");
        send_error(res, 400, "body_not_allowed", "requests must not have a body");
        return HandlerResponse::Handled;
    }
    const std::string& base = config.base_path;
    if (req.path.size() + 1 == base.size() && base.compare(0, req.path.size(), req.path) == 0) {
        res.set_redirect(base, 308);  // "/search" → "/search/"
        return HandlerResponse::Handled;
    }
    if (req.path.compare(0, base.size(), base) != 0) {
        send_error(res, 404, "not_found", "not found (this server answers under " + base + ")");
        return HandlerResponse::Handled;
    }
    const std::string_view relative = std::string_view(req.path).substr(base.size());
    current.route = route_of(relative);

    if (apply_cors(req, res, current.route, config) == HandlerResponse::Handled) return HandlerResponse::Handled;

    const bool protected_route = current.route != Route::page && current.route != Route::health;
    if (protected_route && !config.api_keys.empty() &&
        !bearer_accepted(config.api_keys, req.get_header_value("Authorization"))) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"dateline\"");
        send_error(res, 401, "unauthorized", "this API needs an Authorization: Bearer token");
        return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
}

// --- route handlers ---------------------------------------------------------------------------

void handle_search(const httplib::Request& req, httplib::Response& res, SearchService& service) {
    const QueryParams params(req.params.begin(), req.params.end());
    const auto parsed = parse_search_params(params);
    if (const auto* error = std::get_if<ParamError>(&parsed)) {
        send_error(res, 400, "bad_parameter", error->message);
        return;
    }
    const auto& request = std::get<SearchRequest>(parsed);
    if (log::enabled(log::Level::debug)) log::debug("search q=" + request.query);
    nlohmann::json body = service.search(request);
    current.hits = static_cast<long>(body["hits"].size());
    send_json(res, 200, body);
}

void handle_health(httplib::Response& res, SearchService& service) {
    try {
        send_json(res, 200, service.health());
    } catch (const DatabaseUnavailable& e) {
        log::warn(e.what());
        send_json(res, 503, {{"status", "unavailable"},
                             {"error", {{"code", "database_unavailable"},
                                        {"message", "the search index is not available yet"}}}});
    }
}

// Echoed ids are cut to this many bytes (at a character boundary): ids can be long.
constexpr std::size_t max_echoed_id_bytes = 200;

void handle_document(const httplib::Request& req, httplib::Response& res,
                     DocumentService& documents) {
    const QueryParams params(req.params.begin(), req.params.end());
    const auto parsed = parse_document_params(params);
    if (const auto* error = std::get_if<ParamError>(&parsed)) {
        send_error(res, 400, "bad_parameter", error->message);
        return;
    }
    const std::string id = req.matches[1];  // httplib has decoded the path
    auto body = documents.document(id, std::get<DocumentRequest>(parsed));
    if (!body) {
        std::size_t cut = std::min(id.size(), max_echoed_id_bytes);
        const auto continues = [&id](std::size_t i) {
            return i < id.size() && (static_cast<unsigned char>(id[i]) & 0xC0) == 0x80;
        };
        while (cut > 0 && continues(cut)) --cut;
        send_error(res, 404, "not_found", "no release with id '" + id.substr(0, cut) + "'");
        return;
    }
    send_json(res, 200, *body);
}

// Routes that take no parameters refuse any, so a typo is not silently ignored.
bool refuse_params(const httplib::Request& req, httplib::Response& res, const char* route) {
    const QueryParams params(req.params.begin(), req.params.end());
    if (const auto error = check_no_params(params, route)) {
        send_error(res, 400, "bad_parameter", error->message);
        return true;
    }
    return false;
}

void handle_metrics(httplib::Response& res, const RouteContext& context) {
    IndexFigures index;
    index.reopens = context.pool.reopens();
    index.opens = context.pool.opens();
    const auto columns = context.columns.figures();
    index.facet_column_loads = columns.loads;
    index.facet_column_load_failures = columns.failures;
    index.facet_column_documents = columns.documents;
    index.facet_column_bytes = columns.bytes;
    index.facet_passes_beside = context.search.facet_passes_beside();
    try {
        auto lease = context.pool.acquire();
        index.available = true;
        index.documents = lease->db.get_doccount();
        try {
            index.revision = lease->db.get_revision();
        } catch (const Xapian::LogicError&) {
            index.revision = 0;  // several shards
        }
    } catch (const DatabaseUnavailable&) {
        index.available = false;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_content(context.metrics.render(index), "text/plain; version=0.0.4; charset=utf-8");
}

void handle_static(const httplib::Request& req, httplib::Response& res, const ServerConfig& config) {
    const std::string relative = req.path.substr(config.base_path.size());
    const auto file = static_file(config.web_dir, relative);
    std::ifstream input;
    if (file) input.open(*file, std::ios::binary);
    if (!file || !input.is_open()) {
        send_error(res, 404, "not_found", "not found");
        return;
    }
    std::ostringstream content;
    content << input.rdbuf();
    res.set_header("Cache-Control", "no-cache");
    res.set_content(content.str(), content_type_for(*file));
}

void handle_exception(httplib::Response& res, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const DatabaseUnavailable& e) {
        log::error(e.what());
        send_error(res, 503, "database_unavailable",
                   "the search index is not available; try again shortly");
        return;
    } catch (const Xapian::Error& e) {
        log::error("search failed: " + e.get_description());
    } catch (const std::exception& e) {
        log::error(std::string("request failed: ") + e.what());
    } catch (...) {
        log::error("request failed with an unknown exception");
    }
    send_error(res, 500, "internal_error", "the server could not complete this request");
}

// --- after the response -------------------------------------------------------------------------

void after_response(const httplib::Request& req, const httplib::Response& res,
                    const RouteContext& context) {
    if (!current.counted) {  // refused by httplib before routing (malformed request line)
        current = RequestState{Clock::now(), -1, Route::other, true};
        context.metrics.request_started();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - current.start).count();
    context.metrics.request_finished(current.route, res.status, seconds);
    if (log::enabled(log::Level::info)) {
        char line[64];
        std::snprintf(line, sizeof line, " %d %.1f ms", res.status, seconds * 1000);
        // The path only: query strings hold what people searched for.
        std::string entry = req.method + " " + req.path + line;
        if (current.hits >= 0) entry += " " + std::to_string(current.hits) + " hits";
        log::info(entry);
    }
    current.counted = false;
    // The next request on a kept-alive connection gets its own deadline.
    const auto& config = context.config;
    connection_guard::expect_request_within(
        std::chrono::seconds(config.keep_alive_seconds + config.read_timeout_seconds));
}

std::string security_policy(const ServerConfig& config) {
    return "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
           "object-src 'none'; frame-ancestors " +
           config.frame_ancestors;
}

}  // namespace

void register_routes(httplib::Server& http, RouteContext context) {
    const ServerConfig& config = context.config;
    http.set_default_headers({
        {"Content-Security-Policy", security_policy(config)},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
    });
    http.set_pre_routing_handler([context](const httplib::Request& req, httplib::Response& res) {
        return before_routing(req, res, context);
    });

    const std::string base = regex_escape(config.base_path);
    http.Get(base + "api/search", [context](const httplib::Request& req, httplib::Response& res) {
        handle_search(req, res, context.search);
    });
    http.Get(base + "api/health", [context](const httplib::Request&, httplib::Response& res) {
        handle_health(res, context.search);
    });
    http.Get(base + "api/doc/(.+)", [context](const httplib::Request& req, httplib::Response& res) {
        handle_document(req, res, context.documents);
    });
    http.Get(base + "api/stats", [context](const httplib::Request& req, httplib::Response& res) {
        if (!refuse_params(req, res, "/api/stats")) send_json(res, 200, context.documents.stats());
    });
    http.Get(base + "api/openapi\\.json", [](const httplib::Request& req, httplib::Response& res) {
        if (refuse_params(req, res, "/api/openapi.json")) return;
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(openapi_json()), "application/json; charset=utf-8");
    });
    http.Get(base + "metrics", [context](const httplib::Request&, httplib::Response& res) {
        handle_metrics(res, context);
    });
    http.Get(base + "api(/.*)?", [](const httplib::Request& req, httplib::Response& res) {
        send_error(res, 404, "not_found", "no API route " + req.path);
    });
    // The page: literal API routes above are matched first.
    http.Get(base + ".*", [context](const httplib::Request& req, httplib::Response& res) {
        handle_static(req, res, context.config);
    });

    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.status == 204 || (res.status >= 300 && res.status < 400)) {
            return;
        }
        if (res.status == 404) {
            send_error(res, 404, "not_found", "not found");
        } else {
            send_error(res, res.status, "bad_request", "the request could not be handled");
        }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
            handle_exception(res, error);
        });
    http.set_logger([context](const httplib::Request& req, const httplib::Response& res) {
        after_response(req, res, context);
    });
}

}  // namespace dateline::server
