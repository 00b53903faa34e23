#include "text_matches.hpp"

#include <algorithm>

#include "cjk_text.hpp"

namespace dateline::server {

namespace {

using CodePoints = std::vector<unsigned>;

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

// Adds the CJK strings a phrase of `leaves` matches (cjk_text.hpp: each CJK term stands for the
// character at its position, a bigram also for the next one). Consecutive CJK terms spell one
// string; with bigrams about, a unigram ends a run of the text, and the next term starts
// another. Other terms are added as they are.
void add_phrase_strings(const std::vector<std::string>& leaves,
                        std::unordered_set<std::string>& terms) {
    const auto split_prefix = [](const std::string& term) {
        std::size_t end = 0;
        while (end < term.size() && term[end] >= 'A' && term[end] <= 'Z') ++end;
        return std::make_pair(term.substr(0, end), term.substr(end));
    };
    const bool any_bigram = std::any_of(leaves.begin(), leaves.end(), [&](const std::string& leaf) {
        const std::string body = split_prefix(leaf).second;
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
    std::vector<TextMatch> matches;
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(text.data(), text.size());
    // left() counts the bytes from the current character on, so it gives byte offsets even
    // where the text is not valid UTF-8 (each bad byte is then one character).
    const auto offset = [&text](const Xapian::Utf8Iterator& at) { return text.size() - at.left(); };
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
            continue;
        }
        std::string word;
        for (; it != end && Xapian::Unicode::is_wordchar(*it) && !cjk::is_cjk_char(*it); ++it) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
        }
        const std::string stem = stemmer(word);
        bool hit = is_term(word) || is_term("Z" + stem);
        if (!hit && !prefix.empty()) hit = is_term(prefix + word) || is_term("Z" + prefix + stem);
        if (hit) matches.push_back({start, offset(it) - start});
    }
    if (matches.size() > limit) matches.resize(limit);
    return matches;
}

std::unordered_set<std::string> query_terms(const Xapian::Query& query) {
    std::unordered_set<std::string> terms;
    collect_terms(query, terms);
    return terms;
}

}  // namespace dateline::server
