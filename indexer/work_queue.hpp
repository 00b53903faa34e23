#pragma once
// A bounded first-in first-out queue between threads: producers wait while it is full, so work
// read ahead of the writers never piles up in memory.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace dateline::indexer {

template <class T>
class WorkQueue {
public:
    explicit WorkQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Waits for room, then adds `item`. False (and `item` dropped) once the queue is closed.
    bool push(T item) {
        std::unique_lock<std::mutex> lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
        if (closed_) return false;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    // Waits for an item; nullopt when the queue is closed and empty.
    std::optional<T> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        return take(lock);
    }

    // An item if one is ready, without waiting.
    std::optional<T> try_pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        return take(lock);
    }

    // No more pushes: waiting producers give up, consumers drain what is left.
    void close() {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        not_full_.notify_all();
        not_empty_.notify_all();
    }

    // Closes the queue and drops what it holds (a consumer failed: nobody will take it).
    void abandon() {
        std::deque<T> dropped;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
            dropped.swap(items_);
            not_full_.notify_all();
            not_empty_.notify_all();
        }
    }

private:
    std::optional<T> take(std::unique_lock<std::mutex>&) {
        if (items_.empty()) return std::nullopt;
        std::optional<T> item(std::move(items_.front()));
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable not_empty_;
    std::deque<T> items_;
    bool closed_ = false;
};

}  // namespace dateline::indexer
