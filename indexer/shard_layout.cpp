#include "shard_layout.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace dateline::indexer {

namespace fs = std::filesystem;

namespace {

constexpr const char* shard_prefix = "shard-";

bool is_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool is_folder(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

// Xapian's glass (and the older chert) backends mark their folders with these files.
bool is_plain_database(const fs::path& folder) {
    return is_file(folder / "iamglass") || is_file(folder / "iamchert");
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// shard-0, shard-1, ... as long as they follow each other.
unsigned consecutive_shard_folders(const fs::path& folder) {
    unsigned count = 0;
    while (count < max_shards && is_folder(folder / shard_folder_name(count))) ++count;
    return count;
}

std::string shards_text(unsigned count) {
    return count == 1 ? "1 shard" : std::to_string(count) + " shards";
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // offset basis
    for (const unsigned char byte : text) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;  // FNV prime
    }
    return hash;
}

unsigned shard_of(std::string_view id, unsigned shards) {
    if (shards <= 1) return 0;
    return static_cast<unsigned>(fnv1a_64(id) % shards);
}

std::string shard_folder_name(unsigned index) {
    return shard_prefix + std::to_string(index);
}

std::string shard_stub_text(unsigned shards) {
    std::string text;
    for (unsigned i = 0; i < shards; ++i) text += "auto " + shard_folder_name(i) + "\n";
    return text;
}

unsigned parse_shard_stub(std::string_view text) {
    unsigned count = 0;
    while (!text.empty() && count <= max_shards) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (line != "auto " + shard_folder_name(count)) return 0;
        ++count;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return count <= max_shards ? count : 0;
}

unsigned existing_shard_count(const std::string& db_path) {
    const fs::path folder(db_path);
    if (!is_folder(folder)) return 0;
    if (is_plain_database(folder)) return 1;
    const fs::path stub = folder / shard_stub_file;
    if (is_file(stub)) {
        const unsigned count = parse_shard_stub(read_text(stub));
        if (count == 0) {
            throw std::runtime_error("database '" + db_path + "' has a stub file " + stub.string() +
                                     " that this indexer did not write; index into a new database");
        }
        return count;
    }
    // Shards without a stub: made by hand, or the stub was removed. One shard-0 alone says
    // nothing about the number of shards.
    const unsigned folders = consecutive_shard_folders(folder);
    return folders >= 2 ? folders : 0;
}

ShardLayout plan_shard_layout(const std::string& db_path, unsigned requested) {
    const unsigned existing = existing_shard_count(db_path);
    unsigned shards = existing;
    if (requested > 0 && existing > 0 && requested != existing) {
        throw ShardCountMismatch(
            "database '" + db_path + "' has " + shards_text(existing) + ", --shards asks for " +
            std::to_string(requested) +
            "; the number of shards cannot change: index into a new database (or run without "
            "--shards to use the " +
            shards_text(existing) + ")");
    }
    if (shards == 0) shards = requested > 0 ? requested : 1;

    ShardLayout layout;
    layout.db_path = db_path;
    layout.shards = shards;
    if (shards == 1) {
        layout.paths = {db_path};
    } else {
        for (unsigned i = 0; i < shards; ++i) {
            layout.paths.push_back((fs::path(db_path) / shard_folder_name(i)).string());
        }
    }
    return layout;
}

void write_shard_stub(const ShardLayout& layout) {
    if (!layout.sharded()) return;
    const fs::path stub = fs::path(layout.db_path) / shard_stub_file;
    const std::string text = shard_stub_text(layout.shards);
    if (is_file(stub) && read_text(stub) == text) return;

    const std::string temporary = stub.string() + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw std::runtime_error("cannot write '" + temporary + "': " + std::strerror(errno));
    }
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    const int write_error = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), stub.c_str()) != 0) {
        const int error = written ? errno : write_error;
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write '" + stub.string() + "': " + std::strerror(error));
    }
}

}  // namespace dateline::indexer
