#include "snippets.hpp"

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
                         const Xapian::Stem& stemmer, const SnippetSettings& settings) {
    // The background model picks the window with the rarer terms. SNIPPET_EXHAUSTIVE is left
    // out: it scans the whole text and costs ~4x at the median on long releases.
    const unsigned flags = base_flags(settings) | Xapian::MSet::SNIPPET_BACKGROUND_MODEL;
    std::string snippet =
        mset.snippet(text, settings.length, stemmer, flags, mark_open, mark_close, omission);
    if (snippet.find(mark_open) != std::string::npos) return snippet;
    // The quick pass can settle on a window without a match when the only match lies deep in
    // a long text; only then pay for the exhaustive pass.
    std::string exhaustive =
        mset.snippet(text, settings.length, stemmer,
                     flags | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                         Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                     mark_open, mark_close, omission);
    return exhaustive.empty() ? snippet : exhaustive;
}

std::string highlight_html(const Xapian::MSet& mset, const std::string& text,
                           const Xapian::Stem& stemmer, const SnippetSettings& settings) {
    return mset.snippet(text, text.size() + 1, stemmer, base_flags(settings), mark_open,
                        mark_close, "");
}

}  // namespace dateline::server
