// An HTML fragment or page, as bytes: html_to_text never throws and always returns valid UTF-8
// (gumbo reads invalid bytes as U+FFFD).

#include <string>

#include "fuzz_support.hpp"
#include "html_text.hpp"
#include "utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    const std::string text = html_to_text(fuzz::as_text(data, size));
    fuzz::require(utf8::is_valid(text), "html_to_text produced invalid UTF-8");
    return 0;
}
