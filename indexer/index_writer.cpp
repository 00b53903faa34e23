#include "index_writer.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "bulk_loader.hpp"
#include "compaction.hpp"
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

IndexWriter::IndexWriter(const std::string& db_path, const WriterOptions& options)
    : path_(db_path),
      options_(options),
      memory_(plan_memory(options.memory_limit, options.threads)),
      db_(open_database(db_path)) {
    const std::string stored_version = db_.get_metadata(schema::meta_schema_version);
    if (!stored_version.empty() && stored_version != std::to_string(schema::version)) {
        throw std::runtime_error("database '" + db_path + "' has schema version " +
                                 stored_version + ", this indexer writes version " +
                                 std::to_string(schema::version) + "; index into a new database");
    }
    // An existing database keeps the analysis its documents were indexed with.
    settings_ = AnalyzerSettings::from_database(db_);
    analyzer_ = std::make_unique<DocumentAnalyzer>(settings_);
    // Holding the database's lock: leftovers of killed bulk loads into it can go.
    remove_stale_bulk_folders(path_);
    const bool bulk_allowed = options_.threads > 1 || options_.bulk_with_one_thread;
    if (bulk_allowed && db_.get_doccount() == 0 && can_install_beside(path_)) {
        open_bulk_load();
    }
    // A bulk load writes the metadata into the database it builds; the empty one it replaces
    // must be left without changes (see finish_bulk_load()).
    needs_schema_metadata_ = stored_version.empty();
    if (!bulk_) record_schema_metadata();
}

void IndexWriter::record_schema_metadata() {
    if (!needs_schema_metadata_) return;
    db_.set_metadata(schema::meta_schema_version, std::to_string(schema::version));
    db_.set_metadata(schema::meta_analyzer, settings_.to_json());
    needs_schema_metadata_ = false;
    metadata_changed_ = true;
}

IndexWriter::~IndexWriter() {
    // An unfinished bulk load is dropped: the database stays as it was.
    bulk_.reset();
    if (!bulk_folder_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(bulk_folder_, ignored);
    }
}

void IndexWriter::open_bulk_load() {
    try {
        bulk_folder_ = make_bulk_folder(path_);
    } catch (const std::runtime_error&) {
        return;  // no room beside the database (permissions): the single writer does it all
    }
    BulkLoadOptions bulk;
    bulk.writers = options_.threads;
    bulk.part_documents = options_.part_documents > 0 ? options_.part_documents : memory_.part_documents;
    bulk.part_buffer_bytes = memory_.part_buffer_bytes;
    bulk_ = std::make_unique<BulkLoader>(bulk_folder_, settings_, bulk);
}

WriteOutcome IndexWriter::write(const PressRelease& release, const std::string& origin_file) {
    return write(PressRelease(release), origin_file);
}

WriteOutcome IndexWriter::write(PressRelease&& release, const std::string& origin_file) {
    if (bulk_) {
        const WriteOutcome outcome = bulk_->add(std::move(release), origin_file);
        if (outcome != WriteOutcome::unchanged) ++pending_;
        return outcome;
    }
    const WriteOutcome outcome = write_one(std::move(release), origin_file);
    if (pending_ >= options_.batch_size || pending_buffer_bytes_ >= memory_.batch_buffer_bytes) {
        commit();
    }
    return outcome;
}

WriteOutcome IndexWriter::write_one(PressRelease&& release, const std::string& origin_file) {
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
        if (settings_.spelling) spelling_.remove(stored);
    }
    pending_buffer_bytes_ += estimated_buffer_bytes(release);
    Xapian::Document document = analyzer_->analyze(release);
    if (!origin_file.empty()) document.add_value(schema::slot_origin, origin_file);
    if (settings_.spelling) spelling_.add(document);
    db_.replace_document(id_term, document);
    ++pending_;
    return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

void IndexWriter::commit() {
    if (bulk_) {
        if (bulk_->documents() > 0) {
            finish_bulk_load();
            return;
        }
        // Nothing was loaded: the (empty) database only needs its metadata.
        bulk_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(bulk_folder_, ignored);
        bulk_folder_.clear();
        record_schema_metadata();
    }
    if (pending_ == 0 && !metadata_changed_) return;
    spelling_.write_to(db_);
    db_.set_metadata(schema::meta_last_indexed, utc_now_iso());
    db_.commit();
    pending_ = 0;
    pending_buffer_bytes_ = 0;
    metadata_changed_ = false;
}

std::vector<std::pair<std::string, std::string>> IndexWriter::metadata_for_bulk_load() const {
    // Whatever the empty database held (written before this run), then this run's.
    std::vector<std::pair<std::string, std::string>> metadata;
    for (auto key = db_.metadata_keys_begin(); key != db_.metadata_keys_end(); ++key) {
        metadata.emplace_back(*key, db_.get_metadata(*key));
    }
    metadata.emplace_back(schema::meta_schema_version, std::to_string(schema::version));
    metadata.emplace_back(schema::meta_analyzer, settings_.to_json());
    metadata.emplace_back(schema::meta_last_indexed, utc_now_iso());
    return metadata;
}

void IndexWriter::finish_bulk_load() {
    std::vector<std::pair<std::string, std::string>> metadata = metadata_for_bulk_load();
    const std::string merged = bulk_->merge(metadata);
    bulk_.reset();
    // The empty database has no pending changes (the constructor made sure), so closing it
    // writes nothing. It must be closed before the exchange: Xapian writes a new revision's
    // version file by path, which would then be the installed database's.
    db_.close();
    install_database(merged, path_);
    std::error_code ignored;
    std::filesystem::remove_all(bulk_folder_, ignored);
    bulk_folder_.clear();
    db_ = open_database(path_);
    pending_ = 0;
    pending_buffer_bytes_ = 0;
    metadata_changed_ = false;
}

}  // namespace dateline::indexer
