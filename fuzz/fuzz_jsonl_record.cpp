// One JSON Lines record, as the indexer hands each line to parse_jsonl_record, read with the
// corpus field names and with a --map of other names (nested ones too): a bad line throws
// ParseError and nothing else; a good one goes on through the indexing path.

#include "errors.hpp"
#include "field_map.hpp"
#include "fuzz_support.hpp"
#include "jsonl_reader.hpp"

namespace {

using namespace dateline;

FieldMap other_names() {
    FieldMap map;
    fuzz::require(
        map.add("title=headline,body=text.main,date=meta.published,topics=tags,id=guid").empty(),
        "the fuzz target's --map is refused");
    return map;
}

void read_line(std::string_view line, const FieldMap* map) {
    try {
        PressRelease release = map ? parse_jsonl_record(line, *map) : parse_jsonl_record(line);
        fuzz::index_release(release);
    } catch (const ParseError& e) {
        fuzz::require(e.what()[0] != '\0', "ParseError without a message");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const FieldMap map = other_names();
    const std::string_view line = fuzz::as_text(data, size);
    read_line(line, nullptr);
    read_line(line, &map);
    return 0;
}
