// An input file, read the whole way the indexer reads one (record_source.hpp): the container
// undone by ArchiveInput (gzip through zlib; tar, zip, xz, bzip2, zstd, lz4 and compress
// through libarchive; archives inside archives), each file's format detected from its bytes,
// then its reader. Every problem must be a skip or a warning naming the file, never an
// exception, and every release must reach the index with its id.
//
// ArchiveInput opens files, not memory, so each input is written to a file in a folder of this
// process (under /dev/shm when there is one: no disk I/O). The first input byte picks the file name
// (the name breaks ties in format detection) and, one time in two, a --format.

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "record_source.hpp"

namespace {

using namespace dateline;
using fuzz::require;

constexpr const char* names[] = {"input.bin", "input.txt",    "input.html",    "input.jsonl.gz",
                                 "input.zip", "input.tar.xz", "reut2-000.sgm", "feed.xml"};

constexpr std::string_view folder_prefix = "dateline-fuzz-archive-";

// Where the inputs are written: /dev/shm when there is one (no disk I/O).
std::filesystem::path base_folder() {
    std::error_code ec;
    const std::filesystem::path shm = "/dev/shm";
    return std::filesystem::is_directory(shm, ec) ? shm : std::filesystem::temp_directory_path();
}

// A crash ends the process before any cleanup, so each process removes the folders of
// processes that no longer exist, then makes its own, named after its pid.
std::filesystem::path make_folder() {
    const std::filesystem::path base = base_folder();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(folder_prefix, 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + folder_prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::filesystem::remove_all(entry.path(), ec);
        }
    }
    const std::filesystem::path folder =
        base / (std::string(folder_prefix) + std::to_string(::getpid()));
    std::filesystem::remove_all(folder, ec);
    require(std::filesystem::create_directory(folder, ec), "cannot create the input folder");
    return folder;
}

std::filesystem::path folder;

void write_file(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    require(file != nullptr, "cannot create the input file");
    require(std::fwrite(data, 1, size, file) == size, "cannot write the input file");
    require(std::fclose(file) == 0, "cannot close the input file");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    folder = make_folder();
    std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    indexer::InputFile input;
    input.path = (folder / names[data[0] % std::size(names)]).string();
    const unsigned format = data[0] >> 4;  // 0-7 a --format (0 is auto), 8-15 auto
    if (format < 8) input.format = static_cast<indexer::InputFormat>(format);
    write_file(input.path, data + 1, size - 1);

    indexer::RecordHandlers handlers;
    handlers.on_record = [](PressRelease&& release, const indexer::RecordOrigin& origin) {
        require(!origin.file.empty(), "a record without its file");
        fuzz::analyze_release(release);
    };
    handlers.on_skip = [&input](const std::string& file, std::size_t, const std::string& message) {
        require(file.rfind(input.path, 0) == 0, "a skip that does not name the input");
        require(!message.empty(), "a skip without a message");
    };
    handlers.on_warning = [&input](const std::string& file, std::size_t,
                                   const std::string& message) {
        require(file.rfind(input.path, 0) == 0, "a warning that does not name the input");
        require(!message.empty(), "a warning without a message");
    };
    indexer::read_records(input, handlers);
    std::filesystem::remove(input.path);
    return 0;
}
