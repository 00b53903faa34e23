#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include "line_reader.hpp"
#include "temp_dir.hpp"

using dateline::LineReader;
using dateline::read_whole_file;
using dateline::testing::TempDir;
using Catch::Matchers::Contains;

namespace {

const std::string data_dir = TEST_DATA_DIR;

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path);
}

void write_gzip(const std::string& path, const std::string& bytes) {
    gzFile gz = gzopen(path.c_str(), "wb1");
    if (gz == nullptr) throw std::runtime_error("cannot write " + path);
    const int written = gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(gz);
    if (written != static_cast<int>(bytes.size())) throw std::runtime_error("gzwrite failed");
}

std::vector<std::string> all_lines(LineReader& reader) {
    std::vector<std::string> lines;
    std::string line;
    while (reader.next(line)) lines.push_back(line);
    return lines;
}

std::vector<std::string> all_lines(const std::string& path) {
    LineReader reader(path);
    return all_lines(reader);
}

}  // namespace

TEST_CASE("LineReader splits lines and drops LF and CRLF ends", "[common]") {
    TempDir dir;
    auto [content, expected] = GENERATE(table<std::string, std::vector<std::string>>({
        {"", {}},
        {"one", {"one"}},
        {"one\n", {"one"}},
        {"one\ntwo", {"one", "two"}},
        {"one\r\ntwo\r\n", {"one", "two"}},
        {"\n\n", {"", ""}},
        {"a\n\nb\n", {"a", "", "b"}},
        {"cr\rinside\n", {"cr\rinside"}},
        {"only cr at end\r", {"only cr at end"}},
        {std::string("nul\0byte\n", 9), {std::string("nul\0byte", 8)}},
    }));
    CAPTURE(content);
    SECTION("plain") {
        write_file(dir / "lines.txt", content);
        CHECK(all_lines(dir / "lines.txt") == expected);
    }
    SECTION("gzipped") {
        write_gzip(dir / "lines.txt.gz", content);
        CHECK(all_lines(dir / "lines.txt.gz") == expected);
    }
}

TEST_CASE("LineReader counts lines", "[common]") {
    TempDir dir;
    write_file(dir / "three.txt", "a\nb\nc\n");
    LineReader reader(dir / "three.txt");
    std::string line;
    CHECK(reader.line_number() == 0);
    REQUIRE(reader.next(line));
    REQUIRE(reader.next(line));
    CHECK(line == "b");
    CHECK(reader.line_number() == 2);
    REQUIRE(reader.next(line));
    CHECK_FALSE(reader.next(line));
    CHECK(reader.line_number() == 3);
    CHECK_FALSE(reader.last_line_truncated());
}

TEST_CASE("LineReader reads the gzipped fixture like the plain one", "[common]") {
    const auto plain = all_lines(data_dir + "/jsonl/releases.jsonl");
    CHECK(plain.size() == 6);
    CHECK(all_lines(data_dir + "/jsonl/releases.jsonl.gz") == plain);
}

TEST_CASE("a truncated gzip file is an error naming the path", "[common]") {
    const std::string path = data_dir + "/bad/truncated.jsonl.gz";
    LineReader reader(path);
    std::string line;
    REQUIRE_THROWS_AS(all_lines(reader), std::runtime_error);
    LineReader again(path);
    REQUIRE_THROWS_WITH(all_lines(again), Contains(path) && Contains("unexpected end of file"));
}

