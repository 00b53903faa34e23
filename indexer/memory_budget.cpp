#include "memory_budget.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace dateline::indexer {

namespace {

// Xapian's buffer (postings and positions of every term, document data, values), measured on
// the shared corpus with this analyzer: about 13 bytes per byte of English text; CJK text,
// cut into a unigram and a bigram per character, about 40 per byte. Non-ASCII bytes stand in
// for CJK text (3 bytes a character): accented letters are too few to matter.
constexpr std::size_t buffer_per_ascii_byte = 13;
constexpr std::size_t buffer_per_other_byte = 40;
constexpr std::size_t buffer_per_document = 2048;

// What the limit must also hold besides the buffers: code and libraries, the file being read,
// the ids seen in a bulk load, the releases waiting for a writer thread, and what the
// allocator keeps of freed buffers.
constexpr std::size_t base_bytes = 64 * mebibyte;

// Parts of about this many documents were the fastest to write and merge (bench/README.md).
constexpr std::size_t best_part_documents = 2000;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::size_t buffer_bytes(std::string_view text) {
    const auto other = static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    return (text.size() - other) * buffer_per_ascii_byte + other * buffer_per_other_byte;
}

}  // namespace

std::optional<std::size_t> parse_memory_size(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
        ++digits;
    }
    if (digits == 0 || digits > 12) return std::nullopt;
    std::size_t number = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        number = number * 10 + static_cast<std::size_t>(text[i] - '0');
    }
    const std::string unit = lower(text.substr(digits));
    std::size_t scale = 0;
    if (unit.empty() || unit == "m" || unit == "mb" || unit == "mib") {
        scale = mebibyte;
    } else if (unit == "g" || unit == "gb" || unit == "gib") {
        scale = 1024 * mebibyte;
    } else if (unit == "k" || unit == "kb" || unit == "kib") {
        scale = 1024;
    } else {
        return std::nullopt;
    }
    if (number == 0 || number > std::numeric_limits<std::size_t>::max() / scale) {
        return std::nullopt;
    }
    return number * scale;
}

std::string format_memory_size(std::size_t bytes) {
    const std::size_t gibibyte = 1024 * mebibyte;
    if (bytes >= gibibyte && bytes % gibibyte == 0) return std::to_string(bytes / gibibyte) + " GiB";
    return std::to_string((bytes + mebibyte / 2) / mebibyte) + " MiB";
}

std::size_t estimated_buffer_bytes(const PressRelease& release) {
    return buffer_per_document + buffer_bytes(release.title) * 2 + buffer_bytes(release.body) +
           buffer_bytes(release.place) * 2 + buffer_bytes(release.source);
}

MemoryPlan plan_memory(std::size_t limit, unsigned writers) {
    writers = std::max(1U, writers);
    const std::size_t usable = limit > 2 * base_bytes ? limit - base_bytes : limit / 2;
    MemoryPlan plan;
    plan.part_documents = best_part_documents;
    // Each writer's buffer, plus room for the releases read ahead of the writers and for the
    // peak of a flush: one share more than there are writers.
    plan.part_buffer_bytes = usable / (writers + 1);
    plan.batch_buffer_bytes = usable / 2;
    return plan;
}

}  // namespace dateline::indexer
