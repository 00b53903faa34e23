#pragma once
// One writer thread of a bulk load: analyses a batch of releases and writes it as a small
// database of its own (a "part"), which the bulk loader later merges with the others.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzer.hpp"
#include "document.hpp"
#include "title_spelling.hpp"

namespace dateline::indexer {

// A release on its way to a writer thread, numbered in reading order.
struct BulkJob {
    std::uint64_t sequence = 0;
    PressRelease release;
    std::string origin_file;
};

// Consecutive releases that become one part, so that parts merged in batch order keep the
// documents in reading order.
struct BulkBatch {
    std::size_t number = 0;
    std::vector<BulkJob> jobs;
};

struct WrittenPart {
    std::size_t number = 0;
    std::string path;
    // The document id each release got, in the order written.
    std::vector<std::pair<std::uint64_t, Xapian::docid>> documents;
};

class PartWriter {
public:
    // Parts go into `folder` as part-NNNNNN.
    PartWriter(const AnalyzerSettings& settings, std::string folder);

    // Writes `batch` into a new part database and closes it. Throws Xapian::Error.
    WrittenPart write(BulkBatch&& batch);

    // The title words of every document written so far.
    const TitleSpelling& spelling() const { return spelling_; }

private:
    DocumentAnalyzer analyzer_;
    TitleSpelling spelling_;
    bool record_spelling_;
    std::string folder_;
};

std::string part_path(const std::string& folder, std::size_t number);

}  // namespace dateline::indexer
