#include "title_spelling.hpp"

#include "cjk_text.hpp"
#include "schema.hpp"

namespace dateline::indexer {

void TitleSpelling::add(const Xapian::Document& document) { count_terms(document, 1); }

void TitleSpelling::remove(const Xapian::Document& document) { count_terms(document, -1); }

void TitleSpelling::count_terms(const Xapian::Document& document, std::int64_t sign) {
    const std::string prefix = schema::prefix_title;
    Xapian::TermIterator it = document.termlist_begin();
    const Xapian::TermIterator end = document.termlist_end();
    it.skip_to(prefix);
    for (; it != end; ++it) {
        const std::string term = *it;
        if (term.compare(0, prefix.size(), prefix) != 0) break;
        // Title terms are lower-case words, so the prefix is never followed by a colon.
        const std::string word = term.substr(prefix.size());
        if (word.empty() || cjk::contains_cjk(word)) continue;
        changes_[word] += sign * static_cast<std::int64_t>(it.get_wdf());
    }
}

void TitleSpelling::merge(const TitleSpelling& other) {
    for (const auto& [word, change] : other.changes_) changes_[word] += change;
}

void TitleSpelling::write_to(Xapian::WritableDatabase& db) {
    for (const auto& [word, change] : changes_) {
        if (change > 0) db.add_spelling(word, static_cast<Xapian::termcount>(change));
        if (change < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
    changes_.clear();
}

std::int64_t TitleSpelling::change(const std::string& word) const {
    const auto found = changes_.find(word);
    return found == changes_.end() ? 0 : found->second;
}

}  // namespace dateline::indexer
