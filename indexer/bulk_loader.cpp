#include "bulk_loader.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include <xapian.h>

#include "compaction.hpp"
#include "schema.hpp"

namespace dateline::indexer {

namespace {

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

BulkLoader::BulkLoader(std::string folder, const AnalyzerSettings& settings,
                       const BulkLoadOptions& options)
    : folder_(std::move(folder)), options_(options), queue_(1) {
    options_.writers = std::max(1U, options_.writers);
    options_.part_documents = std::max<std::size_t>(1, options_.part_documents);
    for (unsigned i = 0; i < options_.writers; ++i) {
        part_writers_.push_back(std::make_unique<PartWriter>(settings, folder_));
    }
    for (unsigned i = 0; i < options_.writers; ++i) {
        threads_.emplace_back([this, i] { writer_loop(i); });
    }
}

BulkLoader::~BulkLoader() { stop_writers(); }

void BulkLoader::stop_writers() {
    queue_.abandon();
    for (std::thread& thread : threads_) {
        if (thread.joinable()) thread.join();
    }
}

void BulkLoader::writer_loop(std::size_t index) {
    PartWriter& writer = *part_writers_[index];
    std::string failure;
    try {
        while (std::optional<BulkBatch> batch = queue_.pop()) {
            WrittenPart part = writer.write(std::move(*batch));
            std::lock_guard<std::mutex> lock(mutex_);
            parts_.push_back(std::move(part));
        }
        return;
    } catch (const Xapian::Error& e) {
        failure = e.get_description();
    } catch (const std::exception& e) {
        failure = e.what();
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (failure_.empty()) failure_ = failure;
    }
    queue_.abandon();  // the reading thread stops waiting and learns of it
}

void BulkLoader::throw_if_failed() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_.empty()) throw std::runtime_error("cannot write a part of the bulk load: " + failure_);
}

WriteOutcome BulkLoader::add(PressRelease&& release, const std::string& origin_file) {
    if (finished_) throw std::logic_error("BulkLoader::add() after merge()");
    const std::uint64_t sequence = next_sequence_++;
    const std::uint64_t fingerprint = hash_of(schema::fingerprint(release));
    WriteOutcome outcome = WriteOutcome::added;
    auto [seen, inserted] = seen_.try_emplace(hash_of(schema::id_term(release.id)), Seen{fingerprint, sequence});
    if (!inserted) {
        if (seen->second.fingerprint == fingerprint) return WriteOutcome::unchanged;
        replaced_.push_back(seen->second.sequence);
        seen->second = Seen{fingerprint, sequence};
        outcome = WriteOutcome::replaced;
    } else {
        ++documents_;
    }
    batch_buffer_bytes_ += estimated_buffer_bytes(release);
    batch_.jobs.push_back(BulkJob{sequence, std::move(release), origin_file});
    if (batch_.jobs.size() >= options_.part_documents ||
        batch_buffer_bytes_ >= options_.part_buffer_bytes) {
        dispatch_batch();
    }
    return outcome;
}

void BulkLoader::dispatch_batch() {
    if (batch_.jobs.empty()) return;
    const std::size_t number = batch_.number;
    if (!queue_.push(std::move(batch_))) throw_if_failed();
    batch_ = BulkBatch{};
    batch_.number = number + 1;
    batch_buffer_bytes_ = 0;
}

void BulkLoader::remove_replaced(const std::vector<WrittenPart>& parts, TitleSpelling& spelling) {
    if (replaced_.empty()) return;
    const std::unordered_set<std::uint64_t> replaced(replaced_.begin(), replaced_.end());
    for (const WrittenPart& part : parts) {
        std::vector<Xapian::docid> doomed;
        for (const auto& [sequence, docid] : part.documents) {
            if (replaced.count(sequence) != 0) doomed.push_back(docid);
        }
        if (doomed.empty()) continue;
        Xapian::WritableDatabase db(part.path, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        for (const Xapian::docid docid : doomed) {
            spelling.remove(db.get_document(docid));
            db.delete_document(docid);
        }
        db.commit();
        db.close();
    }
}

std::string BulkLoader::merge(const std::vector<std::pair<std::string, std::string>>& metadata) {
    if (finished_) throw std::logic_error("BulkLoader::merge() called twice");
    finished_ = true;
    dispatch_batch();
    queue_.close();
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
    throw_if_failed();

    std::vector<WrittenPart> parts = std::move(parts_);
    std::sort(parts.begin(), parts.end(),
              [](const WrittenPart& a, const WrittenPart& b) { return a.number < b.number; });
    TitleSpelling spelling;
    for (const auto& writer : part_writers_) spelling.merge(writer->spelling());
    part_writers_.clear();
    remove_replaced(parts, spelling);

    // The spelling data and the metadata go in through a database of their own, merged last.
    const std::string extras = folder_ + "/extras";
    {
        Xapian::WritableDatabase db(extras, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        spelling.write_to(db);
        for (const auto& [key, value] : metadata) db.set_metadata(key, value);
        db.commit();
        db.close();
    }
    std::vector<std::string> inputs;
    inputs.reserve(parts.size() + 1);
    for (const WrittenPart& part : parts) inputs.push_back(part.path);
    inputs.push_back(extras);
    const std::string merged = folder_ + "/merged";
    merge_databases(inputs, merged, folder_);
    return merged;
}

}  // namespace dateline::indexer
