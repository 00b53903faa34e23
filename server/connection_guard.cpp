#include "connection_guard.hpp"

#include <cerrno>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace dateline::server::connection_guard {

namespace {
thread_local bool has_deadline = false;
thread_local Clock::time_point deadline;
}  // namespace

void expect_request_within(Clock::duration limit) {
    deadline = Clock::now() + limit;
    has_deadline = true;
}

void request_received() { has_deadline = false; }

void clear() { has_deadline = false; }

bool deadline_passed() { return has_deadline && Clock::now() > deadline; }

}  // namespace dateline::server::connection_guard

// Takes the place of the C library's recv() for the whole program (the dynamic linker binds
// httplib's calls to the executable's definition). Outside a guarded worker it is a plain
// recv(); the system call is made directly, as the C library's recv() does.
extern "C" ssize_t recv(int fd, void* buffer, size_t length, int flags) {
    if (dateline::server::connection_guard::deadline_passed()) {
        errno = ETIMEDOUT;
        return -1;
    }
    return static_cast<ssize_t>(syscall(SYS_recvfrom, fd, buffer, length, flags, nullptr, nullptr));
}
