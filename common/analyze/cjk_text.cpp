#include "cjk_text.hpp"

#include <algorithm>
#include <vector>

namespace dateline::cjk {

namespace {

// UTF-8 lead bytes of U+2E80 and above start at 0xE2: text without them has no CJK.
bool may_contain_cjk(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0xE2; });
}

// Adds the run's unigrams and bigrams from position `first` on; returns its length in characters.
Xapian::termpos index_run(Xapian::Document& doc, std::string_view run, Xapian::termpos first,
                          Xapian::termcount wdf_inc, const std::string& prefix) {
    std::vector<std::string> chars;
    for (Xapian::Utf8Iterator it(run.data(), run.size()); it != Xapian::Utf8Iterator(); ++it) {
        std::string one;
        Xapian::Unicode::append_utf8(one, Xapian::Unicode::tolower(*it));
        chars.push_back(std::move(one));
    }
    Xapian::termpos pos = first;
    for (std::size_t i = 0; i + 1 < chars.size(); ++i, ++pos) {
        doc.add_posting(prefix + chars[i] + chars[i + 1], pos, wdf_inc);
        // A phrase never needs this character's unigram here: the bigram holds the position.
        doc.add_term(prefix + chars[i], wdf_inc);
    }
    if (!chars.empty()) doc.add_posting(prefix + chars.back(), pos, wdf_inc);
    return static_cast<Xapian::termpos>(chars.size());
}

}  // namespace

bool is_cjk_char(unsigned ch) {
    if (ch < 0x2E80) return false;
    const bool in_cjk_block =
        (ch <= 0x2EFF) ||                    // CJK Radicals Supplement
        (ch >= 0x3000 && ch <= 0x9FFF) ||    // symbols, kana, bopomofo, ideographs (ext. A)
        (ch >= 0xA700 && ch <= 0xA71F) ||    // modifier tone letters
        (ch >= 0xAC00 && ch <= 0xD7AF) ||    // Hangul syllables
        (ch >= 0xF900 && ch <= 0xFAFF) ||    // compatibility ideographs
        (ch >= 0xFE30 && ch <= 0xFE4F) ||    // compatibility forms
        (ch >= 0xFF00 && ch <= 0xFFEF) ||    // half-width and full-width forms
        (ch >= 0x20000 && ch <= 0x2A6DF) ||  // ideographs extension B
        (ch >= 0x2F800 && ch <= 0x2FA1F);    // compatibility ideographs supplement
    // Punctuation in these blocks (、。「」，) separates words like any other.
    return in_cjk_block && Xapian::Unicode::is_wordchar(ch);
}

bool contains_cjk(std::string_view text) {
    if (!may_contain_cjk(text)) return false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (is_cjk_char(*it)) return true;
    }
    return false;
}

void index_text(Xapian::TermGenerator& generator, std::string_view text, Xapian::termcount wdf_inc,
                const std::string& prefix) {
    if (!may_contain_cjk(text)) {
        generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()), wdf_inc, prefix);
        return;
    }
    // A copy of the handle: Xapian documents are reference-counted, so postings added here
    // land in the generator's document.
    Xapian::Document doc = generator.get_document();
    for_each_piece(text, [&](const Piece& piece) {
        if (!piece.is_cjk) {
            generator.index_text(Xapian::Utf8Iterator(piece.text.data(), piece.text.size()),
                                 wdf_inc, prefix);
            return;
        }
        const Xapian::termpos first = generator.get_termpos() + 1;
        const Xapian::termpos length = index_run(doc, piece.text, first, wdf_inc, prefix);
        generator.set_termpos(first + length - 1);
    });
}

}  // namespace dateline::cjk
