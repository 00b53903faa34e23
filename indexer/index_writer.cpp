#include "index_writer.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "schema.hpp"

namespace dateline::indexer {

namespace {

Xapian::WritableDatabase open_database(const std::string& path) {
    // Xapian creates the database folder but not its parents.
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw std::runtime_error("cannot open database '" + path +
                                 "': another indexer is writing to it; wait for it to finish");
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open database '" + path + "': " + e.get_description());
    }
}

std::string utc_now_iso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// True when an unchanged release must be rewritten to record its new source file: its recorded
// file is gone. A release found in two existing files keeps the first, so re-runs stay no-ops.
bool origin_moved(const std::string& recorded, const std::string& current) {
    if (recorded == current || current.empty()) return false;
    std::error_code ec;
    return recorded.empty() || !std::filesystem::exists(recorded, ec);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_path) : db_(open_database(db_path)) {
    const std::string stored_version = db_.get_metadata(schema::meta_schema_version);
    if (!stored_version.empty() && stored_version != std::to_string(schema::version)) {
        throw std::runtime_error("database '" + db_path + "' has schema version " +
                                 stored_version + ", this indexer writes version " +
                                 std::to_string(schema::version) + "; index into a new database");
    }
    // An existing database keeps the analysis its documents were indexed with.
    settings_ = AnalyzerSettings::from_database(db_);
    analyzer_ = std::make_unique<DocumentAnalyzer>(settings_);
    analyzer_->record_spelling_in(db_);
    if (stored_version.empty()) {
        db_.set_metadata(schema::meta_schema_version, std::to_string(schema::version));
        db_.set_metadata(schema::meta_analyzer, settings_.to_json());
        metadata_changed_ = true;
    }
}

WriteOutcome IndexWriter::write(const PressRelease& release, const std::string& origin_file) {
    const std::string id_term = schema::id_term(release.id);
    const std::string new_fingerprint = schema::fingerprint(release);
    bool exists = false;
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it != db_.postlist_end(id_term)) {
        exists = true;
        const Xapian::Document stored = db_.get_document(*it);
        if (stored.get_value(schema::slot_fingerprint) == new_fingerprint &&
            !origin_moved(stored.get_value(schema::slot_origin), origin_file)) {
            return WriteOutcome::unchanged;
        }
    }
    Xapian::Document document = analyzer_->analyze(release);
    if (!origin_file.empty()) document.add_value(schema::slot_origin, origin_file);
    db_.replace_document(id_term, document);
    ++pending_;
    return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

void IndexWriter::commit() {
    if (pending_ == 0 && !metadata_changed_) return;
    db_.set_metadata(schema::meta_last_indexed, utc_now_iso());
    db_.commit();
    pending_ = 0;
    metadata_changed_ = false;
}

}  // namespace dateline::indexer
