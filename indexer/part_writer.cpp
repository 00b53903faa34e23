#include "part_writer.hpp"

#include <cstdio>

#include "schema.hpp"

namespace dateline::indexer {

std::string part_path(const std::string& folder, std::size_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "part-%06zu", number);
    return folder + "/" + name;
}

PartWriter::PartWriter(const AnalyzerSettings& settings, std::string folder)
    : analyzer_(settings), record_spelling_(settings.spelling), folder_(std::move(folder)) {}

WrittenPart PartWriter::write(BulkBatch&& batch) {
    WrittenPart part;
    part.number = batch.number;
    part.path = part_path(folder_, batch.number);
    part.documents.reserve(batch.jobs.size());
    // A part is scratch until the merge: no fsync. One commit at the end: the batch is sized
    // to fit in memory (memory_budget.hpp), and a part written in one flush is the cheapest.
    Xapian::WritableDatabase db(part.path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    for (BulkJob& job : batch.jobs) {
        Xapian::Document document = analyzer_.analyze(job.release);
        if (!job.origin_file.empty()) document.add_value(schema::slot_origin, job.origin_file);
        if (record_spelling_) spelling_.add(document);
        part.documents.emplace_back(job.sequence, db.add_document(document));
        job.release = PressRelease();  // its text is no longer needed
    }
    db.commit();
    db.close();
    return part;
}

}  // namespace dateline::indexer
