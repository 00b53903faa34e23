#include "query_builder.hpp"

#include <array>
#include <vector>

#include "schema.hpp"

namespace dateline {

namespace {

using QP = Xapian::QueryParser;

struct Reading {
    unsigned flags;
    QueryInterpretation interpretation;
};

// Replaces everything but letters, digits and spaces (ASCII punctuation only: UTF-8 bytes of
// other scripts are kept) so the last-resort parse has nothing to trip over.
std::string words_only(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9');
        out += keep ? c : ' ';
    }
    return out;
}

bool is_operator_word(std::string_view token) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
        if (token == op) return true;
        // NEAR/3, ADJ/2
        if (token.size() > op.size() && token.substr(0, op.size()) == op &&
            token[op.size()] == '/') {
            return true;
        }
    }
    return false;
}

// True for text that is only words: no quotes, brackets, field prefixes or operators.
bool is_plain_word_list(std::string_view text) {
    if (text.find_first_of("\"():+*") != std::string_view::npos) return false;
    std::size_t pos = 0;
    int words = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t", pos);
        if (start == std::string_view::npos) break;
        std::size_t end = text.find_first_of(" \t", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view token = text.substr(start, end - start);
        if (is_operator_word(token) || token.front() == '-') return false;
        ++words;
        pos = end;
    }
    return words >= 2;
}

bool is_stopped(const Xapian::Stopper& stopper, const std::string& term) {
    const std::string word = !term.empty() && term[0] == 'Z' ? term.substr(1) : term;
    return stopper(word);
}

// "U.S.", "W.V.": Xapian's parser reads capital letters with dots as one acronym term ("us");
// lower-cased they would fall apart into single letters.
bool is_acronym(std::string_view token) {
    for (std::size_t i = 0; i + 2 < token.size(); ++i) {
        const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
        if (upper(token[i]) && token[i + 1] == '.' && upper(token[i + 2])) return true;
    }
    return false;
}

}  // namespace

std::string lower_case_words(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t space = text.find_first_of(" \t\r\n", pos);
        const std::size_t end = space == std::string_view::npos ? text.size() : space;
        const std::string_view token = text.substr(pos, end - pos);
        if (is_operator_word(token) || is_acronym(token)) {
            out += token;
        } else {
            for (Xapian::Utf8Iterator it(token.data(), token.size()); it != Xapian::Utf8Iterator();
                 ++it) {
                Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
            }
        }
        if (end < text.size()) out += text[end];
        pos = end + 1;
    }
    return out;
}

const char* to_string(QueryInterpretation interpretation) {
    switch (interpretation) {
        case QueryInterpretation::full: return "full";
        case QueryInterpretation::without_operators: return "without_operators";
        case QueryInterpretation::plain_words: return "plain_words";
        case QueryInterpretation::nothing_searchable: return "nothing_searchable";
    }
    return "full";
}

QueryBuilder::QueryBuilder(const AnalyzerSettings& settings)
    : settings_(settings), stopper_(make_english_stopper()) {
    parser_.set_stemmer(Xapian::Stem(settings_.stemmer));
    parser_.set_stopper(stopper_.get());
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", schema::prefix_title);
}

Xapian::Query QueryBuilder::parse(const std::string& text, unsigned flags,
                                  QP::stem_strategy strategy) {
    parser_.set_stemming_strategy(strategy);
    return parser_.parse_query(text, flags);
}

BuiltQuery QueryBuilder::build(std::string_view text) {
    const unsigned cjk = settings_.cjk_ngram ? unsigned{QP::FLAG_CJK_NGRAM} : 0U;
    const std::array<Reading, 3> readings = {{
        {QP::FLAG_PHRASE | QP::FLAG_BOOLEAN | QP::FLAG_LOVEHATE, QueryInterpretation::full},
        {QP::FLAG_PHRASE | QP::FLAG_LOVEHATE, QueryInterpretation::without_operators},
        {0U, QueryInterpretation::plain_words},
    }};
    const std::string query_text(text);
    const std::string folded_text = lower_case_words(text);
    for (const Reading& reading : readings) {
        // Mixed Latin/CJK text can make Xapian 1.4.22's CJK n-gram parsing throw; try without.
        for (unsigned extra : {cjk, 0U}) {
            try {
                const unsigned flags = reading.flags | extra;
                Xapian::Query stemmed = parse(folded_text, flags, QP::STEM_SOME);
                if (stemmed.empty()) break;
                Xapian::Query exact = parse(query_text, flags, QP::STEM_NONE);
                return {with_boosts(stemmed, exact, folded_text, extra), reading.interpretation};
            } catch (const Xapian::QueryParserError&) {
                // Fall through to a simpler reading.
            }
            if (extra == 0U) break;
        }
    }
    try {
        Xapian::Query plain = parse(words_only(folded_text), cjk, QP::STEM_SOME);
        if (!plain.empty()) return {plain, QueryInterpretation::plain_words};
    } catch (const Xapian::QueryParserError&) {
    }
    return {Xapian::Query(), QueryInterpretation::nothing_searchable};
}

Xapian::Query QueryBuilder::with_boosts(const Xapian::Query& stemmed, const Xapian::Query& exact,
                                        const std::string& folded_text, unsigned cjk_flag) {
    // A query of stop words only ("the") keeps them, but stop words have no stemmed terms in
    // the index: match their exact forms instead.
    bool only_stop_words = true;
    for (auto it = stemmed.get_terms_begin(); it != stemmed.get_terms_end(); ++it) {
        only_stop_words = only_stop_words && is_stopped(*stopper_, *it);
    }
    if (only_stop_words) return exact;

    std::vector<Xapian::Query> parts{stemmed};
    if (exact.get_description() != stemmed.get_description()) parts.push_back(exact);
    // Words typed side by side rank higher where they stand side by side in the text.
    if (is_plain_word_list(folded_text)) {
        try {
            Xapian::Query phrase =
                parse("\"" + folded_text + "\"", QP::FLAG_PHRASE | cjk_flag, QP::STEM_NONE);
            if (!phrase.empty()) parts.push_back(phrase);
        } catch (const Xapian::QueryParserError&) {
        }
    }
    if (parts.size() == 1) return stemmed;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end());
}

}  // namespace dateline
