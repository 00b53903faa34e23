#include "compaction.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xapian.h>

#include "writer_lock.hpp"

namespace dateline::indexer {

namespace fs = std::filesystem;

namespace {

constexpr const char* bulk_folder_infix = ".bulk-";

void compact(const std::vector<std::string>& inputs, const std::string& output) {
    Xapian::Database combined;
    for (const std::string& input : inputs) combined.add_database(Xapian::Database(input));
    // Several passes over the postings are faster than one when many databases are merged.
    combined.compact(output, Xapian::DBCOMPACT_MULTIPASS);
}

std::string system_error(const std::string& what, int error) {
    return what + ": " + std::strerror(error);
}

void sync_folder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// The absolute path of a folder, without a trailing slash ("db/" names the folder "db").
fs::path folder_path(const std::string& path) {
    fs::path normal = fs::absolute(fs::path(path)).lexically_normal();
    if (normal.filename().empty()) normal = normal.parent_path();
    return normal;
}

std::string parent_of(const std::string& path) { return folder_path(path).parent_path().string(); }

}  // namespace

void merge_databases(const std::vector<std::string>& inputs, const std::string& output,
                     const std::string& scratch) {
    if (inputs.size() <= merge_fan_in) {
        compact(inputs, output);
        return;
    }
    std::vector<std::string> merged;
    for (std::size_t first = 0; first < inputs.size(); first += merge_fan_in) {
        const std::size_t last = std::min(inputs.size(), first + merge_fan_in);
        const std::vector<std::string> group(inputs.begin() + static_cast<long>(first),
                                             inputs.begin() + static_cast<long>(last));
        char name[32];
        std::snprintf(name, sizeof name, "/merge-%zu-%zu", inputs.size(), first);
        merged.push_back(scratch + name);
        compact(group, merged.back());
        std::error_code ignored;
        for (const std::string& done : group) fs::remove_all(done, ignored);
    }
    merge_databases(merged, output, scratch);
}

void install_database(const std::string& built, const std::string& target) {
    const fs::path lock = fs::path(target) / writer_lock_file;
    std::error_code ec;
    if (fs::exists(lock, ec)) {
        fs::create_hard_link(lock, fs::path(built) / writer_lock_file, ec);
        if (ec) throw std::runtime_error(system_error("cannot carry over " + lock.string(), ec.value()));
    }
    const std::string target_folder = folder_path(target).string();
    if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, target_folder.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        if (error != EINVAL && error != ENOSYS && error != ENOTSUP) {
            throw std::runtime_error(system_error("cannot move '" + built + "' to '" + target + "'", error));
        }
        // File systems without an atomic exchange: move the (empty) old database aside
        // first. In between, readers find no database for a moment; nothing is lost, since
        // a bulk load only ever replaces an empty database.
        const std::string aside = built + ".old";
        if (::rename(target_folder.c_str(), aside.c_str()) != 0) {
            throw std::runtime_error(system_error("cannot move '" + target + "' aside", errno));
        }
        if (::rename(built.c_str(), target_folder.c_str()) != 0) {
            const int rename_error = errno;
            ::rename(aside.c_str(), target_folder.c_str());
            throw std::runtime_error(
                system_error("cannot move '" + built + "' to '" + target + "'", rename_error));
        }
        std::error_code ignored;
        fs::remove_all(aside, ignored);
    }
    sync_folder(parent_of(target));
}

std::string make_bulk_folder(const std::string& target) {
    const fs::path normal = folder_path(target);
    std::string pattern = (normal.parent_path() / (normal.filename().string() + bulk_folder_infix))
                              .string() + "XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error(system_error("cannot make a folder beside '" + target + "'", errno));
    }
    return pattern;
}

void remove_stale_bulk_folders(const std::string& target) {
    const fs::path normal = folder_path(target);
    const std::string stem = normal.filename().string() + bulk_folder_infix;
    std::vector<fs::path> stale;
    std::error_code ec;
    for (fs::directory_iterator it(normal.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // mkdtemp's six characters after the infix, nothing else.
        if (name.size() == stem.size() + 6 && name.compare(0, stem.size(), stem) == 0) {
            stale.push_back(it->path());
        }
    }
    for (const fs::path& folder : stale) fs::remove_all(folder, ec);
}

bool can_install_beside(const std::string& target) {
    struct stat target_stat {};
    struct stat parent_stat {};
    if (::stat(folder_path(target).c_str(), &target_stat) != 0) return false;
    if (::stat(parent_of(target).c_str(), &parent_stat) != 0) return false;
    return target_stat.st_dev == parent_stat.st_dev;  // not a mount point
}

}  // namespace dateline::indexer
