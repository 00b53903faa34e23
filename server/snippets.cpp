#include "snippets.hpp"

#include <algorithm>

#include "text_matches.hpp"

namespace dateline::server {

namespace {
constexpr const char* mark_open = "<mark>";
constexpr const char* mark_close = "</mark>";
constexpr const char* omission = "\u2026";

unsigned base_flags(const SnippetSettings& settings) {
    return settings.cjk_ngram ? unsigned{Xapian::MSet::SNIPPET_CJK_NGRAM} : 0U;
}
}  // namespace

std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, const SnippetSettings& settings,
                         const std::unordered_set<std::string>& terms) {
    // Plain flags: measured on the whole corpus, the background model picked a window without
    // any match for 17% of hits on long releases, and SNIPPET_EXHAUSTIVE (which scans the whole
    // text) cost ~4x at the median; without either, the first pass marked a match every time
    // and cost 0.7 ms per page of 10 at the median.
    const unsigned flags = base_flags(settings);
    std::string snippet =
        mset.snippet(text, settings.length, stemmer, flags, mark_open, mark_close, omission);
    if (snippet.find(mark_open) != std::string::npos) return snippet;

    // Should the quick pass still settle on a window without a match, find the first match
    // with a plain scan that stops there, and take the snippet from a slice around it.
    const auto first = find_matches(text, terms, stemmer, {}, 1);
    if (first.empty()) return snippet;  // the release matched on its title or issuer only
    const std::size_t lead = settings.length / 2;
    std::size_t begin = first.front().start > lead ? first.front().start - lead : 0;
    std::size_t end = std::min(text.size(), first.front().start + 2 * settings.length);
    // Cut on white space, which is ASCII and so never inside a UTF-8 sequence.
    if (begin > 0) begin = std::min(text.find_first_of(" \n\t", begin), first.front().start);
    if (end < text.size()) {
        const std::size_t space = text.find_last_of(" \n\t", end);
        if (space != std::string::npos && space > first.front().start) end = space;
    }
    std::string windowed = mset.snippet(text.substr(begin, end - begin), settings.length, stemmer,
                                        flags, mark_open, mark_close, omission);
    const std::string dots = omission;
    if (begin > 0 && windowed.compare(0, dots.size(), dots) != 0) windowed = dots + windowed;
    if (end < text.size() &&
        (windowed.size() < dots.size() ||
         windowed.compare(windowed.size() - dots.size(), dots.size(), dots) != 0)) {
        windowed += dots;
    }
    return windowed;
}

std::string highlight_html(const Xapian::MSet& mset, const std::string& text,
                           const Xapian::Stem& stemmer, const SnippetSettings& settings) {
    return mset.snippet(text, text.size() + 1, stemmer, base_flags(settings), mark_open,
                        mark_close, "");
}

}  // namespace dateline::server
