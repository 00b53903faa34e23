// One agency-wire text file, prepared as the indexer prepares it (encoding::text_to_utf8:
// byte-order marks, UTF-16, Windows-1252), then parse_wire_text; and the dateline and issuer
// recognisers it relies on, over the same text.

#include <string>

#include "dateline.hpp"
#include "encoding.hpp"
#include "errors.hpp"
#include "fuzz_support.hpp"
#include "issuer.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

namespace {

using namespace dateline;
using fuzz::require;

void check_dateline(const Dateline& found, std::string_view text) {
    require(!found.place.empty(), "dateline without a place");
    require(found.offset <= text.size() && found.length > 0 &&
                found.length <= text.size() - found.offset,
            "dateline outside the text");
    require(found.month >= 0 && found.month <= 12, "dateline month out of range");
    require(found.day >= 0 && found.day <= 31, "dateline day out of range");
    require(utf8::is_valid(found.place) && utf8::is_valid(found.agency),
            "dateline place or agency is not valid UTF-8");
    const std::string day = dateline_date(found, "2025-07-23");
    require(day.empty() || day.size() == 10, "dateline_date is not YYYY-MM-DD");
    (void)is_known_dateline_city(found.place);
    const std::string issuer = issuer_from_agency(found.agency);
    require(issuer.size() <= 40 && utf8::is_valid(issuer), "issuer_from_agency: not a short name");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const encoding::Decoded decoded = encoding::text_to_utf8(fuzz::as_text(data, size));
    const std::string_view text = decoded.text;

    if (const auto found = parse_dateline(text)) {
        require(found->offset == 0, "parse_dateline found a dateline that is not at the start");
        check_dateline(*found, text);
    }
    if (const auto found = find_dateline(text)) check_dateline(*found, text);
    require(utf8::is_valid(issuer_from_header(text)), "issuer_from_header is not valid UTF-8");
    const std::string agency = issuer_from_agency(text);
    require(agency.size() <= 40 && utf8::is_valid(agency), "issuer_from_agency: not a short name");

    try {
        PressRelease release = parse_wire_text(text);
        fuzz::index_release(release);
    } catch (const ParseError& e) {
        require(e.what()[0] != '\0', "ParseError without a message");
    }
    return 0;
}
