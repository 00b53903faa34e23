// Shards: the bundled sample (2,000 DOJ releases) indexed as one database and with
// `--shards 2`, and the two shard folders served by two real xapian-tcpsrv processes on
// loopback ports behind a stub file of `remote` lines. The same searches through the real
// server must give the same releases in the same order in all three layouts; what the remote
// backend lacks (spelling data) must degrade without an error, and a stopped xapian-tcpsrv
// must give a 503 until it is back.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <fstream>
#include <map>
#include <memory>
#include <set>

#include <xapian.h>

#include "e2e_server.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"

using namespace dateline::testing;

namespace {

const char* const tcpsrv_bin = "/usr/bin/xapian-tcpsrv";

// A port that was free a moment ago.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected =
        ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// xapian-tcpsrv serving one database on 127.0.0.1. It runs in a process group of its own
// (it forks a process per connection), and the whole group is killed when this object goes,
// whichever way the test ends; should the test process die, the kernel stops it too.
class TcpServer {
public:
    TcpServer(std::string db, int port) : db_(std::move(db)), port_(port) { start(); }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    void start() {
        REQUIRE(pid_ < 0);
        const std::string port = std::to_string(port_);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);  // "connection closed" notes when a client goes
            ::execl(tcpsrv_bin, tcpsrv_bin, "--quiet", "--interface", "127.0.0.1", "--port",
                    port.c_str(), db_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::setpgid(pid_, pid_);  // also here: no race with the child's own call
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!accepts_connections(port_)) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                FAIL("xapian-tcpsrv exited at start on port " << port_);
            }
            if (std::chrono::steady_clock::now() > deadline) {
                stop();
                FAIL("xapian-tcpsrv did not listen on port " << port_);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    void stop() {
        if (pid_ < 0) return;
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    int port() const { return port_; }

private:
    std::string db_;
    int port_;
    pid_t pid_ = -1;
};

// Two xapian-tcpsrv processes, one per shard, and the stub file that names them.
struct RemoteShards {
    explicit RemoteShards(const std::string& sharded_db) {
        INFO(tcpsrv_bin << " is missing: install Debian's xapian-tools (scripts/setup.sh does)");
        REQUIRE(::access(tcpsrv_bin, X_OK) == 0);
        for (unsigned i = 0; i < 2; ++i) {
            const std::string shard = sharded_db + "/" + dateline::indexer::shard_folder_name(i);
            servers.push_back(std::make_unique<TcpServer>(shard, free_port()));
        }
        std::ofstream out(stub);
        for (const auto& server : servers) out << "remote 127.0.0.1:" << server->port() << "\n";
        REQUIRE(out.good());
    }
    TempDir dir;
    std::string stub = dir / "remote-shards.stub";
    std::vector<std::unique_ptr<TcpServer>> servers;
};

std::vector<std::string> dates_of(const json& body) {
    std::vector<std::string> dates;
    for (const auto& hit : body["hits"]) dates.push_back(hit["date"].get<std::string>());
    return dates;
}

// Ids under each date: a date sort orders releases of the same day by relevance, then by
// document id, and document ids depend on the layout.
std::map<std::string, std::set<std::string>> ids_by_date(const json& body) {
    std::map<std::string, std::set<std::string>> groups;
    for (const auto& hit : body["hits"]) {
        groups[hit["date"].get<std::string>()].insert(hit["id"].get<std::string>());
    }
    return groups;
}

// `expected` and `actual` answer the same search alike.
void check_same_answer(const std::string& query, const json& expected, const json& actual,
                       const std::string& layout) {
    INFO(layout << ": " << query);
    CHECK(actual["interpreted_as"] == expected["interpreted_as"]);
    CHECK(actual["hits"].size() == expected["hits"].size());
    const bool date_sort = query.find("sort=date") != std::string::npos ||
                           query.find("sort=-date") != std::string::npos ||
                           query.find("q=") == std::string::npos;
    if (date_sort) {
        // Asked with a page that holds every match, so no same-day group is cut.
        REQUIRE(expected["total"].get<int>() <= static_cast<int>(expected["hits"].size()));
        CHECK(dates_of(actual) == dates_of(expected));
        CHECK(ids_by_date(actual) == ids_by_date(expected));
    } else {
        CHECK(ids_of(actual) == ids_of(expected));
        const std::size_t n = std::min(actual["hits"].size(), expected["hits"].size());
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(actual["hits"][i]["score"].get<double>() ==
                  Approx(expected["hits"][i]["score"].get<double>()).margin(0.002));
            CHECK(actual["hits"][i]["duplicates"] == expected["hits"][i]["duplicates"]);
        }
    }
    if (!expected["total_is_estimate"].get<bool>() && !actual["total_is_estimate"].get<bool>()) {
        CHECK(actual["total"] == expected["total"]);
    }
    if (expected.contains("facets")) CHECK(actual["facets"] == expected["facets"]);
}

// Words, phrases, operators, field prefixes, wildcards, filters, pages, date sorts and facets.
const std::vector<std::string> query_set = {
    "q=fraud",
    "q=fraud&page=2",
    "q=fraud&size=20&page=3",
    "q=%22health%20care%20fraud%22",
    "q=%22false%20claims%20act%22&page=2",
    "q=antitrust",
    "q=tax%20NOT%20evasion",
    "q=bribery%20OR%20kickbacks",
    "q=%28cocaine%20OR%20heroin%29%20trafficking",
    "q=%2Bindicted%20-tax",
    "q=title%3Afraud",
    "q=civil%20rights&page=2",
    "q=money%20laundering&page=2&size=25",
    "q=Medicare&size=50",
    "q=extradited",
    "q=year%3A2014%20sentenced",
    "q=year%3A2014&page=2",  // filter terms only: every weight is 0, all ties
    "q=lang%3Aen&page=3&size=20",
    "q=fraud&from=2012&to=2013",
    "q=firearms&lang=en",
    "q=immigration&from=2015-06",
    "q=pleaded%20guilty&page=2&size=25",
    "q=securities%20fraud&facets=source,year,month",
    "q=environmental&facets=month,lang",
    "q=child%20exploitation&facets=year&page=2",
    "q=price%20fixing&sort=date&size=100",
    "q=extradited&sort=-date&size=100",
    "from=2016-02&to=2016-02&size=100",
    "from=2011-07-01&to=2011-07-31&sort=date&size=100&facets=month",
};

// Xapian 1.4 expands a wildcard on each shard, and weighs the expansion with that shard's
// statistics: the matches, totals and facets agree with one database, scores and order do not.
const std::vector<std::string> wildcard_query_set = {
    "q=develop%2A&facets=year",
    "q=extradit%2A&size=100&facets=year",
    "q=cyber%2A%20fraud&size=100&facets=year",
};

std::set<std::string> id_set(const json& body) {
    const auto ids = ids_of(body);
    return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("Two shards split the sample by id hash; re-runs add nothing; another count is refused",
          "[e2e][shards]") {
    SampleLayouts& sample = sample_layouts();
    Xapian::doccount sum = 0;
    for (unsigned i = 0; i < 2; ++i) {
        const std::string shard = sample.sharded + "/" + dateline::indexer::shard_folder_name(i);
        const Xapian::Database db(shard);
        INFO(shard);
        CHECK(db.get_doccount() > 0);
        CHECK(db.get_doccount() < sample_documents);
        sum += db.get_doccount();
        // Every release sits in the shard its id hashes to.
        std::size_t misplaced = 0;
        for (auto it = db.allterms_begin(dateline::schema::prefix_id);
             it != db.allterms_end(dateline::schema::prefix_id); ++it) {
            const auto doc = db.get_document(*db.postlist_begin(*it));
            const auto release = dateline::schema::decode_data(doc.get_data());
            REQUIRE(release);
            if (dateline::indexer::shard_of(release->id, 2) != i) ++misplaced;
        }
        CHECK(misplaced == 0);
    }
    CHECK(sum == sample_documents);
    // The folder opens as one database through its stub file.
    CHECK(Xapian::Database(sample.sharded).get_doccount() == sample_documents);

    SECTION("a re-run, with or without --shards 2, finds every release unchanged") {
        for (const unsigned shards : {2U, 0U}) {
            const auto again = index_into(sample.sharded, {sample_file}, shards);
            CHECK(again.exit_code == 0);
            CHECK(again.counts.added == 0);
            CHECK(again.counts.replaced == 0);
            CHECK(again.counts.unchanged == sample_documents);
            CHECK(again.counts.documents == sample_documents);
        }
    }
    SECTION("another number of shards, or shards for a single database, is refused") {
        CHECK_THROWS_WITH(index_into(sample.sharded, {sample_file}, 3),
                          Catch::Contains("'" + sample.sharded + "' has 2 shards") &&
                              Catch::Contains("--shards asks for 3"));
        CHECK_THROWS_WITH(index_into(sample.single, {sample_file}, 2),
                          Catch::Contains("'" + sample.single + "' has 1 shard") &&
                              Catch::Contains("--shards asks for 2"));
        CHECK(Xapian::Database(sample.sharded).get_doccount() == sample_documents);
    }
}

TEST_CASE("one database, two local shards and two remote shards answer alike", "[e2e][shards]") {
    SampleLayouts& sample = sample_layouts();
    RemoteShards remote(sample.sharded);
    RunningServer single(sample.single);
    RunningServer local(sample.sharded);
    RunningServer remote_server(remote.stub);

    for (const std::string& query : query_set) {
        const json expected = single.search(query);
        INFO(query << " -> " << expected["total"] << " hits");
        CHECK(!expected["hits"].empty());
        check_same_answer(query, expected, local.search(query), "local shards");
        check_same_answer(query, expected, remote_server.search(query), "remote shards");
    }
    for (const std::string& query : wildcard_query_set) {
        const json expected = single.search(query);
        INFO(query << " -> " << expected["total"] << " hits");
        CHECK(!expected["hits"].empty());
        for (const RunningServer* layout : {&local, &remote_server}) {
            const json answer = layout->search(query);
            INFO((layout == &local ? "local shards" : "remote shards"));
            // Counted exactly, with the facets.
            CHECK(answer["total"] == expected["total"]);
            CHECK(answer["facets"] == expected["facets"]);
            if (expected["total"].get<std::size_t>() <= expected["hits"].size()) {
                CHECK(id_set(answer) == id_set(expected));
            }
        }
    }
}

TEST_CASE(
    "remote shards: documents, statistics and metrics work; did-you-mean degrades; "
    "a stopped xapian-tcpsrv gives 503 until it is back",
    "[e2e][shards]") {
    SampleLayouts& sample = sample_layouts();
    RemoteShards remote(sample.sharded);
    RunningServer single(sample.single);
    RunningServer local(sample.sharded);
    RunningServer server(remote.stub);

    SECTION("document view, statistics, health and metrics") {
        const json hits = single.search("q=antitrust&size=3");
        REQUIRE(hits["hits"].size() == 3);
        for (const auto& hit : hits["hits"]) {
            const std::string path =
                "/api/doc/" + url_encode(hit["id"].get<std::string>()) + "?q=antitrust";
            auto [status, body] = server.get_json(path);
            auto [expected_status, expected] = single.get_json(path);
            CHECK(status == 200);
            CHECK(body == expected);
        }
        auto [status, stats] = server.get_json("/api/stats");
        auto [expected_status, expected_stats] = single.get_json("/api/stats");
        CHECK(status == 200);
        CHECK(stats["documents"] == sample_documents);
        CHECK(stats["sources"] == expected_stats["sources"]);
        CHECK(stats["first_date"] == expected_stats["first_date"]);
        CHECK(stats["last_date"] == expected_stats["last_date"]);
        auto [health_status, health] = server.get_json("/api/health");
        CHECK(health_status == 200);
        CHECK(health["documents"] == sample_documents);
        auto metrics = server.client().Get("/metrics");
        REQUIRE(metrics);
        CHECK(metrics->status == 200);
        CHECK(metrics->body.find("dateline_index_documents 2000") != std::string::npos);
    }

    SECTION("did-you-mean: from one database and local shards, none through remote shards") {
        const std::string query = "q=fruad";
        const json expected = single.search(query);
        REQUIRE(expected["suggestion"].is_object());
        CHECK(expected["suggestion"]["query"] == "fraud");
        CHECK(local.search(query)["suggestion"] == expected["suggestion"]);
        const json remote_answer = server.search(query);  // 200: checked by search()
        CHECK(remote_answer["suggestion"].is_null());
        CHECK(ids_of(remote_answer) == ids_of(expected));
    }

    SECTION("a stopped xapian-tcpsrv: 503 with a JSON error, then answers again") {
        const json before = server.search("q=fraud");
        remote.servers[1]->stop();
        for (int i = 0; i < 3; ++i) {  // every pooled handle finds out, none crashes
            auto [status, body] = server.get_json("/api/search?q=fraud");
            CHECK(status == 503);
            CHECK(body["error"]["code"] == "database_unavailable");
        }
        auto [health_status, health] = server.get_json("/api/health");
        CHECK(health_status == 503);
        remote.servers[1]->start();
        const json after = server.search("q=fraud");
        CHECK(ids_of(after) == ids_of(before));
        CHECK(after["total"] == before["total"]);
    }
}
