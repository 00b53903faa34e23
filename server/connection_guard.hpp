#pragma once
// A deadline for receiving each request, enforced below cpp-httplib.
//
// httplib 0.11.4 bounds each read by the read timeout, but not a whole request: a client that
// sends its request one byte every few seconds would hold a worker for hours, and a few such
// clients would hold the whole pool. The library reads sockets only through recv(), which this
// module provides in place of the C library's: on a worker thread with a deadline set, a read
// after the deadline fails, and httplib closes that connection. Other threads are unaffected.

#include <chrono>

namespace dateline::server::connection_guard {

using Clock = std::chrono::steady_clock;

// The request being read on this thread must have arrived within `limit` from now.
void expect_request_within(Clock::duration limit);
// The request head has arrived: no deadline while it is answered.
void request_received();
// The connection is finished with: no deadline on this thread.
void clear();

// True when the calling thread's deadline has passed (for tests).
bool deadline_passed();

}  // namespace dateline::server::connection_guard
