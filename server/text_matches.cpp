#include "text_matches.hpp"

namespace dateline::server {

std::vector<TextMatch> find_matches(std::string_view text,
                                    const std::unordered_set<std::string>& terms,
                                    const Xapian::Stem& stemmer, std::string_view field_prefix,
                                    std::size_t limit) {
    const auto is_term = [&terms](const std::string& term) { return terms.count(term) != 0; };
    const std::string prefix(field_prefix);
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
        std::string word;
        for (; it != end && Xapian::Unicode::is_wordchar(*it); ++it) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
        }
        const std::string stem = stemmer(word);
        bool hit = is_term(word) || is_term("Z" + stem);
        if (!hit && !prefix.empty()) hit = is_term(prefix + word) || is_term("Z" + prefix + stem);
        if (hit) matches.push_back({start, offset(it) - start});
    }
    return matches;
}

std::unordered_set<std::string> query_terms(const Xapian::Query& query) {
    std::unordered_set<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        terms.insert(*it);
    }
    return terms;
}

}  // namespace dateline::server
