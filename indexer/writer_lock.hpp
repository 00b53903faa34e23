#pragma once
// One indexer at a time per database: an advisory lock on a file in the database folder, held
// for the whole run (indexing, deletions and pruning), so that a second indexer learns at once
// that the database is busy, or queues behind the first with --wait. Xapian's own lock stays
// underneath as the guard against writers that are not this indexer.

#include <functional>
#include <optional>
#include <string>

namespace dateline::indexer {

// The lock file's name inside the database folder. It holds the process id of the indexer
// that has the lock, so that a second one can say which process is writing.
inline constexpr const char* writer_lock_file = "writer.lock";

class WriterLock {
public:
    WriterLock() = default;                                 // holds nothing
    explicit WriterLock(int locked_fd) : fd_(locked_fd) {}  // adopts a locked descriptor
    ~WriterLock();
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

enum class LockOutcome {
    acquired,     // this process is the database's only indexer until the lock is destroyed
    unavailable,  // no lock file could be made there (the path is a file, no permission):
                  // opening the database will report the real problem
    busy,         // another indexer holds it and waiting was not asked for
    timed_out,    // another indexer still held it when the time limit ran out
    interrupted,  // `stop` became true while waiting
};

struct WriterLockAttempt {
    WriterLock lock;
    LockOutcome outcome = LockOutcome::unavailable;
    std::string holder;  // "process 1234" when known, for messages
};

// Takes the writer lock of the database at `db_path`. With `create`, the database folder (and
// its parents) is made when missing; without, a missing folder is `unavailable` (there is no
// database to protect). `wait_seconds`: nullopt returns at once when another
// indexer holds the lock; a number waits at most that long (infinity: as long as it takes),
// polling `stop`, and calls `on_wait` once with the holder's description when it starts to wait.
WriterLockAttempt take_writer_lock(const std::string& db_path, bool create,
                                   std::optional<double> wait_seconds,
                                   const std::function<bool()>& stop,
                                   const std::function<void(const std::string&)>& on_wait);

// Takes the lock for a run over `db_path`, waiting as `wait_seconds` says and telling `report`
// once when it starts to wait. Throws std::runtime_error naming the database when another
// indexer holds it (or still holds it when the time is up). Returns a lock that holds nothing
// when no lock file can be made there (opening the database will report the real problem) or
// when `stop` interrupted the wait.
WriterLock lock_database(const std::string& db_path, bool create,
                         std::optional<double> wait_seconds, const std::function<bool()>& stop,
                         const std::function<void(const std::string&)>& report);

}  // namespace dateline::indexer
