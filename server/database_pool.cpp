#include "database_pool.hpp"

#include "schema.hpp"

namespace dateline::server {

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

SearchHandle::SearchHandle(const std::string& path)
    : db(path),
      settings(AnalyzerSettings::from_database(db)),
      stemmer(settings.stemmer),
      query_builder(settings) {}

DatabasePool::DatabasePool(std::string path) : path_(std::move(path)) {}

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
            if (handle) {
                handle->db.reopen();
            } else {
                handle = std::make_unique<SearchHandle>(path_);
            }
            break;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == max_attempts) {
                throw DatabaseUnavailable("database '" + path_ + "' keeps changing: " +
                                          e.get_description());
            }
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw DatabaseUnavailable("cannot open database '" + path_ + "': " +
                                      e.get_description());
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseUnavailable("cannot read database '" + path_ + "': " +
                                      e.get_description());
        }
    }
    return Lease(*this, std::move(handle));
}

}  // namespace dateline::server
