// A Reuters-21578 SGML file, as bytes: read_reuters_sgml reports every problem as a skip or a
// warning and never throws; each release it emits goes on through the indexing path. The SGML
// helpers it is built on get the same bytes.

#include "fuzz_support.hpp"
#include "reuters_sgml.hpp"
#include "sgml_text.hpp"
#include "utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    using fuzz::require;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::Counts counts;
    read_reuters_sgml(text, fuzz::counting_events(counts));

    require(utf8::is_valid(sgml::decode_text(text)), "decode_text produced invalid UTF-8");
    if (const auto element = sgml::find_element(text, "reuters")) {
        require(element->begin < element->end && element->end <= text.size(),
                "find_element outside the text");
        const std::string_view content = element->content;
        require(content.empty() || (content.data() >= text.data() &&
                                    content.data() + content.size() <= text.data() + size),
                "find_element content outside the text");
        if (const auto id = sgml::attribute(element->attributes, "NEWID")) {
            require(utf8::is_valid(*id), "attribute value is not valid UTF-8");
        }
    }
    return 0;
}
