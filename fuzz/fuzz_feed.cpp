// An RSS 2.0, RSS 1.0/RDF or Atom feed, as bytes: read_feed reports every problem as a skip or
// a warning and never throws; each release it emits goes on through the indexing path.

#include "feed_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    fuzz::Counts counts;
    read_feed(fuzz::as_text(data, size), fuzz::counting_events(counts));
    return 0;
}
