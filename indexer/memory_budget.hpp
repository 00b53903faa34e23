#pragma once
// The indexer's memory limit (--memory) and how it is shared out. Most of an indexer's memory
// is Xapian's buffer of postings and positions not yet written to disk, which grows with the
// text indexed since the last flush; so a batch (one writer) or a part (bulk load) ends when
// the buffer estimated for its releases reaches its share of the limit, or at its document
// count, whichever comes first.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "document.hpp"

namespace dateline::indexer {

inline constexpr std::size_t mebibyte = std::size_t{1} << 20;
inline constexpr std::size_t default_memory_limit = 768 * mebibyte;
inline constexpr std::size_t minimum_memory_limit = 64 * mebibyte;

// "512M", "2G", "1536" (plain numbers are MiB), "800MB", "1GiB"; case does not matter.
// nullopt for anything else, zero or an overflow.
std::optional<std::size_t> parse_memory_size(std::string_view text);

// "768 MiB", "2 GiB".
std::string format_memory_size(std::size_t bytes);

// Xapian's buffer for one release until it is flushed, estimated from its text.
std::size_t estimated_buffer_bytes(const PressRelease& release);

struct MemoryPlan {
    // Bulk load: each writer thread ends its part at this many documents, or when the
    // estimated buffer reaches part_buffer_bytes.
    std::size_t part_documents = 0;
    std::size_t part_buffer_bytes = 0;
    // One writer: a commit when the estimated buffer of the batch reaches this.
    std::size_t batch_buffer_bytes = 0;
};

// How `limit` bytes are shared among `writers` writer threads (1: the single writer).
MemoryPlan plan_memory(std::size_t limit, unsigned writers);

}  // namespace dateline::indexer
