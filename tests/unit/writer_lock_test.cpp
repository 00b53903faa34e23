#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "temp_dir.hpp"
#include "writer_lock.hpp"

using dateline::indexer::lock_database;
using dateline::indexer::LockOutcome;
using dateline::indexer::take_writer_lock;
using dateline::indexer::WriterLock;
using dateline::testing::TempDir;

namespace {

constexpr double forever = std::numeric_limits<double>::infinity();
const auto never = [] { return false; };

}  // namespace

TEST_CASE("one writer lock per database", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "nested/db";
    std::vector<std::string> waits;
    const auto on_wait = [&](const std::string& holder) { waits.push_back(holder); };
    const std::string this_process = "process " + std::to_string(::getpid());

    auto first = take_writer_lock(db, true, std::nullopt, never, on_wait);
    REQUIRE(first.outcome == LockOutcome::acquired);
    CHECK(first.lock.held());

    SECTION("a second one is refused at once and told who holds it") {
        const auto second = take_writer_lock(db, true, std::nullopt, never, on_wait);
        CHECK(second.outcome == LockOutcome::busy);
        CHECK_FALSE(second.lock.held());
        CHECK(second.holder == this_process);
        CHECK(waits.empty());
    }
    SECTION("a waiting one gives up when its time is up") {
        const auto start = std::chrono::steady_clock::now();
        const auto second = take_writer_lock(db, true, 0.3, never, on_wait);
        const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
        CHECK(second.outcome == LockOutcome::timed_out);
        CHECK(waited.count() >= 0.3);
        CHECK(waits == std::vector<std::string>{this_process});
    }
    SECTION("a stop request ends the wait") {
        const auto second = take_writer_lock(
            db, true, forever, [] { return true; }, on_wait);
        CHECK(second.outcome == LockOutcome::interrupted);
        CHECK_FALSE(second.lock.held());
    }
    SECTION("a waiting one gets the lock when the first lets go") {
        std::thread first_finishes([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            first.lock = WriterLock();
        });
        const auto second = take_writer_lock(db, true, forever, never, on_wait);
        first_finishes.join();
        CHECK(second.outcome == LockOutcome::acquired);
        CHECK(second.lock.held());
        CHECK(waits.size() == 1);
    }
    SECTION("lock_database names the database and says what to do") {
        std::vector<std::string> reports;
        const auto report = [&](const std::string& line) { reports.push_back(line); };
        CHECK_THROWS_WITH(lock_database(db, true, std::nullopt, never, report),
                          "cannot write to database '" + db + "': another indexer (" +
                              this_process +
                              ") is writing to it; run again when it has finished, or use "
                              "--wait to queue behind it");
        CHECK_THROWS_WITH(lock_database(db, true, 1.0, never, report),
                          Catch::Contains("was still writing to it after 1 s"));
        REQUIRE(reports.size() == 1);
        CHECK(reports[0] == "indexer: another indexer (" + this_process + ") is writing to '" + db +
                                "'; waiting for it to finish (at most 1 s)");
    }
}

TEST_CASE("released locks leave an empty lock file and can be taken again", "[indexer]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        const auto held =
            take_writer_lock(db, true, std::nullopt, never, [](const std::string&) {});
        REQUIRE(held.outcome == LockOutcome::acquired);
        std::ifstream file(db + "/writer.lock");
        std::string pid;
        std::getline(file, pid);
        CHECK(pid == std::to_string(::getpid()));
    }
    std::ifstream file(db + "/writer.lock");
    CHECK(file.peek() == std::ifstream::traits_type::eof());
    CHECK(take_writer_lock(db, true, std::nullopt, never, [](const std::string&) {}).outcome ==
          LockOutcome::acquired);
}

TEST_CASE("without a database folder there is no lock to take", "[indexer]") {
    TempDir dir;
    const auto attempt =
        take_writer_lock(dir / "missing", false, std::nullopt, never, [](const std::string&) {});
    CHECK(attempt.outcome == LockOutcome::unavailable);
    CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_CASE("a path that cannot be a database folder gets no lock and no error", "[indexer]") {
    TempDir dir;
    const std::string file = dir / "not-a-folder";
    std::ofstream(file) << "text";
    const auto attempt =
        take_writer_lock(file, true, std::nullopt, never, [](const std::string&) {});
    CHECK(attempt.outcome == LockOutcome::unavailable);
    // Opening the database reports the real problem later.
    CHECK_FALSE(lock_database(file, true, std::nullopt, never, [](const std::string&) {}).held());
}
