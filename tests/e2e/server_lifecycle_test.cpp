// The server's life as a process: ready only once the database opens, and on SIGTERM or
// SIGINT it answers the request in flight before it exits 0.

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "e2e_server.hpp"

using namespace dateline::testing;

namespace {

// The real dateline-server binary as a child process on a free port.
class ServerProcess {
public:
    explicit ServerProcess(const std::string& db, const std::string& log_path) {
        int out[2];
        REQUIRE(::pipe(out) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            const int err = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(err, STDERR_FILENO);
            ::close(out[0]);
            ::execl(DATELINE_SERVER_BIN, DATELINE_SERVER_BIN, "--db", db.c_str(), "--port", "0",
                    "--threads", "2", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        // "listening on http://127.0.0.1:PORT/"
        std::string line;
        char c;
        while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
        ::close(out[0]);
        const auto colon = line.rfind(':');
        REQUIRE(colon != std::string::npos);
        port_ = std::atoi(line.c_str() + colon + 1);
        REQUIRE(port_ > 0);
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    int port() const { return port_; }
    void signal(int number) const { ::kill(pid_, number); }
    // The exit status, or -1 if it did not exit within `seconds`.
    int wait_exit(int seconds) {
        for (int i = 0; i < seconds * 20; ++i) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return -1;
    }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return fd;
}

std::string read_until_closed(int fd) {
    std::string data;
    char buffer[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) break;
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    return data;
}

}  // namespace

TEST_CASE("health reports ready only once the database opens", "[e2e][lifecycle]") {
    TempDir dir;
    const std::string db = dir / "not-yet";
    RunningServer server(db);
    auto [status, body] = server.get_json("/api/health");
    CHECK(status == 503);
    CHECK(body["status"] == "unavailable");
    auto [search_status, search_body] = server.get_json("/api/search?q=harbour");
    CHECK(search_status == 503);
    CHECK(search_body["error"]["code"] == "database_unavailable");

    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    auto [ready, ready_body] = server.get_json("/api/health");
    CHECK(ready == 200);
    CHECK(ready_body["status"] == "ok");
}

TEST_CASE("SIGTERM and SIGINT: the request in flight is answered, then exit 0", "[e2e][lifecycle]") {
    IndexedFixtures fixtures;
    TempDir dir;
    for (int signal_number : {SIGTERM, SIGINT}) {
        INFO("signal " << signal_number);
        ServerProcess server(fixtures.db, dir / "server.err");
        const int fd = connect_to(server.port());
        const std::string request =
            "GET /api/search?q=harbour HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        // Half the request, then the signal, then the rest: the request is in flight.
        ::send(fd, request.data(), request.size() / 2, MSG_NOSIGNAL);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        server.signal(signal_number);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ::send(fd, request.data() + request.size() / 2, request.size() - request.size() / 2,
               MSG_NOSIGNAL);
        const std::string reply = read_until_closed(fd);
        ::close(fd);
        CHECK(reply.rfind("HTTP/1.1 200", 0) == 0);
        CHECK(reply.find("\"total\"") != std::string::npos);
        CHECK(server.wait_exit(10) == 0);
    }
}
