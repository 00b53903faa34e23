#include "query_builder.hpp"

#include <array>
#include <vector>

#include "cjk_query.hpp"
#include "dates.hpp"
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

// date:2018..2019, date:2018-03..2018-06-30, date:..2019: a range over the date value slot.
class DateRangeProcessor : public Xapian::RangeProcessor {
public:
    DateRangeProcessor() : Xapian::RangeProcessor(schema::slot_date, "date:") {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        const std::string from = begin.empty() ? std::string() : dates::day_bound(begin, false);
        const std::string to = end.empty() ? std::string() : dates::day_bound(end, true);
        const bool bad_begin = !begin.empty() && from.empty();
        const bool bad_end = !end.empty() && to.empty();
        if (bad_begin || bad_end || (from.empty() && to.empty())) {
            throw Xapian::QueryParserError("date ranges take YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to);
        if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to);
    }
};

// Wildcards expand to at most this many terms, the most frequent ones.
constexpr Xapian::termcount max_wildcard_terms = 100;

// Field prefixes whose words are free text (`title:`), and what they search.
struct TextField {
    const char* name;
    const char* prefix;
};
constexpr std::array<TextField, 3> text_fields = {{{"title", schema::prefix_title},
                                                   {"source", schema::prefix_source_text},
                                                   {"place", schema::prefix_place_text}}};

const cjk::QueryFields& query_fields() {
    static const cjk::QueryFields fields = [] {
        cjk::QueryFields f;
        for (const TextField& field : text_fields) f.free_text.emplace_back(field.name);
        f.filters = {"lang", "topic", "year", "date"};
        return f;
    }();
    return fields;
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
        case QueryInterpretation::any_words: return "any_words";
    }
    return "full";
}

QueryBuilder::QueryBuilder(const AnalyzerSettings& settings)
    : settings_(settings),
      stopper_(make_english_stopper()),
      date_ranges_(std::make_unique<DateRangeProcessor>()) {
    parser_.set_stemmer(Xapian::Stem(settings_.stemmer));
    parser_.set_stopper(stopper_.get());
    parser_.set_default_op(Xapian::Query::OP_AND);
    for (const TextField& field : text_fields) parser_.add_prefix(field.name, field.prefix);
    if (settings_.cjk_ngram) {
        // CJK units (cjk_query.hpp); the parser owns the processors.
        const bool positioned = settings_.cjk_positioned_bigrams;
        parser_.add_prefix(cjk::unit_prefix(""),
                           (new cjk::UnitProcessor("", positioned))->release());
        for (const TextField& field : text_fields) {
            parser_.add_prefix(cjk::unit_prefix(field.name),
                               (new cjk::UnitProcessor(field.prefix, positioned))->release());
        }
    }
    parser_.add_boolean_prefix("lang", schema::prefix_lang);
    parser_.add_boolean_prefix("topic", schema::prefix_topic);
    parser_.add_boolean_prefix("year", schema::prefix_year);
    parser_.add_rangeprocessor(date_ranges_.get());
    parser_.set_max_expansion(max_wildcard_terms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

Xapian::Query QueryBuilder::parse(const std::string& text, unsigned flags,
                                  QP::stem_strategy strategy) {
    parser_.set_stemming_strategy(strategy);
    return parser_.parse_query(text, flags);
}

std::string QueryBuilder::with_cjk_units(std::string_view text) const {
    return settings_.cjk_ngram ? cjk::mark_units(text, query_fields()) : std::string(text);
}

BuiltQuery QueryBuilder::build(std::string_view text, const Xapian::Database* db) {
    unsigned with_db = 0;
    if (db != nullptr) {
        parser_.set_database(*db);
        with_db = QP::FLAG_WILDCARD;
        if (settings_.spelling) with_db |= QP::FLAG_SPELLING_CORRECTION;
    }
    const std::array<Reading, 3> readings = {{
        {QP::FLAG_PHRASE | QP::FLAG_BOOLEAN | QP::FLAG_LOVEHATE | with_db,
         QueryInterpretation::full},
        {QP::FLAG_PHRASE | QP::FLAG_LOVEHATE | with_db, QueryInterpretation::without_operators},
        {0U, QueryInterpretation::plain_words},
    }};
    const std::string query_text = cjk::fold_full_width_punctuation(text);
    const std::string folded_text = lower_case_words(query_text);
    // CJK text reaches the parser as units, never as CJK (no FLAG_CJK_NGRAM): see cjk_query.hpp.
    const std::string exact_input = with_cjk_units(query_text);
    const std::string folded_input = with_cjk_units(folded_text);
    for (const Reading& reading : readings) {
        try {
            Xapian::Query stemmed = parse(folded_input, reading.flags, QP::STEM_SOME);
            if (stemmed.empty()) continue;
            std::string corrected = cjk::unmark_units(parser_.get_corrected_query_string());
            const unsigned plain_flags = reading.flags & ~unsigned{QP::FLAG_SPELLING_CORRECTION};
            Xapian::Query exact = parse(exact_input, plain_flags, QP::STEM_NONE);
            Xapian::Query any_words;
            if (is_plain_word_list(folded_text)) {
                parser_.set_default_op(Xapian::Query::OP_OR);
                any_words = parse(folded_input, plain_flags, QP::STEM_SOME);
                parser_.set_default_op(Xapian::Query::OP_AND);
            }
            return {with_boosts(stemmed, exact, folded_text), reading.interpretation,
                    std::move(corrected), std::move(any_words)};
        } catch (const Xapian::QueryParserError&) {
            // Fall through to a simpler reading.
        } catch (const Xapian::UnimplementedError&) {
            // NEAR/ADJ around a phrase (a CJK run is one) cannot be built: a simpler reading.
        }
    }
    try {
        Xapian::Query plain = parse(with_cjk_units(words_only(folded_text)), 0U, QP::STEM_SOME);
        if (!plain.empty()) return {plain, QueryInterpretation::plain_words, {}, {}};
    } catch (const Xapian::QueryParserError&) {
    } catch (const Xapian::UnimplementedError&) {
    }
    return {Xapian::Query(), QueryInterpretation::nothing_searchable, {}, {}};
}

Xapian::Query QueryBuilder::with_boosts(const Xapian::Query& stemmed, const Xapian::Query& exact,
                                        const std::string& folded_text) {
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
            Xapian::Query phrase = parse(with_cjk_units("\"" + folded_text + "\""),
                                         QP::FLAG_PHRASE, QP::STEM_NONE);
            if (!phrase.empty()) parts.push_back(phrase);
        } catch (const Xapian::QueryParserError&) {
        }
    }
    if (parts.size() == 1) return stemmed;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end());
}

}  // namespace dateline
