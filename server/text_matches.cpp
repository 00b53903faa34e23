#include "text_matches.hpp"

#include <algorithm>

#include "cjk_text.hpp"

namespace dateline::server {

namespace {

using CodePoints = std::vector<unsigned>;

// Joins the words of a phrase in query_terms(); never part of a term.
constexpr char phrase_separator = ' ';

CodePoints lower_code_points(std::string_view text) {
    CodePoints out;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        out.push_back(Xapian::Unicode::tolower(*it));
    }
    return out;
}

bool all_cjk(std::string_view text) {
    if (text.empty()) return false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (!cjk::is_cjk_char(*it)) return false;
    }
    return true;
}

// The CJK strings among `terms` (see query_terms()) that apply to a text: unprefixed ones, and
// with a field prefix those of that field.
std::vector<CodePoints> cjk_strings(const std::unordered_set<std::string>& terms,
                                    std::string_view field_prefix) {
    std::vector<CodePoints> out;
    for (const std::string& term : terms) {
        std::string_view body = term;
        const bool in_field =
            !field_prefix.empty() && body.substr(0, field_prefix.size()) == field_prefix;
        if (!all_cjk(body) && in_field) body.remove_prefix(field_prefix.size());
        if (all_cjk(body)) out.push_back(lower_code_points(body));
    }
    return out;
}

// Marks every occurrence of `strings` in one CJK run.
void match_run(const CodePoints& run, const std::vector<std::size_t>& offsets,
               const std::vector<CodePoints>& strings, std::vector<TextMatch>& matches) {
    std::size_t covered_to = 0;  // run index up to which the last match of this run reaches
    bool open = false;
    for (std::size_t i = 0; i < run.size(); ++i) {
        std::size_t longest = 0;
        for (const CodePoints& s : strings) {
            if (s.size() > longest && i + s.size() <= run.size() &&
                std::equal(s.begin(), s.end(), run.begin() + static_cast<std::ptrdiff_t>(i))) {
                longest = s.size();
            }
        }
        if (longest == 0) continue;
        // Overlapping or touching occurrences (一带一路高质量发展) are one match.
        if (open && i <= covered_to) {
            covered_to = std::max(covered_to, i + longest);
            matches.back().length = offsets[covered_to] - matches.back().start;
        } else {
            covered_to = i + longest;
            matches.push_back({offsets[i], offsets[covered_to] - offsets[i]});
            open = true;
        }
    }
}

// Bytes of the first character of `text`.
std::size_t first_char_bytes(std::string_view text) {
    Xapian::Utf8Iterator it(text.data(), text.size());
    if (it == Xapian::Utf8Iterator()) return 0;
    ++it;
    return it == Xapian::Utf8Iterator() ? text.size() : text.size() - it.left();
}

bool is_apostrophe(unsigned ch) {
    return ch == '\'' || ch == 0x2019 || ch == 0x201B;
}

bool is_latin_wordchar(unsigned ch) {
    return Xapian::Unicode::is_wordchar(ch) && !cjk::is_cjk_char(ch);
}

// The lower-cased word starting at `it`, which is left after it. Apostrophes between letters
// belong to the word ("China's", "China’s" both give "china's"), as in the indexer's terms.
std::string read_word(Xapian::Utf8Iterator& it) {
    const Xapian::Utf8Iterator end;
    std::string word;
    for (;;) {
        for (; it != end && is_latin_wordchar(*it); ++it) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
        }
        if (it == end || !is_apostrophe(*it)) return word;
        Xapian::Utf8Iterator next = it;
        ++next;
        if (next == end || !is_latin_wordchar(*next)) return word;
        word += '\'';
        it = next;
    }
}

// A term's prefix (upper-case ASCII letters, schema.hpp; empty for free text) and the rest.
std::pair<std::string_view, std::string_view> split_prefix(std::string_view term) {
    std::size_t end = 0;
    while (end < term.size() && term[end] >= 'A' && term[end] <= 'Z') ++end;
    return {term.substr(0, end), term.substr(end)};
}

