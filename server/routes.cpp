#include "routes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>

#include "document_service.hpp"
#include "log.hpp"

namespace dateline::server {

namespace {

using Clock = std::chrono::steady_clock;

// Per-request bookkeeping for the access log. httplib runs the pre-routing handler, the route
// handler and the logger for one request on the same worker thread.
thread_local Clock::time_point request_start;
thread_local long request_hits = -1;

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
    request_hits = static_cast<long>(body["hits"].size());
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

void handle_stats(const httplib::Request& req, httplib::Response& res,
                  DocumentService& documents) {
    const QueryParams params(req.params.begin(), req.params.end());
    if (const auto error = check_no_params(params, "/api/stats")) {
        send_error(res, 400, "bad_parameter", error->message);
        return;
    }
    send_json(res, 200, documents.stats());
}

void handle_openapi(const httplib::Request& req, httplib::Response& res) {
    const QueryParams params(req.params.begin(), req.params.end());
    if (const auto error = check_no_params(params, "/api/openapi.json")) {
        send_error(res, 400, "bad_parameter", error->message);
        return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(openapi_json()), "application/json; charset=utf-8");
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

void log_access(const httplib::Request& req, const httplib::Response& res) {
    if (!log::enabled(log::Level::info)) return;
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
    char line[64];
    std::snprintf(line, sizeof line, " %d %.1f ms", res.status, ms);
    // The path only: query strings hold what people searched for.
    std::string entry = req.method + " " + req.path + line;
    if (request_hits >= 0) entry += " " + std::to_string(request_hits) + " hits";
    log::info(entry);
}

}  // namespace

void register_routes(httplib::Server& http, SearchService& service, DocumentService& documents,
                     const ServerConfig& config) {
    http.set_default_headers({
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
    });

    http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        request_start = Clock::now();
        request_hits = -1;
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            send_error(res, 405, "method_not_allowed", "only GET and HEAD are supported");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (has_request_body(req)) {
            // Refused before the body is read; the connection is closed after the answer.
            res.set_header("Connection", "close");
            send_error(res, 400, "body_not_allowed", "requests must not have a body");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    http.Get("/api/search", [&service](const httplib::Request& req, httplib::Response& res) {
        handle_search(req, res, service);
    });
    http.Get("/api/health", [&service](const httplib::Request&, httplib::Response& res) {
        handle_health(res, service);
    });
    http.Get(R"(/api/doc/(.+))",
             [&documents](const httplib::Request& req, httplib::Response& res) {
                 handle_document(req, res, documents);
             });
    http.Get("/api/stats", [&documents](const httplib::Request& req, httplib::Response& res) {
        handle_stats(req, res, documents);
    });
    http.Get("/api/openapi.json", handle_openapi);
    http.Get("/api/.*", [](const httplib::Request& req, httplib::Response& res) {
        send_error(res, 404, "not_found", "no API route " + req.path);
    });

    // The page. Mounted last in spirit: API routes above are literal, and the web folder has
    // no api/ entry, so the mount cannot shadow them.
    if (!http.set_mount_point("/", config.web_dir)) {
        log::error("cannot serve the web page from '" + config.web_dir + "'");
    }

    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
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
    http.set_logger(log_access);
}

}  // namespace dateline::server
