#pragma once
// Shared by the fuzz targets: the path every release takes in the indexer, and the promises a
// reader makes about what it emits. A broken promise aborts, so libFuzzer reports the input.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document.hpp"
#include "reader_events.hpp"

namespace dateline::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what` on stderr when `condition` is false (assert() vanishes under NDEBUG).
void require(bool condition, const char* what);

// What the indexer does with a release a reader emitted: assign_id, complete_structure, then
// analyze_release. Aborts if a text field is not valid UTF-8, before or after.
void index_release(PressRelease& release);

// The last steps, for a release that already has its id and structure: term generation and
// the stored document data. Aborts if a text field is not valid UTF-8 or the id is missing.
void analyze_release(const PressRelease& release);

// Counts what a reader reports; each record also goes through index_release().
struct Counts {
    std::size_t records = 0;
    std::size_t skips = 0;
    std::size_t warnings = 0;
};
ReaderEvents counting_events(Counts& counts);

}  // namespace dateline::fuzz
