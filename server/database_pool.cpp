#include "database_pool.hpp"

#include <filesystem>
#include <sys/stat.h>

#include "schema.hpp"

namespace dateline::server {

namespace fs = std::filesystem;

namespace {

Xapian::Database open_all(const std::vector<std::string>& paths) {
    if (paths.size() == 1) return Xapian::Database(paths.front());
    Xapian::Database combined;
    for (const auto& path : paths) combined.add_database(Xapian::Database(path));
    return combined;
}

}  // namespace

std::string index_generation(const std::vector<std::string>& paths) {
    std::string generation;
    for (const auto& path : paths) {
        std::error_code ec;
        const fs::path target = fs::canonical(path, ec);
        generation += ec ? path : target.string();
        struct stat info {};
        if (!ec && ::stat(target.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
            // A stub file: rewritten in place or replaced by rename.
            generation += "@" + std::to_string(info.st_ino) + ":" +
                          std::to_string(info.st_mtim.tv_sec) + "." +
                          std::to_string(info.st_mtim.tv_nsec);
        }
        generation += '\n';
    }
    return generation;
}

std::string database_state_key(const Xapian::Database& db) {
    try {
        return "r" + std::to_string(db.get_revision()) + ":" + db.get_uuid();
    } catch (const Xapian::LogicError&) {
        // A replaced document of another length changes the total length.
        return "s" + std::to_string(db.get_doccount()) + ":" + std::to_string(db.get_lastdocid()) +
               ":" + std::to_string(db.get_total_length()) + ":" +
               db.get_metadata(schema::meta_last_indexed);
    }
}

SearchHandle::SearchHandle(const std::vector<std::string>& paths, std::string generation_now)
    : db(open_all(paths)),
      settings(AnalyzerSettings::from_database(db)),
      stemmer(settings.stemmer),
      query_builder(settings),
      generation(std::move(generation_now)) {}

DatabasePool::DatabasePool(std::vector<std::string> paths) : paths_(std::move(paths)) {}

std::string DatabasePool::describe() const {
    std::string text;
    for (const auto& path : paths_) text += (text.empty() ? "" : ", ") + path;
    return text;
}

DatabasePool::Lease::~Lease() {
    if (handle_) pool_->give_back(std::move(handle_));
}

void DatabasePool::give_back(std::unique_ptr<SearchHandle> handle) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(handle));
}

DatabasePool::Lease DatabasePool::acquire() {
    std::unique_ptr<SearchHandle> handle;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            handle = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    // A writer committing while we open or reopen can discard the revision being read:
    // that is retried; other errors mean the database is not usable now.
    constexpr int max_attempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string generation = index_generation(paths_);
            if (handle && handle->generation == generation) {
                handle->db.reopen();
                ++reopens_;
            } else {
                handle.reset();
                handle = std::make_unique<SearchHandle>(paths_, generation);
                ++opens_;
            }
            break;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == max_attempts) {
                throw DatabaseUnavailable("database '" + describe() + "' keeps changing: " +
                                          e.get_description());
            }
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw DatabaseUnavailable("cannot open database '" + describe() + "': " +
                                      e.get_description());
        } catch (const Xapian::DatabaseError& e) {
            // An index swapped away under an open handle: open the current one afresh.
            if (handle && attempt < max_attempts) {
                handle.reset();
                continue;
            }
            throw DatabaseUnavailable("cannot read database '" + describe() + "': " +
                                      e.get_description());
        } catch (const Xapian::NetworkError& e) {
            // A pooled handle's connection may have been closed (xapian-tcpsrv restarted, or
            // its idle timeout): connect afresh before calling the shard unreachable.
            if (handle && attempt < max_attempts) {
                handle.reset();
                continue;
            }
            throw DatabaseUnavailable("cannot reach a remote shard of '" + describe() + "': " +
                                      e.get_description());
        }
    }
    return Lease(*this, std::move(handle));
}

}  // namespace dateline::server
