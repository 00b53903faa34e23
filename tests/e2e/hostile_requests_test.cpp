// End-to-end: hostile HTTP requests, written byte for byte to a raw socket of the real server.
// Over 200 shapes: malformed and oversized request lines, encoded traversal, CRLF injection,
// bodies (plain, chunked, compressed), header floods, invalid UTF-8, odd methods and forms,
// pipelining and slow clients. The server may answer with any 4xx, or with the documented 503
// (server busy), or close the connection; never another 5xx, and it must keep answering.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <zlib.h>

#include "e2e_server.hpp"

using namespace dateline::testing;

namespace {

struct Shape {
    std::string name;
    std::string bytes;
};

class RawConnection {
public:
    explicit RawConnection(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }
    // Sends what it can; the server may close early on a request it refuses.
    void send_all(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<std::size_t>(n);
        }
    }
    // Everything the server sends until it closes, or stays silent for a while: briefly
    // after a complete response (more may follow when requests were pipelined), for up to
    // `patience_ms` while a response is still incomplete or has not started.
    std::string receive(int patience_ms) {
        std::string data;
        char buffer[8192];
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, ends_with_complete_response(data) ? 150 : patience_ms) <= 0) break;
            const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            data.append(buffer, static_cast<std::size_t>(n));
        }
        return data;
    }

private:
    static bool ends_with_complete_response(const std::string& data) {
        const std::size_t start = data.rfind("HTTP/1.");
        if (start == std::string::npos) return false;
        const std::size_t head_end = data.find("\r\n\r\n", start);
        if (head_end == std::string::npos) return false;
        std::size_t length = 0;
        const std::size_t field = data.find("Content-Length: ", start);
        if (field != std::string::npos && field < head_end) {
            length = std::strtoul(data.c_str() + field + 16, nullptr, 10);
        }
        return data.size() >= head_end + 4 + length;
    }

    int fd_ = -1;
    bool connected_ = false;
};

// The status codes of every response in `data` (pipelined responses included).
std::vector<int> statuses(const std::string& data) {
    std::vector<int> codes;
    for (std::size_t at = data.find("HTTP/1."); at != std::string::npos;
         at = data.find("HTTP/1.", at + 1)) {
        if (at >= 2 && data.compare(at - 2, 2, "\r\n") != 0 && data[at - 1] != '\n') continue;
        if (at + 12 <= data.size()) codes.push_back(std::atoi(data.substr(at + 9, 3).c_str()));
    }
    return codes;
}

// True when a response head in `data` has a header line starting with `name`: injected
// text may be echoed inside a JSON body, never as a header.
bool has_header_line(const std::string& data, const std::string& name) {
    std::size_t at = 0;
    while ((at = data.find("\r\n" + name, at)) != std::string::npos) {
        const std::size_t head_end = data.rfind("\r\n\r\n", at);
        const std::size_t response_start = data.rfind("HTTP/1.", at);
        // Inside a head: no blank line between the status line and this line.
        if (response_start != std::string::npos &&
            (head_end == std::string::npos || head_end < response_start)) {
            return true;
        }
        at += 2;
    }
    return false;
}

