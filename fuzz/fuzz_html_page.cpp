// One saved web page, as the indexer reads it: the bytes converted to UTF-8 as an HTML page
// (encoding::html_to_utf8: byte-order marks, UTF-16, the declared charset), then
// read_html_page. It reports exactly one release or one skip, never throws, and the release
// goes on through the indexing path.

#include "encoding.hpp"
#include "fuzz_support.hpp"
#include "html_page.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    const encoding::Decoded page = encoding::html_to_utf8(fuzz::as_text(data, size));
    fuzz::Counts counts;
    read_html_page(page.text, fuzz::counting_events(counts));
    fuzz::require(counts.records + counts.skips == 1, "a page is not one release or one skip");
    return 0;
}
