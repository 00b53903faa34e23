#include "worker_pool.hpp"

#include "connection_guard.hpp"

namespace dateline::server {

namespace {
thread_local bool refusing = false;
thread_local const std::atomic<std::size_t>* pool_waiting = nullptr;  // set on worker threads
// Threads that answer 503 to connections beyond the limit; more than this and the acceptor
// itself waits.
constexpr std::size_t max_shedding_threads = 16;
}  // namespace

WorkerPool::WorkerPool(unsigned threads, std::size_t max_connections,
                       std::chrono::steady_clock::duration request_timeout)
    : thread_count_(threads),
      max_waiting_(max_connections > threads ? max_connections - threads : 0),
      request_timeout_(request_timeout) {
    threads_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::shedding_load() { return refusing; }

bool WorkerPool::connections_waiting() {
    return pool_waiting != nullptr && pool_waiting->load(std::memory_order_relaxed) > 0;
}

void WorkerPool::enqueue(std::function<void()> serve_connection) {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        const bool full = busy_ + waiting_.size() >= thread_count_ + max_waiting_;
        if (!full) {
            waiting_.push_back(std::move(serve_connection));
            waiting_count_ = waiting_.size();
            work_available_.notify_one();
            return;
        }
        shedding_done_.wait(lock, [this] { return shedding_threads_ < max_shedding_threads; });
        ++shedding_threads_;
    }
    shed(std::move(serve_connection));
}

void WorkerPool::shed(std::function<void()> serve_connection) {
    std::thread([this, serve = std::move(serve_connection)] {
        refusing = true;
        serve_guarded(serve);
        std::lock_guard<std::mutex> lock(mutex_);
        --shedding_threads_;
        shedding_done_.notify_all();
    }).detach();
}

void WorkerPool::work() {
    pool_waiting = &waiting_count_;
    for (;;) {
        std::function<void()> serve;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_available_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (waiting_.empty()) return;  // stopping, and everything queued was served
            serve = std::move(waiting_.front());
            waiting_.pop_front();
            waiting_count_ = waiting_.size();
            ++busy_;
        }
        serve_guarded(serve);
        std::lock_guard<std::mutex> lock(mutex_);
        --busy_;
    }
}

void WorkerPool::serve_guarded(const std::function<void()>& serve_connection) const {
    connection_guard::expect_request_within(request_timeout_);
    serve_connection();
    connection_guard::clear();
}

void WorkerPool::shutdown() {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
        work_available_.notify_all();
    }
    for (auto& thread : threads_) {
        if (thread.joinable()) thread.join();
    }
    threads_.clear();
    // Detached shedding threads hold `this`: wait for them.
    std::unique_lock<std::mutex> lock(mutex_);
    shedding_done_.wait(lock, [this] { return shedding_threads_ == 0; });
}

}  // namespace dateline::server
