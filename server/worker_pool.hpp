#pragma once
// The worker threads that serve connections, with a bound on how many may wait.
//
// httplib 0.11.4's own pool queues without limit. Here at most `max_connections` are served
// or waiting; a connection beyond that is answered at once with 503 on a short-lived thread
// (load shedding), and when even those are exhausted the acceptor waits, so the kernel's
// backlog pushes back on clients.
//
// httplib keeps a worker on each keep-alive connection until it goes idle or reaches its
// request limit, so with more open connections than workers the waiting ones could starve for
// seconds. While connections wait, each response says "Connection: close" (routes.cpp), and
// the workers take turns.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace dateline::server {

class WorkerPool : public httplib::TaskQueue {
public:
    // Each connection's request must arrive within `request_timeout` (see connection_guard).
    WorkerPool(unsigned threads, std::size_t max_connections,
               std::chrono::steady_clock::duration request_timeout);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void enqueue(std::function<void()> serve_connection) override;
    // Serves what is queued, then stops the threads.
    void shutdown() override;

    // True on a thread serving a connection only to refuse it (the server is full).
    static bool shedding_load();
    // True on a worker thread while other connections wait for a worker.
    static bool connections_waiting();

private:
    void work();
    void shed(std::function<void()> serve_connection);

    void serve_guarded(const std::function<void()>& serve_connection) const;

    std::size_t thread_count_;
    std::size_t max_waiting_;
    std::chrono::steady_clock::duration request_timeout_;
    std::vector<std::thread> threads_;
    std::deque<std::function<void()>> waiting_;
    std::atomic<std::size_t> waiting_count_{0};  // waiting_.size(), read without the lock
    std::size_t busy_ = 0;
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable work_available_;

    std::size_t shedding_threads_ = 0;
    std::condition_variable shedding_done_;
};

}  // namespace dateline::server
