// A text file that opens with YAML front matter, as bytes: read_front_matter_text reports every
// problem as a skip or a warning and never throws; each release it emits goes on through the
// indexing path.

#include "front_matter.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    fuzz::Counts counts;
    read_front_matter_text(fuzz::as_text(data, size), fuzz::counting_events(counts));
    fuzz::require(counts.records + counts.skips > 0, "a file that is neither a release nor a skip");
    return 0;
}
