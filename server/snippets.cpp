#include "snippets.hpp"

#include <algorithm>

#include "cjk_text.hpp"
#include "schema.hpp"
#include "text_matches.hpp"

namespace dateline::server {

namespace {
constexpr const char* mark_open = "<mark>";
constexpr const char* mark_close = "</mark>";
constexpr const char* omission = "\u2026";

unsigned base_flags(const SnippetSettings& settings) {
    return settings.cjk_ngram ? unsigned{Xapian::MSet::SNIPPET_CJK_NGRAM} : 0U;
}

// Xapian 1.4.22's snippets mark CJK unigrams only, never the bigrams our CJK phrases are made
// of (cjk_text.hpp): for queries with CJK text, matches are found by find_matches() and marked
// here.
bool has_cjk(const std::unordered_set<std::string>& terms) {
    return std::any_of(terms.begin(), terms.end(),
                       [](const std::string& term) { return cjk::contains_cjk(term); });
}

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            default: out += c;
        }
    }
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// [begin, end) of `text`, escaped, with the matches inside it in <mark>.
std::string marked(std::string_view text, const std::vector<TextMatch>& matches,
                   std::size_t begin, std::size_t end) {
    std::string out;
    std::size_t at = begin;
    for (const TextMatch& match : matches) {
        if (match.start < at || match.start + match.length > end) continue;
        append_escaped(out, text.substr(at, match.start - at));
        out += mark_open;
        append_escaped(out, text.substr(match.start, match.length));
        out += mark_close;
        at = match.start + match.length;
    }
    append_escaped(out, text.substr(at, end - at));
    return out;
}

// Where a window of about `length` bytes that shows the most matches begins: a little before
// its first match, after the end of a sentence if one is near.
std::size_t window_start(std::string_view text, const std::vector<TextMatch>& matches,
                         std::size_t length) {
    std::size_t best = 0;
    std::size_t best_count = 0;
    for (std::size_t first = 0, last = 0; first < matches.size(); ++first) {
        last = std::max(last, first);
        while (last < matches.size() &&
               matches[last].start + matches[last].length <= matches[first].start + length) {
            ++last;
        }
        if (last - first > best_count) {
            best_count = last - first;
            best = first;
        }
    }
    const std::size_t match_start = matches[best].start;
    const std::size_t lead = std::min(match_start, length / 5);
    const std::string_view before = text.substr(match_start - lead, lead);
    std::size_t begin = match_start - lead;
    for (const std::string_view stop : {"\n", "\u3002", "\uff01", "\uff1f", ". "}) {
        const std::size_t found = before.rfind(stop);
        if (found != std::string_view::npos) {
            begin = std::max(begin, match_start - lead + found + stop.size());
        }
    }
    while (begin > 0 && begin < text.size() && is_continuation_byte(text[begin])) --begin;
    return begin;
}

// A window of `text` around its matches, marked, with an ellipsis where text was left out.
std::string marked_window(std::string_view text, const std::vector<TextMatch>& matches,
                          std::size_t length) {
    std::size_t begin = window_start(text, matches, length);
    std::size_t end = std::min(text.size(), begin + length);
    end = std::max(end, matches.front().start + matches.front().length);
    while (end < text.size() && is_continuation_byte(text[end])) --end;
    const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    std::string out = begin > 0 ? omission : "";
    out += marked(text, matches, begin, end);
    if (end < text.size()) out += omission;
    return out;
}

}  // namespace

std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, const SnippetSettings& settings,
                         const std::unordered_set<std::string>& terms) {
    if (has_cjk(terms)) {
        const auto matches = find_matches(text, terms, stemmer);
        if (!matches.empty()) return marked_window(text, matches, settings.length);
    }
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
                           const Xapian::Stem& stemmer, const SnippetSettings& settings,
                           const std::unordered_set<std::string>& terms) {
    if (has_cjk(terms)) {
        return marked(text, find_matches(text, terms, stemmer, schema::prefix_title), 0,
                      text.size());
    }
    return highlight_html(mset, text, stemmer, settings);
}

std::string highlight_html(const Xapian::MSet& mset, const std::string& text,
                           const Xapian::Stem& stemmer, const SnippetSettings& settings) {
    return mset.snippet(text, text.size() + 1, stemmer, base_flags(settings), mark_open,
                        mark_close, "");
}

}  // namespace dateline::server
