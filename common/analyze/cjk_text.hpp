#pragma once
// Chinese, Japanese and Korean text, which has no spaces between words: every character of a
// run of CJK letters takes one term position, held by the bigram it starts, or by its unigram
// for the last character of the run. A phrase of bigrams at consecutive positions then matches
// exactly where the text contains the characters side by side: a bigram never spans two runs,
// so punctuation, spaces and Latin words between characters always break a match. Every
// unigram is indexed too (single-character queries), with positions only where it holds one:
// a phrase never needs the others (on the Chinese MFA corpus they would add 30% to the
// position table).
// The indexer, the query builder and highlighting all cut text with these functions, so the
// three cannot disagree.

#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

namespace dateline::cjk {

// True for characters indexed as CJK n-grams: letters and digits in the Unicode blocks Xapian
// 1.4 counts as CJK (ideographs, kana, hangul, full-width forms).
bool is_cjk_char(unsigned ch);

// True if `text` has at least one CJK character.
bool contains_cjk(std::string_view text);

// A stretch of text: a run of CJK characters, or the text between two runs.
struct Piece {
    std::string_view text;
    std::size_t offset = 0;  // bytes from the start of the whole text
    bool is_cjk = false;
};

// Calls `visit(piece)` for each piece of `text` in order. Text that is not valid UTF-8 is cut
// as Xapian reads it (each bad byte is one character).
template <class Visit>
void for_each_piece(std::string_view text, Visit visit);

// Like Xapian::TermGenerator::index_text(), except that CJK runs are indexed as described
// above; text without CJK characters goes to the generator unchanged. CJK characters are
// lower-cased (full-width Latin letters have case) and never stemmed.
void index_text(Xapian::TermGenerator& generator, std::string_view text,
                Xapian::termcount wdf_inc = 1, const std::string& prefix = std::string());

// --- implementation -------------------------------------------------------------------------

template <class Visit>
void for_each_piece(std::string_view text, Visit visit) {
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(text.data(), text.size());
    const auto offset = [&text](const Xapian::Utf8Iterator& at) { return text.size() - at.left(); };
    std::size_t start = 0;
    while (it != end) {
        if (!is_cjk_char(*it)) {
            ++it;
            continue;
        }
        const std::size_t run_start = offset(it);
        while (it != end && is_cjk_char(*it)) ++it;
        const std::size_t run_end = it == end ? text.size() : offset(it);
        if (run_start > start) visit(Piece{text.substr(start, run_start - start), start, false});
        visit(Piece{text.substr(run_start, run_end - run_start), run_start, true});
        start = run_end;
    }
    if (start < text.size()) visit(Piece{text.substr(start), start, false});
}

}  // namespace dateline::cjk
