#include "http_server.hpp"

#include <atomic>
#include <csignal>
#include <pthread.h>
#include <stdexcept>
#include <thread>

#include "exit_codes.hpp"
#include "listen_backlog.hpp"
#include "log.hpp"
#include "routes.hpp"
#include "worker_pool.hpp"

namespace dateline::server {

namespace {
constexpr std::size_t max_request_body = 0;  // GET only: no body is ever accepted
}  // namespace

HttpServer::HttpServer(ServerConfig config)
    : config_(std::move(config)),
      pool_(config_.databases),
      columns_(pool_),
      service_(pool_, &columns_, SnippetSettings{}, config_.exact_counts_up_to),
      documents_(pool_) {
    const unsigned threads = config_.threads;
    const std::size_t max_connections = config_.max_connections;
    const auto request_timeout = std::chrono::seconds(config_.read_timeout_seconds);
    http_.new_task_queue = [=] { return new WorkerPool(threads, max_connections, request_timeout); };
    http_.set_payload_max_length(max_request_body);
    http_.set_read_timeout(static_cast<time_t>(config_.read_timeout_seconds), 0);
    http_.set_write_timeout(static_cast<time_t>(config_.write_timeout_seconds), 0);
    // httplib holds a worker thread for each open keep-alive connection: let idle ones go soon.
    http_.set_keep_alive_max_count(config_.keep_alive_seconds == 0 ? 1 : config_.keep_alive_requests);
    http_.set_keep_alive_timeout(static_cast<time_t>(config_.keep_alive_seconds));
    // httplib writes headers and body separately; with Nagle's algorithm the body then waits
    // for the client's delayed ACK, adding ~40 ms to every request on a kept-alive connection.
    http_.set_tcp_nodelay(true);
    register_routes(http_, RouteContext{service_, documents_, pool_, columns_, metrics_, config_});
}

int HttpServer::bind() {
    int port = config_.port;
    if (port == 0) {
        port = http_.bind_to_any_port(config_.bind_address);
        if (port <= 0) throw std::runtime_error("cannot listen on " + config_.bind_address);
    } else if (!http_.bind_to_port(config_.bind_address, port)) {
        throw std::runtime_error("cannot listen on " + config_.bind_address + ":" +
                                 std::to_string(port) +
                                 " (is the port in use? --port 0 picks a free one)");
    }
    if (!widen_listen_backlog(port)) {
        log::warn("could not enlarge the listen queue of port " + std::to_string(port) +
                  ": bursts of new connections may wait seconds");
    }
    return port;
}

bool HttpServer::listen() {
    columns_.load_in_background();  // so that the first searches find them ready
    return http_.listen_after_bind();
}

int run_server(const ServerConfig& config, std::ostream& out) {
    log::configure("dateline-server", config.log_level, true);

    // Signals are taken by one thread with sigwait(), so stopping needs no work inside a
    // signal handler. Block them before any other thread starts, so all threads inherit that.
    // A shell starts background jobs with SIGINT ignored; an ignored signal never reaches
    // sigwait(), so restore the default disposition (blocked, it cannot kill us).
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    HttpServer server(config);
    const int port = server.bind();
    const std::string host = config.bind_address.find(':') != std::string::npos
                                 ? "[" + config.bind_address + "]"
                                 : config.bind_address;
    out << "listening on http://" << host << ":" << port << "/" << std::endl;
    std::string databases;
    for (const auto& db : config.databases) databases += (databases.empty() ? "" : ", ") + db;
    log::info("serving database '" + databases + "' and page '" + config.web_dir + "' under " +
              config.base_path);

    std::atomic<bool> listen_returned{false};
    std::thread signal_waiter([&] {
        int received = 0;
        sigwait(&stop_signals, &received);
        if (listen_returned) return;
        log::info(received == SIGTERM ? "SIGTERM: stopping" : "SIGINT: stopping");
        // stop() is a no-op until the listen loop runs (httplib 0.11.4).
        while (!server.is_running() && !listen_returned) std::this_thread::yield();
        server.stop();
    });
    const bool ok = server.listen();
    // When listen() ends on its own, wake the waiter so it can be joined.
    listen_returned = true;
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    return ok ? exit_code::ok : exit_code::failure;
}

}  // namespace dateline::server
