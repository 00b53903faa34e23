#pragma once
// Spelling data ("did you mean") from release titles. The words are counted from the title
// terms (prefix S) of the analysed documents and written with add_spelling() once per word and
// batch, instead of Xapian's FLAG_SPELLING, which updates the spelling table for every word
// occurrence while indexing and made indexing 30-40% slower. The data is the same: each title
// word with the number of times it occurs in the titles of the database (a replaced document's
// old title is taken back). CJK n-grams are left out (no use for spelling correction).

#include <cstdint>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace dateline::indexer {

class TitleSpelling {
public:
    // Counts the title words of a document that is added.
    void add(const Xapian::Document& document);
    // Takes back the title words of a document that is replaced or removed.
    void remove(const Xapian::Document& document);
    // Adds the changes of another collection.
    void merge(const TitleSpelling& other);

    // Applies the changes to `db`'s spelling data and forgets them.
    void write_to(Xapian::WritableDatabase& db);

    // The change counted for `word`.
    std::int64_t change(const std::string& word) const;

private:
    void count_terms(const Xapian::Document& document, std::int64_t sign);

    std::unordered_map<std::string, std::int64_t> changes_;
};

}  // namespace dateline::indexer
