#include "writer_lock.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace dateline::indexer {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto poll_interval = std::chrono::milliseconds(100);

// "process 1234" from the lock file, or "" when it holds nothing usable (the holder has not
// written it yet).
std::string read_holder(int fd) {
    char text[24] = {};
    const ssize_t length = ::pread(fd, text, sizeof text - 1, 0);
    if (length <= 0) return {};
    std::string pid(text, static_cast<std::size_t>(length));
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool digits_only = !pid.empty() && std::all_of(pid.begin(), pid.end(), is_digit);
    return digits_only ? "process " + pid : std::string();
}

// Only messages use the process id: failing to write it leaves the lock intact.
void record_holder(int fd) {
    const std::string pid = std::to_string(::getpid()) + "\n";
    [[maybe_unused]] const bool written =
        ::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) > 0;
}

}  // namespace

WriterLock::~WriterLock() {
    if (fd_ < 0) return;
    // A stale process id would mislead nobody (it is read only while the file is locked), but
    // an empty file says plainly that nobody is writing.
    [[maybe_unused]] const bool cleared = ::ftruncate(fd_, 0) == 0;
    ::close(fd_);  // releases the lock
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        WriterLock old(std::move(*this));
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

WriterLockAttempt take_writer_lock(const std::string& db_path, bool create,
                                   std::optional<double> wait_seconds,
                                   const std::function<bool()>& stop,
                                   const std::function<void(const std::string&)>& on_wait) {
    WriterLockAttempt attempt;
    if (create) {
        std::error_code ignored;  // a file in the way makes open() below fail: "unavailable"
        std::filesystem::create_directories(db_path, ignored);
    }
    const std::string lock_path = (std::filesystem::path(db_path) / writer_lock_file).string();
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return attempt;
    // Owns the descriptor from here on, so every early return closes it. An unlocked
    // descriptor must not truncate the file, hence the separate release below.
    struct Descriptor {
        int fd;
        ~Descriptor() {
            if (fd >= 0) ::close(fd);
        }
    } descriptor{fd};

    const auto start = Clock::now();
    bool announced = false;
    while (true) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            record_holder(fd);
            attempt.lock = WriterLock(fd);
            descriptor.fd = -1;
            attempt.outcome = LockOutcome::acquired;
            return attempt;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) return attempt;  // locks not supported here
        attempt.holder = read_holder(fd);
        if (!wait_seconds) {
            attempt.outcome = LockOutcome::busy;
            return attempt;
        }
        const std::chrono::duration<double> waited = Clock::now() - start;
        if (waited.count() >= *wait_seconds) {
            attempt.outcome = LockOutcome::timed_out;
            return attempt;
        }
        if (!announced) {
            on_wait(attempt.holder);
            announced = true;
        }
        if (stop()) {
            attempt.outcome = LockOutcome::interrupted;
            return attempt;
        }
        const auto left = std::chrono::duration<double>(*wait_seconds) - waited;
        std::this_thread::sleep_for(
            left < poll_interval ? std::chrono::duration_cast<Clock::duration>(left)
                                 : std::chrono::duration_cast<Clock::duration>(poll_interval));
    }
}

WriterLock lock_database(const std::string& db_path, bool create,
                         std::optional<double> wait_seconds, const std::function<bool()>& stop,
                         const std::function<void(const std::string&)>& report) {
    const auto who = [](const std::string& holder) {
        return holder.empty() ? std::string("another indexer") : "another indexer (" + holder + ")";
    };
    const auto on_wait = [&](const std::string& holder) {
        std::string limit;
        if (wait_seconds && std::isfinite(*wait_seconds)) {
            limit = " (at most " + std::to_string(std::lround(*wait_seconds)) + " s)";
        }
        report("indexer: " + who(holder) + " is writing to '" + db_path +
               "'; waiting for it to finish" + limit);
    };
    WriterLockAttempt attempt = take_writer_lock(db_path, create, wait_seconds, stop, on_wait);
    switch (attempt.outcome) {
        case LockOutcome::busy:
            throw std::runtime_error("cannot write to database '" + db_path +
                                     "': " + who(attempt.holder) +
                                     " is writing to it; run again when it has finished, or "
                                     "use --wait to queue behind it");
        case LockOutcome::timed_out:
            throw std::runtime_error("cannot write to database '" + db_path + "': " +
                                     who(attempt.holder) + " was still writing to it after " +
                                     std::to_string(std::lround(*wait_seconds)) + " s");
        case LockOutcome::acquired:
        case LockOutcome::unavailable:
        case LockOutcome::interrupted:
            break;
    }
    return std::move(attempt.lock);
}

}  // namespace dateline::indexer
