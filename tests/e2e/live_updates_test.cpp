// The server keeps answering while the index changes under it: commits by a running indexer,
// and a freshly built index swapped in by flipping a symlink. Not one request may fail.

#include <filesystem>
#include <fstream>

#include "e2e_server.hpp"

using namespace dateline::testing;
namespace fs = std::filesystem;

namespace {

// Writes `count` fictional releases numbered from `first` as JSON Lines.
void write_releases(const std::string& path, int first, int count) {
    std::ofstream out(path);
    for (int i = first; i < first + count; ++i) {
        out << json{{"id", "live-" + std::to_string(i)},
                    {"title", "Harbour notice number " + std::to_string(i)},
                    {"date", "2024-03-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)},
                    {"source", "Port Authority"},
                    {"body", "The harbour master announces schedule change " + std::to_string(i) +
                                 " for the ferry lanes and the pilot boats."}}
                   .dump()
            << "\n";
    }
}

// Clients that search as fast as they can until told to stop, counting what came back.
class Load {
public:
    Load(const RunningServer& server, int clients) {
        for (int c = 0; c < clients; ++c) {
            threads_.emplace_back([this, &server] {
                auto client = server.client();
                client.set_keep_alive(true);
                while (!stop_) {
                    auto res = client.Get("/api/search?q=harbour&size=5");
                    if (!res || res->status != 200) {
                        ++failed_;
                    } else {
                        last_total_ = json::parse(res->body)["total"].get<long>();
                        ++ok_;
                    }
                }
            });
        }
    }
    ~Load() { finish(); }
    void finish() {
        stop_ = true;
        for (auto& t : threads_) {
            if (t.joinable()) t.join();
        }
    }
    long ok() const { return ok_; }
    long failed() const { return failed_; }
    long last_total() const { return last_total_; }

private:
    std::vector<std::thread> threads_;
    std::atomic<bool> stop_{false};
    std::atomic<long> ok_{0}, failed_{0}, last_total_{0};
};

}  // namespace

TEST_CASE("searches never fail while the indexer commits", "[e2e][live]") {
    TempDir dir;
    const std::string db = dir / "db";
    write_releases(dir / "batch-0.jsonl", 0, 50);
    REQUIRE(index_into(db, {dir / "batch-0.jsonl"}).exit_code == 0);

    RunningServer server(db);
    Load load(server, 4);
    for (int batch = 1; batch <= 8; ++batch) {
        const std::string file = dir / ("batch-" + std::to_string(batch) + ".jsonl");
        write_releases(file, batch * 50, 50);
        dateline::indexer::IndexerOptions options;
        options.db_path = db;
        options.inputs = {file};
        options.quiet = true;
        options.batch_size = 10;  // several commits per batch
        std::atomic<bool> stop{false};
        std::ostringstream out, err;
        REQUIRE(dateline::indexer::run_indexer(options, stop, out, err).exit_code == 0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    load.finish();
    INFO("ok " << load.ok() << ", failed " << load.failed());
    CHECK(load.failed() == 0);
    CHECK(load.ok() > 50);
    CHECK(load.last_total() == 450);
}

TEST_CASE("an index swapped in by a symlink is picked up without a failed request", "[e2e][live]") {
    TempDir dir;
    write_releases(dir / "small.jsonl", 0, 20);
    write_releases(dir / "large.jsonl", 0, 120);
    REQUIRE(index_into(dir / "db-1", {dir / "small.jsonl"}).exit_code == 0);
    REQUIRE(index_into(dir / "db-2", {dir / "large.jsonl"}).exit_code == 0);
    const fs::path current = dir.path() / "current";
    fs::create_directory_symlink(dir.path() / "db-1", current);

    RunningServer server(current.string());
    CHECK(server.search("q=harbour")["total"] == 20);
    Load load(server, 4);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // The atomic flip: a new symlink renamed over the old one.
    fs::create_directory_symlink(dir.path() / "db-2", dir.path() / "current.new");
    fs::rename(dir.path() / "current.new", current);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    load.finish();
    INFO("ok " << load.ok() << ", failed " << load.failed());
    CHECK(load.failed() == 0);
    CHECK(load.last_total() == 120);
    CHECK(server.search("q=harbour")["total"] == 120);

    // A stub file rewritten in place is picked up as well.
    const fs::path stub = dir.path() / "index.stub";
    std::ofstream(stub) << "auto " << (dir.path() / "db-1").string() << "\n";
    RunningServer stub_server(stub.string());
    CHECK(stub_server.search("q=harbour")["total"] == 20);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a later modification time
    std::ofstream(dir.path() / "index.stub.new") << "auto " << (dir.path() / "db-2").string() << "\n";
    fs::rename(dir.path() / "index.stub.new", stub);
    CHECK(stub_server.search("q=harbour")["total"] == 120);
}
