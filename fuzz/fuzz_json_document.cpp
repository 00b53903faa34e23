// A JSON document of releases (an array of objects, or one object), streamed to
// read_json_document in chunks whose size the first input byte picks: every problem is a skip
// or a warning, never an exception, and the releases go on through the indexing path.

#include <algorithm>
#include <cstring>

#include "field_map.hpp"
#include "fuzz_support.hpp"
#include "json_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    if (size == 0) return 0;
    const std::size_t chunk = 1 + data[0] % 64;
    const std::string_view bytes = fuzz::as_text(data + 1, size - 1);

    std::size_t pos = 0;
    const ChunkSource source = [&](char* buffer, std::size_t capacity) {
        const std::size_t n = std::min({chunk, capacity, bytes.size() - pos});
        std::memcpy(buffer, bytes.data() + pos, n);
        pos += n;
        return n;
    };
    fuzz::Counts counts;
    read_json_document(source, FieldMap{}, fuzz::counting_events(counts));
    return 0;
}
