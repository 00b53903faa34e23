// Format detection from the first bytes of an input: any bytes give one of the formats, with
// or without the rest of the input, and under any file name. The first input byte picks the
// file name; the rest is the head of the input.

#include <iterator>
#include <string>

#include "format_detect.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr const char* names[] = {
    "releases.jsonl",
    "releases.ndjson.gz",
    "dump.json",
    "story.txt",
    "page.html",
    "page.shtml",
    "feed.xml",
    "feed.rss",
    "feed.atom",
    "reut2-000.sgm",
    "archive.tar.xz",
    "archive.zip",
    "notes.md",
    "README",
    ".hidden.TXT",
    "x.HTM.BZ2",
    "a.tgz",
    "weird.json.zst",
    "",
    "file.",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    using fuzz::require;
    if (size == 0) return 0;
    const std::string name = names[data[0] % std::size(names)];
    const std::string_view head = fuzz::as_text(data + 1, size - 1);

    const DocumentFormat complete = detect_format(head, true);
    const DocumentFormat partial = detect_format(head, false);
    require(!format_name(complete).empty() && !format_name(partial).empty(),
            "a format without a name");
    if (head.empty()) require(complete == DocumentFormat::empty, "no bytes, yet not empty");

    const auto named = format_from_name(name);
    const DocumentFormat chosen = choose_format(complete, named);
    require(!format_name(chosen).empty(), "chose a format without a name");
    (void)has_container_suffix(name);
    (void)format_from_name(head);
    (void)has_container_suffix(head);
    return 0;
}