TEST_CASE("corrupt gzip data is an error naming the path", "[common]") {
    TempDir dir;
    std::string bytes;
    {
        write_gzip(dir / "ok.gz", "a line of text\nanother line of text\n");
        std::ifstream in(dir / "ok.gz", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    bytes[bytes.size() - 6] = static_cast<char>(bytes[bytes.size() - 6] ^ 0x55);  // CRC32
    write_file(dir / "bad.gz", bytes);
    LineReader reader(dir / "bad.gz");
    REQUIRE_THROWS_WITH(all_lines(reader), Contains(dir / "bad.gz"));
    REQUIRE_THROWS_WITH(read_whole_file(dir / "bad.gz", 1024), Contains(dir / "bad.gz"));
}

TEST_CASE("a missing file is an error naming the path", "[common]") {
    TempDir dir;
    REQUIRE_THROWS_WITH(LineReader(dir / "missing.jsonl"),
                        Contains(dir / "missing.jsonl") && Contains("No such file"));
    REQUIRE_THROWS_WITH(read_whole_file(dir / "missing.txt", 10), Contains(dir / "missing.txt"));
}

TEST_CASE("an over-long line is consumed but returned truncated", "[common]") {
    TempDir dir;
    const std::size_t max = LineReader::max_line_bytes;
    std::string content = "first\n";
    content.append(max + 10, 'x');
    content += "\r\nlast\n";
    write_gzip(dir / "long.gz", content);
    content.clear();

    LineReader reader(dir / "long.gz");
    std::string line;
    REQUIRE(reader.next(line));
    CHECK(line == "first");
    REQUIRE(reader.next(line));
    CHECK(line.size() == max);
    CHECK(line.find_first_not_of('x') == std::string::npos);
    CHECK(reader.last_line_truncated());
    REQUIRE(reader.next(line));
    CHECK(line == "last");
    CHECK_FALSE(reader.last_line_truncated());
    CHECK(reader.line_number() == 3);
}

TEST_CASE("a line of exactly the maximum is not truncated", "[common]") {
    TempDir dir;
    const std::size_t max = LineReader::max_line_bytes;
    write_gzip(dir / "max.gz", std::string(max, 'y') + "\r\n");
    LineReader reader(dir / "max.gz");
    std::string line;
    REQUIRE(reader.next(line));
    CHECK(line.size() == max);
    CHECK(line.back() == 'y');
    CHECK_FALSE(reader.last_line_truncated());
}

TEST_CASE("\"-\" reads standard input", "[common]") {
    TempDir dir;
    write_gzip(dir / "stdin.gz", "from\nstdin\n");
    const int saved = ::dup(STDIN_FILENO);
    const int fd = ::open((dir / "stdin.gz").c_str(), O_RDONLY);
    REQUIRE(saved >= 0);
    REQUIRE(fd >= 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    std::vector<std::string> lines;
    {
        LineReader reader("-");
        lines = all_lines(reader);
    }
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    CHECK(lines == std::vector<std::string>{"from", "stdin"});
}

TEST_CASE("read_whole_file returns the decompressed bytes", "[common]") {
    const std::string plain = read_whole_file(data_dir + "/jsonl/releases.jsonl", 1 << 20);
    CHECK(plain.size() > 1000);
    CHECK(read_whole_file(data_dir + "/jsonl/releases.jsonl.gz", 1 << 20) == plain);
    CHECK(read_whole_file(data_dir + "/bad/empty.txt", 0).empty());
    CHECK(read_whole_file(data_dir + "/bad/binary.txt", 4096).size() == 2048);
}

TEST_CASE("read_whole_file enforces its size limit and reports bad data", "[common]") {
    const std::string path = data_dir + "/jsonl/releases.jsonl";
    const std::size_t size = read_whole_file(path, 1 << 20).size();
    CHECK(read_whole_file(path, size).size() == size);
    REQUIRE_THROWS_WITH(read_whole_file(path, size - 1),
                        Contains(path) && Contains(std::to_string(size - 1) + " bytes"));
    const std::string truncated = data_dir + "/bad/truncated.jsonl.gz";
    REQUIRE_THROWS_AS(read_whole_file(truncated, 1 << 20), std::runtime_error);
    REQUIRE_THROWS_WITH(read_whole_file(truncated, 1 << 20), Contains(truncated));
}

TEST_CASE("LineReader splits any chunked byte stream", "[common]") {
    const std::string text = "first\r\nsecond\n\nlast without end";
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
        CAPTURE(chunk);
        std::size_t pos = 0;
        LineReader reader([&](char* buffer, std::size_t capacity) {
            const std::size_t n = std::min({capacity, chunk, text.size() - pos});
            std::copy_n(text.data() + pos, n, buffer);
            pos += n;
            return n;
        });
        CHECK(all_lines(reader) ==
              std::vector<std::string>{"first", "second", "", "last without end"});
    }
}

TEST_CASE("an error from the stream comes out of next() after the lines before it", "[common]") {
    int calls = 0;
    LineReader reader([&](char* buffer, std::size_t) -> std::size_t {
        if (calls++ > 0) throw std::runtime_error("damaged");
        std::copy_n("one\ntwo\nthr", 11, buffer);
        return 11;
    });
    std::string line;
    REQUIRE(reader.next(line));
    CHECK(line == "one");
    REQUIRE(reader.next(line));
    CHECK(line == "two");
    REQUIRE_THROWS_WITH(reader.next(line), "damaged");
}

TEST_CASE("FileStream hands over every byte before a gzip truncation", "[common]") {
    dateline::FileStream stream(data_dir + "/bad/truncated.jsonl.gz");
    std::string bytes;
    std::string chunk(100, '\0');
    try {
        while (const std::size_t got = stream.read(chunk.data(), chunk.size())) {
            bytes.append(chunk.data(), got);
        }
        FAIL("no error at the truncation");
    } catch (const dateline::StreamError& e) {
        CHECK(e.reason == "unexpected end of file (truncated or corrupt gzip data)");
    }
    const std::string plain = read_whole_file(data_dir + "/jsonl/releases.jsonl", 1 << 20);
    REQUIRE(bytes.size() > 0);
    CHECK(plain.compare(0, bytes.size(), bytes) == 0);
}