// The phrases among query_terms() that apply to one text (unprefixed ones, and with a field
// prefix those whose words all carry it), fed the text's words in order.
class PhraseMatcher {
public:
    PhraseMatcher(const std::unordered_set<std::string>& terms, std::string_view field_prefix) {
        for (const std::string& term : terms) {
            if (term.find(phrase_separator) == std::string::npos) continue;
            Phrase phrase;
            bool applies = true;
            for (std::size_t from = 0; from <= term.size() && applies;) {
                std::size_t to = term.find(phrase_separator, from);
                if (to == std::string::npos) to = term.size();
                const auto [prefix, word] =
                    split_prefix(std::string_view(term).substr(from, to - from));
                applies = prefix.empty() || prefix == field_prefix;
                phrase.words.emplace_back(word);
                from = to + 1;
            }
            if (!applies) continue;
            longest_ = std::max(longest_, phrase.words.size());
            phrases_.push_back(std::move(phrase));
        }
    }

    bool empty() const { return phrases_.empty(); }

    // A CJK run or a blank line: no phrase runs on across it.
    void interrupt() { recent_.clear(); }

    // The next word of the text (lower-cased); adds a match for each phrase it ends.
    void add(const std::string& word, const TextMatch& where, std::vector<TextMatch>& matches) {
        recent_.push_back({word, where.start});
        if (recent_.size() > longest_) recent_.erase(recent_.begin());
        for (std::size_t p = 0; p < phrases_.size(); ++p) {
            const auto& words = phrases_[p].words;
            if (std::find(words.begin(), words.end(), word) != words.end())
                lone_words_.push_back({p, where});
            if (recent_.size() < words.size()) continue;
            const std::size_t first = recent_.size() - words.size();
            bool same = true;
            for (std::size_t w = 0; w < words.size() && same; ++w)
                same = recent_[first + w].lower == words[w];
            if (!same) continue;
            phrases_[p].found = true;
            matches.push_back(
                {recent_[first].start, where.start + where.length - recent_[first].start});
        }
    }

    // The words of phrases found nowhere in the text, on their own: the indexer splits a few
    // words differently ("AT&T", "U.S."), and the release did match.
    void add_words_of_missing_phrases(std::vector<TextMatch>& matches) const {
        for (const auto& [p, word] : lone_words_) {
            if (!phrases_[p].found) matches.push_back(word);
        }
    }

private:
    struct Phrase {
        std::vector<std::string> words;
        bool found = false;
    };
    struct Word {
        std::string lower;
        std::size_t start;
    };
    std::vector<Phrase> phrases_;
    std::size_t longest_ = 0;
    std::vector<Word> recent_;                                   // the last `longest_` words
    std::vector<std::pair<std::size_t, TextMatch>> lone_words_;  // phrase index, word
};

// Sorts matches into text order and joins overlapping ones.
void sort_and_join(std::vector<TextMatch>& matches) {
    std::sort(matches.begin(), matches.end(),
              [](const TextMatch& a, const TextMatch& b) { return a.start < b.start; });
    std::vector<TextMatch> joined;
    for (const TextMatch& m : matches) {
        if (!joined.empty() && m.start < joined.back().start + joined.back().length) {
            const std::size_t end =
                std::max(joined.back().start + joined.back().length, m.start + m.length);
            joined.back().length = end - joined.back().start;
        } else {
            joined.push_back(m);
        }
    }
    matches = std::move(joined);
}

// Adds the CJK strings a phrase of `leaves` matches (cjk_text.hpp: each CJK term stands for the
// character at its position, a bigram also for the next one). Consecutive CJK terms spell one
// string; with bigrams about, a unigram ends a run of the text, and the next term starts
// another. Other terms are added as they are.
void add_phrase_strings(const std::vector<std::string>& leaves,
                        std::unordered_set<std::string>& terms) {
    const bool any_bigram = std::any_of(leaves.begin(), leaves.end(), [&](const std::string& leaf) {
        const std::string_view body = split_prefix(leaf).second;
        return all_cjk(body) && lower_code_points(body).size() == 2;
    });
    std::string run_prefix, run, tail;
    const auto flush = [&] {
        if (!run.empty()) terms.insert(run_prefix + run + tail);
        run.clear();
        tail.clear();
    };
    for (const std::string& leaf : leaves) {
        const auto [prefix, body] = split_prefix(leaf);
        if (!all_cjk(body)) {
            flush();
            terms.insert(leaf);
            continue;
        }
        if (prefix != run_prefix) flush();
        run_prefix = prefix;
        const std::size_t first = first_char_bytes(body);
        run += body.substr(0, first);
        tail = body.substr(first);
        if (tail.empty() && any_bigram) flush();
    }
    flush();
}

