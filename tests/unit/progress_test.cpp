#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "progress.hpp"
#include "temp_dir.hpp"

using dateline::indexer::format_duration;
using dateline::indexer::Progress;
using dateline::indexer::progress_line;
using dateline::indexer::progress_mode;
using dateline::indexer::ProgressMode;
using dateline::indexer::ProgressState;
using dateline::indexer::RunCounts;
using dateline::testing::TempDir;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

std::vector<dateline::indexer::InputFile> inputs(const std::vector<std::string>& paths) {
    std::vector<dateline::indexer::InputFile> files(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) files[i].path = paths[i];
    return files;
}

}  // namespace

TEST_CASE("durations for the time left", "[indexer]") {
    const auto [seconds, expected] = GENERATE(table<double, const char*>({
        {0.0, "0 s"},
        {8.4, "8 s"},
        {59.6, "1 min 00 s"},
        {185.0, "3 min 05 s"},
        {3720.0, "1 h 02 min"},
        {-3.0, "0 s"},
    }));
    CHECK(format_duration(seconds) == expected);
}

TEST_CASE("the progress line", "[indexer]") {
    ProgressState state;
    state.files_started = 3;
    state.files_total = 16;
    state.documents = 1542;
    state.current_file = "wires/x.txt";
    SECTION("files, documents and rate") {
        CHECK(progress_line(state, 10.0) ==
              "3 of 16 files, 1542 documents (154/s); reading wires/x.txt");
    }
    SECTION("skipped records and the time left once whole files were read") {
        state.skipped = 2;
        state.bytes_total = 400;
        state.bytes_done = 100;
        state.bytes_done_at = 10.0;  // 100 bytes in 10 s: 40 s for all, 28 s after 12 s
        CHECK(progress_line(state, 12.0) ==
              "3 of 16 files, 1542 documents (129/s), 2 skipped, about 28 s left; reading "
              "wires/x.txt");
    }
    SECTION("no time left without the total size (standard input)") {
        state.bytes_done = 100;
        state.bytes_done_at = 10.0;
        CHECK_THAT(progress_line(state, 12.0), !Catch::Contains("left"));
    }
    SECTION("singular and standard input") {
        state.files_started = 1;
        state.files_total = 1;
        state.documents = 1;
        state.current_file = "-";
        CHECK(progress_line(state, 1.0) == "1 of 1 file, 1 document (1/s); reading <stdin>");
    }
}

TEST_CASE("progress modes", "[indexer]") {
    std::ostringstream err;
    CHECK(progress_mode(err, true) == ProgressMode::off);
    // Only the process's own stderr can be a terminal.
    CHECK(progress_mode(err, false) == ProgressMode::plain);
}

TEST_CASE("plain progress writes whole lines, live progress redraws one", "[indexer]") {
    TempDir dir;
    const std::string first = dir / "first.jsonl";
    const std::string second = dir / "second.jsonl";
    std::ofstream(first) << std::string(300, 'x');
    std::ofstream(second) << std::string(100, 'x');
    RunCounts counts;
    counts.files = 1;
    counts.records = 10;

    SECTION("plain") {
        std::ostringstream err;
        Progress progress(err, ProgressMode::plain, std::chrono::milliseconds(0));
        progress.set_inputs(inputs({first, second}));
        progress.update(counts, first);
        counts.files = 2;
        counts.records = 20;
        progress.update(counts, second);
        const std::string text = err.str();
        CHECK(count_of(text, "\n") == 2);
        CHECK(count_of(text, "\r") == 0);
        CHECK_THAT(text, Catch::StartsWith("indexer: 1 of 2 files, 10 documents ("));
        CHECK_THAT(text, Catch::Contains("\nindexer: 2 of 2 files, 20 documents ("));
        // 300 of 400 bytes read: a time left is known from then on.
        CHECK_THAT(text, Catch::Contains("left; reading " + second + "\n"));
        progress.clear();
        CHECK(err.str() == text);
    }
    SECTION("live") {
        std::ostringstream err;
        Progress progress(err, ProgressMode::live, std::chrono::milliseconds(0));
        progress.set_inputs(inputs({first, second}));
        progress.update(counts, first);
        progress.update(counts, second);
        progress.clear();
        const std::string text = err.str();
        CHECK(count_of(text, "\n") == 0);
        CHECK(count_of(text, "\r\033[K") == 3);
        CHECK_THAT(text, Catch::EndsWith("\r\033[K"));
    }
    SECTION("a live line fits the terminal and keeps the file name") {
        const std::string long_name = dir / (std::string(120, 'd') + "/releases-2024.jsonl");
        std::ostringstream err;
        Progress progress(err, ProgressMode::live, std::chrono::milliseconds(0));
        progress.update(counts, long_name);
        const std::string line = err.str().substr(4);  // after "\r\033[K"
        CHECK(line.size() <= 79);                      // no terminal in tests: 80 columns
        CHECK_THAT(line, Catch::StartsWith("indexer: 10 documents"));
        CHECK_THAT(line, Catch::EndsWith("/releases-2024.jsonl"));
        CHECK_THAT(line, Catch::Contains("; reading ..."));
    }
    SECTION("off") {
        std::ostringstream err;
        Progress progress(err, ProgressMode::off, std::chrono::milliseconds(0));
        progress.update(counts, first);
        progress.clear();
        CHECK(err.str().empty());
    }
    SECTION("at most one plain line per interval") {
        std::ostringstream err;
        Progress progress(err, ProgressMode::plain, std::chrono::hours(1));
        for (int i = 0; i < 100; ++i) progress.update(counts, first);
        CHECK(err.str().empty());
    }
}
