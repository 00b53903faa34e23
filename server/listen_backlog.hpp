#pragma once
// httplib 0.11.4 (Debian's shared library) listens with a backlog of 5, fixed at its build.
// When busy workers keep the accept thread off the CPU for a moment, a burst of new connections
// (clients reconnecting after "Connection: close") overflows that queue, and each dropped SYN
// costs its client a retry after 1 s, then 3 s, 7 s: multi-second stalls and timeouts under
// load. httplib does not expose its socket, so this finds it and calls listen() again, which
// on Linux resizes the queue of a listening socket.

namespace dateline::server {

// The kernel caps it at net.core.somaxconn.
constexpr int listen_backlog = 1024;

// Sets the backlog of this process's listening TCP socket on `port`. False if none was found.
bool widen_listen_backlog(int port, int backlog = listen_backlog);

}  // namespace dateline::server