std::string gzip_of(const std::string& text) {
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    std::string out(text.size() + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::string get(const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
}

std::vector<Shape> hostile_shapes() {
    std::vector<Shape> shapes;
    auto add = [&shapes](std::string name, std::string bytes) {
        shapes.push_back({std::move(name), std::move(bytes)});
    };
    const std::vector<std::string> targets = {"/api/search?q=harbour", "/api/doc/x", "/",
                                              "/api/stats", "/metrics", "/index.html"};

    // Malformed request lines.
    for (const std::string& line :
         {std::string("\r\n\r\n"), std::string("GET\r\n\r\n"), std::string("GET /\r\n\r\n"),
          std::string("GET / HTTP/9.9\r\n\r\n"), std::string("GET / HTTP/2.0\r\n\r\n"),
          std::string("GET / HTTP/1.1 extra\r\n\r\n"), std::string("GET  /  HTTP/1.1\r\n\r\n"),
          std::string("get / HTTP/1.1\r\n\r\n"), std::string("G\x00T / HTTP/1.1\r\n\r\n", 19),
          std::string("GET / HTTP/1.1\n\n"), std::string("GET / HTTP/1.1\r\r\r\r"),
          std::string(" GET / HTTP/1.1\r\n\r\n"), std::string("GET\t/\tHTTP/1.1\r\n\r\n"),
          std::string("GET /\x7f HTTP/1.1\r\n\r\n"), std::string("GET ? HTTP/1.1\r\n\r\n"),
          std::string("GET # HTTP/1.1\r\n\r\n"), std::string("GET %% HTTP/1.1\r\n\r\n"),
          std::string("GET /%zz HTTP/1.1\r\n\r\n"), std::string("GET /% HTTP/1.1\r\n\r\n"),
          std::string(4096, 'A') + " / HTTP/1.1\r\n\r\n",
          std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),  // a TLS hello
          std::string("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
          std::string("\xff\xfe\xfd\xfc\r\n\r\n")}) {
        add("request line " + std::to_string(shapes.size()), line);
    }
    // Methods and request-target forms.
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PROPFIND",
                               "MKCOL", "LOCK", "FOO", "OPTIONS"}) {
        add(std::string(method) + " /api/search", std::string(method) + " /api/search HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    add("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
    add("absolute form", get("http://evil.example/api/search?q=a"));
    add("authority form", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
    add("HTTP/1.0 without Host", "GET /api/search?q=a HTTP/1.0\r\n\r\n");
    add("no Host", "GET /api/search?q=a HTTP/1.1\r\n\r\n");
    add("two Hosts", get("/api/search?q=a", "Host: other\r\n"));
    // Oversized URIs and query strings, on each target.
    for (const auto& target : targets) {
        for (std::size_t size : {std::size_t{8000}, std::size_t{8300}, std::size_t{65536}}) {
            const std::string join = target.find('?') == std::string::npos ? "?a=" : "&a=";
            add("long URI " + std::to_string(size) + " " + target, get(target + join + std::string(size, 'x')));
        }
    }
    add("1 MB path", get("/" + std::string(1 << 20, 'p')));
    add("2000 parameters", [] {
        std::string q = "/api/search?q=a";
        for (int i = 0; i < 2000; ++i) q += "&source=s" + std::to_string(i);
        return get(q);
    }());
    add("2 KB q", get("/api/search?q=" + std::string(2048, 'a')));
    // Encoded traversal on the page and the API.
    for (const char* path :
         {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
          "/..%2f..%2fetc/passwd", "/%252e%252e/etc/passwd", "/....//....//etc/passwd",
          "/.%00./etc/passwd", "/%c0%ae%c0%ae/etc/passwd", "/..\\..\\etc\\passwd",
          "/%5c..%5c..%5cetc/passwd", "/js/../../etc/passwd", "/./index.html", "/.git/config",
          "/.env", "/%2e/index.html", "/index.html%00.txt", "/index.html%0a", "//etc/passwd",
          "/api/doc/..%2f..%2fetc%2fpasswd", "/api/../index.html", "/api/%2e%2e/metrics",
          "/web/../server.json", "/~root/", "/%ef%bc%8e%ef%bc%8e/etc/passwd"}) {
        add(std::string("traversal ") + path, get(path));
    }
    // CRLF injection through the target and header values.
    for (const char* target :
         {"/api/search?q=a%0d%0aSet-Cookie:%20x=1", "/api/doc/a%0d%0aLocation:%20http://evil",
          "/%0d%0aSet-Cookie:x=1", "/api/search?q=a%0aX-Injected:1", "/api/search?q=%0d%0a%0d%0a<script>",
          "/api/search?q=a&page=1%0d%0aX:1", "/api/search?sort=date%0d%0a"}) {
        add(std::string("CRLF ") + target, get(target));
    }
    add("CRLF in Origin", get("/api/search?q=a", "Origin: http://a\r\nX-Injected: 1\r\n"));
    add("bare LF header", "GET /api/search?q=a HTTP/1.1\nHost: x\nX-A: b\n\n");
    add("bare CR in header", get("/api/search?q=a", "X-A: b\rX-B: c\r\n"));
    // Bodies: plain, chunked, compressed, with contradicting lengths.
    const std::string json_body = R"({"q":"harbour"})";
    for (const auto& target : {std::string("/api/search?q=a"), std::string("/")}) {
        add("GET with body " + target, get(target, "Content-Length: 15\r\n") + json_body);
        add("POST with body " + target, "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n" + json_body);
        add("chunked " + target, get(target, "Transfer-Encoding: chunked\r\n") + "f\r\n" + json_body + "\r\n0\r\n\r\n");
        add("chunked, bad size " + target, get(target, "Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n0\r\n\r\n");
        add("chunked, huge size " + target, get(target, "Transfer-Encoding: chunked\r\n") + "ffffffffffffffff\r\nabc\r\n");
        add("gzip body " + target, get(target, "Content-Encoding: gzip\r\nContent-Length: " +
                                                   std::to_string(gzip_of(json_body).size()) + "\r\n") + gzip_of(json_body));
        add("gzip bomb header " + target, get(target, "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n") +
                                              "a\r\n" + std::string(10, '\x1f') + "\r\n0\r\n\r\n");
        add("deflate, no length " + target, get(target, "Content-Encoding: deflate\r\n"));
        add("negative length " + target, get(target, "Content-Length: -1\r\n"));
        add("huge length " + target, get(target, "Content-Length: 99999999999999999999\r\n") + "abc");
        add("two lengths " + target, get(target, "Content-Length: 0\r\nContent-Length: 15\r\n") + json_body);
        add("length and chunked " + target, get(target, "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n");
        add("TE chunked, identity " + target, get(target, "Transfer-Encoding: chunked, identity\r\n") + "0\r\n\r\n");
        add("TE obfuscated " + target, get(target, "Transfer-Encoding : chunked\r\n") + "0\r\n\r\n");
        add("Expect 100-continue " + target, get(target, "Expect: 100-continue\r\nContent-Length: 15\r\n") + json_body);
        add("length word " + target, get(target, "Content-Length: ten\r\n"));
    }
    // Header floods and malformed headers.
    auto headers = [](int count, std::size_t value_size) {
        std::string h;
        for (int i = 0; i < count; ++i) h += "X-H" + std::to_string(i) + ": " + std::string(value_size, 'v') + "\r\n";
        return h;
    };
    add("100 headers", get("/api/search?q=a", headers(100, 10)));
    add("1000 headers", get("/api/search?q=a", headers(1000, 10)));
    add("20000 headers", get("/api/search?q=a", headers(20000, 1)));
    add("one 8 KB header", get("/api/search?q=a", headers(1, 8192)));
    add("one 100 KB header", get("/api/search?q=a", headers(1, 100000)));
    add("one 1 MB header", get("/api/search?q=a", headers(1, 1 << 20)));
    add("header without colon", get("/api/search?q=a", "NoColonHere\r\n"));
    add("header name with space", get("/api/search?q=a", "Bad Name: v\r\n"));
    add("empty header name", get("/api/search?q=a", ": v\r\n"));
    add("obs-fold", get("/api/search?q=a", "X-A: one\r\n two\r\n"));
    add("NUL in header", get("/api/search?q=a", std::string("X-A: a\0b\r\n", 10)));
    add("REMOTE_ADDR shadowing", get("/api/search?q=a", "REMOTE_ADDR: 10.0.0.1\r\nREMOTE_PORT: 1\r\n"));
    add("X-Forwarded-For", get("/api/search?q=a", "X-Forwarded-For: 10.0.0.1, <script>\r\n"));
    add("Authorization junk", get("/api/search?q=a", "Authorization: Bearer " + std::string(9000, 'k') + "\r\n"));
    add("Cookie flood", get("/api/search?q=a", "Cookie: " + std::string(7000, 'c') + "\r\n"));
    add("Range flood", get("/index.html", [] {
        std::string r = "Range: bytes=";
        for (int i = 0; i < 1000; ++i) r += std::to_string(i) + "-" + std::to_string(i) + ",";
        r.pop_back();
        return r + "\r\n";
    }()));
    add("Range overlapping", get("/index.html", "Range: bytes=0-,0-,0-,0-,0-,0-,0-,0-,0-,0-\r\n"));
    add("Range backwards", get("/index.html", "Range: bytes=500-100\r\n"));
    add("Range beyond end", get("/index.html", "Range: bytes=999999999-\r\n"));
    add("Range on API", get("/api/search?q=a", "Range: bytes=0-5,10-20\r\n"));
    add("Accept-Encoding odd", get("/api/search?q=a", "Accept-Encoding: gzip;q=2, br, *;q=-1\r\n"));
    add("Origin null", get("/api/search?q=a", "Origin: null\r\n"));
    add("Origin huge", get("/api/search?q=a", "Origin: http://" + std::string(5000, 'o') + "\r\n"));
    add("preflight for PUT", "OPTIONS /api/search HTTP/1.1\r\nHost: x\r\nOrigin: http://a\r\nAccess-Control-Request-Method: PUT\r\n\r\n");
    add("Connection upgrade", get("/api/search?q=a", "Connection: Upgrade\r\nUpgrade: websocket\r\n"));
    add("h2c upgrade", get("/", "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n"));
    // Invalid UTF-8 and odd encodings in every parameter.
    for (const char* value : {"%ff", "%c3%28", "%e2%28%a1", "%f0%28%8c%bc", "%c0%af", "%ed%a0%80",
                              "%f4%90%80%80", "%fe%ff", "%00", "%c3", "%e6%97", "%ef%bb%bf",
                              "%e2%80%ae", "%ef%bf%bf"}) {
        for (const char* name : {"q", "source", "place", "from", "sort", "page", "lang"}) {
            add(std::string("bad UTF-8 ") + name + "=" + value,
                get(std::string("/api/search?") + name + "=" + value));
        }
        add(std::string("bad UTF-8 doc id ") + value, get(std::string("/api/doc/") + value));
        add(std::string("bad UTF-8 path ") + value, get(std::string("/") + value));
    }
    add("raw high bytes in target", get("/api/search?q=\xff\xfe\xc3("));
    add("raw NUL in target", std::string("GET /api/search?q=a\0b HTTP/1.1\r\nHost: x\r\n\r\n", 44));
    // Pipelining.
    std::string pipelined;
    for (int i = 0; i < 50; ++i) pipelined += get("/api/search?q=harbour&page=" + std::to_string(i % 5 + 1));
    add("50 pipelined searches", pipelined);
    add("pipelined after bad request", get("/api/search?size=0") + get("/api/search?q=a"));
    add("pipelined garbage", get("/api/search?q=a") + "garbage\r\n\r\n");
    return shapes;
}

}  // namespace

TEST_CASE("hostile requests: never a 5xx, and the server keeps answering", "[e2e][hostile]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const auto shapes = hostile_shapes();
    REQUIRE(shapes.size() >= 200);

    std::size_t answered = 0, closed = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const Shape& shape = shapes[i];
        INFO("shape " << i << ": " << shape.name);
        RawConnection connection(server.port());
        REQUIRE(connection.connected());
        connection.send_all(shape.bytes);
        const std::string reply = connection.receive(1500);
        const auto codes = statuses(reply);
        if (codes.empty()) {
            ++closed;  // refusing by closing is allowed
        } else {
            ++answered;
        }
        for (int code : codes) {
            INFO("status " << code << "\n" << reply.substr(0, 600));
            CHECK((code < 500 || (code == 503 && reply.find("server_busy") != std::string::npos)));
            CHECK_FALSE(has_header_line(reply, "X-Injected"));
            CHECK_FALSE(has_header_line(reply, "Set-Cookie"));
            CHECK_FALSE(has_header_line(reply, "Location: http://evil"));
            CHECK(reply.find("root:") == std::string::npos);  // /etc/passwd never served
        }
        if (i % 25 == 24) {
            auto health = server.client().Get("/api/health");
            REQUIRE(health);
            REQUIRE(health->status == 200);
        }
    }
    INFO(answered << " answered, " << closed << " closed without an answer");
    CHECK(answered > shapes.size() / 2);
    auto after = server.client().Get("/api/search?q=harbour");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("slow clients cannot hold the worker pool", "[e2e][hostile]") {
    IndexedFixtures fixtures;
    dateline::server::ServerConfig config = RunningServer::config_for(fixtures.db);
    config.threads = 2;
    config.read_timeout_seconds = 2;
    RunningServer server(config);

    // More slow clients than workers, each trickling its request head a byte at a time.
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 4; ++i) {
        slow.push_back(std::make_unique<RawConnection>(server.port()));
        REQUIRE(slow.back()->connected());
    }
    const std::string head = get("/api/search?q=harbour");
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
        for (std::size_t at = 0; at < head.size() && !stop; ++at) {
            for (auto& connection : slow) connection->send_all(head.substr(at, 1));
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    });
    // Within the request deadline (2 s) plus one read timeout, the pool is free again.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto start = std::chrono::steady_clock::now();
    auto client = server.client();
    auto res = client.Get("/api/search?q=harbour");
    const auto waited = std::chrono::steady_clock::now() - start;
    stop = true;
    trickle.join();
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(waited < std::chrono::seconds(10));
}

TEST_CASE("keep-alive connections take turns when clients outnumber the workers",
          "[e2e][hostile]") {
    IndexedFixtures fixtures;
    dateline::server::ServerConfig config = RunningServer::config_for(fixtures.db);
    config.threads = 1;
    config.keep_alive_seconds = 5;  // an idle connection alone would hold the worker 5 s
    RunningServer server(config);
    const std::string request = get("/api/search?q=harbour");
    const auto closes = [](const std::string& response) {
        return response.find("\r\nConnection: close\r\n") != std::string::npos;
    };

    auto first = std::make_unique<RawConnection>(server.port());
    REQUIRE(first->connected());
    first->send_all(request);
    const std::string alone = first->receive(5000);
    REQUIRE(statuses(alone) == std::vector<int>{200});
    CHECK_FALSE(closes(alone));  // nobody waits: the connection is kept

    // A second client arrives while the only worker holds the first connection.
    RawConnection second(server.port());
    REQUIRE(second.connected());
    second.send_all(request);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first->send_all(request);
    const std::string told = first->receive(5000);
    REQUIRE(statuses(told) == std::vector<int>{200});
    CHECK(closes(told));  // someone waits: this answer ends the connection
    first.reset();        // the client closes, as HTTP clients do on "Connection: close"

    const auto start = std::chrono::steady_clock::now();
    const std::string served = second.receive(5000);
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(statuses(served) == std::vector<int>{200});
    CHECK(waited < std::chrono::seconds(3));  // not the 5 s keep-alive of the first client
}