void collect_terms(const Xapian::Query& query, std::unordered_set<std::string>& terms) {
    const std::size_t count = query.get_num_subqueries();
    if (count == 0) {
        for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
            terms.insert(*it);
        }
        return;
    }
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_PHRASE) {
        std::vector<std::string> leaves;
        bool all_terms = true;
        for (std::size_t i = 0; i < count && all_terms; ++i) {
            const Xapian::Query sub = query.get_subquery(i);
            all_terms = sub.get_type() == Xapian::Query::LEAF_TERM;
            if (all_terms) leaves.push_back(*sub.get_terms_begin());
        }
        if (all_terms && std::any_of(leaves.begin(), leaves.end(), [](const std::string& leaf) {
                return cjk::contains_cjk(leaf);
            })) {
            add_phrase_strings(leaves, terms);
            return;
        }
        if (all_terms && leaves.size() > 1) {
            std::string phrase = leaves.front();
            for (std::size_t i = 1; i < leaves.size(); ++i) phrase += phrase_separator + leaves[i];
            terms.insert(phrase);
            return;
        }
    }
    // The filter side of OP_FILTER holds exact filters (and, for databases with Xapian's own
    // n-grams, the bigrams of CJK phrases): nothing to mark in the text.
    const std::size_t searched = type == Xapian::Query::OP_FILTER ? 1 : count;
    for (std::size_t i = 0; i < searched; ++i) collect_terms(query.get_subquery(i), terms);
}

}  // namespace

std::vector<TextMatch> find_matches(std::string_view text,
                                    const std::unordered_set<std::string>& terms,
                                    const Xapian::Stem& stemmer, std::string_view field_prefix,
                                    std::size_t limit) {
    const auto is_term = [&terms](const std::string& term) { return terms.count(term) != 0; };
    const std::string prefix(field_prefix);
    const std::vector<CodePoints> cjk_targets = cjk_strings(terms, field_prefix);
    PhraseMatcher phrases(terms, field_prefix);
    std::vector<TextMatch> matches;
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(text.data(), text.size());
    // left() counts the bytes from the current character on, so it gives byte offsets even
    // where the text is not valid UTF-8 (each bad byte is then one character).
    const auto offset = [&text](const Xapian::Utf8Iterator& at) { return text.size() - at.left(); };
    std::size_t last_word_end = 0;
    while (it != end && matches.size() < limit) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        const std::size_t start = offset(it);
        if (cjk::is_cjk_char(*it)) {
            // A run of CJK characters: where the query's CJK strings occur in it.
            CodePoints run;
            std::vector<std::size_t> offsets;
            for (; it != end && cjk::is_cjk_char(*it); ++it) {
                offsets.push_back(offset(it));
                run.push_back(Xapian::Unicode::tolower(*it));
            }
            offsets.push_back(it == end ? text.size() : offset(it));
            if (!cjk_targets.empty()) match_run(run, offsets, cjk_targets, matches);
            phrases.interrupt();
            continue;
        }
        const std::string word = read_word(it);
        const TextMatch here{start, offset(it) - start};
        const std::string stem = stemmer(word);
        bool hit = is_term(word) || is_term("Z" + stem);
        if (!hit && !prefix.empty()) hit = is_term(prefix + word) || is_term("Z" + prefix + stem);
        if (hit) matches.push_back(here);
        if (!phrases.empty()) {
            const std::string_view gap = text.substr(last_word_end, start - last_word_end);
            if (std::count(gap.begin(), gap.end(), '\n') > 1)
                phrases.interrupt();  // a new paragraph
            phrases.add(word, here, matches);
        }
        last_word_end = here.start + here.length;
    }
    // When the scan stopped at the limit, the phrases not seen yet may still come.
    if (matches.size() < limit) phrases.add_words_of_missing_phrases(matches);
    sort_and_join(matches);
    if (matches.size() > limit) matches.resize(limit);
    return matches;
}

std::unordered_set<std::string> query_terms(const Xapian::Query& query) {
    std::unordered_set<std::string> terms;
    collect_terms(query, terms);
    return terms;
}

}  // namespace dateline::server
