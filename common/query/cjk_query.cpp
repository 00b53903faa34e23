#include "cjk_query.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "cjk_text.hpp"

namespace dateline::cjk {

namespace {

constexpr std::string_view unit_marker = "cjkrun";
constexpr char hex_digits[] = "0123456789abcdef";

bool is_space(unsigned ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0x3000;
}

// Xapian's parser takes curly double quotes as phrase quotes too.
bool is_quote(unsigned ch) { return ch == '"' || ch == 0x201C || ch == 0x201D; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string to_hex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out += hex_digits[byte >> 4];
        out += hex_digits[byte & 0x0F];
    }
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.empty() || hex.size() % 2 != 0) return std::nullopt;
    const auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = digit(hex[i]);
        const int low = digit(hex[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
    }
    return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// One token: `+`, `-` and `(` before it and `)` after it stay operators; a leading `field:`
// picks the unit's field; the rest, quotes included, becomes the unit.
std::string mark_token(std::string_view token, const QueryFields& fields) {
    if (!contains_cjk(token)) return std::string(token);
    const std::size_t lead = std::min(token.find_first_not_of("+-("), token.size());
    std::size_t trail = token.size();
    while (trail > lead && token[trail - 1] == ')') --trail;
    std::string_view core = token.substr(lead, trail - lead);

    std::string field;
    std::size_t name_end = 0;
    while (name_end < core.size() && is_ascii_letter(core[name_end])) ++name_end;
    if (name_end > 0 && name_end < core.size() && core[name_end] == ':') {
        const std::string_view name = core.substr(0, name_end);
        if (contains(fields.filters, name)) return std::string(token);
        if (contains(fields.free_text, name)) {
            field = std::string(name);
            core.remove_prefix(name_end + 1);
        }
    }
    if (!contains_cjk(core)) return std::string(token);
    return std::string(token.substr(0, lead)) + unit_prefix(field) + ":" + to_hex(core) +
           std::string(token.substr(trail));
}

bool is_bigram(const std::string& term) {
    Xapian::Utf8Iterator it(term);
    if (it == Xapian::Utf8Iterator() || !is_cjk_char(*it)) return false;
    ++it;
    if (it == Xapian::Utf8Iterator() || !is_cjk_char(*it)) return false;
    return ++it == Xapian::Utf8Iterator();
}

}  // namespace

std::string unit_prefix(std::string_view field) {
    return std::string(unit_marker) + std::string(field);
}

std::string fold_full_width_punctuation(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        const bool full_width_ascii = ch >= 0xFF01 && ch <= 0xFF5E;
        const bool letter_or_digit = (ch >= 0xFF10 && ch <= 0xFF19) ||
                                     (ch >= 0xFF21 && ch <= 0xFF3A) ||
                                     (ch >= 0xFF41 && ch <= 0xFF5A);
        // Letters and digits stay: the index keeps them as written.
        if (full_width_ascii && !letter_or_digit) ch -= 0xFEE0;
        if (ch == 0x3000) ch = ' ';
        Xapian::Unicode::append_utf8(out, ch);
    }
    return out;
}

std::string mark_units(std::string_view text, const QueryFields& fields) {
    if (!contains_cjk(text)) return std::string(text);
    std::string out;
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(text.data(), text.size());
    const auto offset = [&text](const Xapian::Utf8Iterator& at) { return text.size() - at.left(); };
    while (it != end) {
        if (is_space(*it)) {
            out += ' ';
            ++it;
            continue;
        }
        // A token runs to the next space outside quotes (an unclosed quote runs to the end,
        // as it does for Xapian's parser).
        const std::size_t start = offset(it);
        bool quoted = false;
        for (; it != end; ++it) {
            if (is_quote(*it)) {
                quoted = !quoted;
            } else if (!quoted && is_space(*it)) {
                break;
            }
        }
        const std::size_t stop = it == end ? text.size() : offset(it);
        out += mark_token(text.substr(start, stop - start), fields);
    }
    return out;
}

std::string unmark_units(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t found = text.find(unit_marker, pos);
        if (found == std::string_view::npos) break;
        std::size_t colon = found + unit_marker.size();
        while (colon < text.size() && is_ascii_letter(text[colon])) ++colon;
        std::size_t hex_end = colon + 1;
        while (hex_end < text.size() && std::string_view(hex_digits).find(text[hex_end]) !=
                                            std::string_view::npos) {
            ++hex_end;
        }
        const bool at_token_start = found == 0 || std::string_view(" +-(").find(text[found - 1]) !=
                                                      std::string_view::npos;
        const auto decoded = colon < text.size() && text[colon] == ':' && at_token_start
                                 ? from_hex(text.substr(colon + 1, hex_end - colon - 1))
                                 : std::nullopt;
        if (!decoded) {
            out += text.substr(pos, found + unit_marker.size() - pos);
            pos = found + unit_marker.size();
            continue;
        }
        out += text.substr(pos, found - pos);
        const std::string_view field = text.substr(found + unit_marker.size(),
                                                   colon - found - unit_marker.size());
        if (!field.empty()) out += std::string(field) + ":";
        out += *decoded;
        pos = hex_end;
    }
    out += text.substr(pos);
    return out;
}

Xapian::Query phrase_query(std::string_view text, const std::string& prefix,
                           bool positioned_bigrams) {
    // Cut the text exactly as the indexer does, into a scratch document, and read the terms
    // back by position. Unstemmed, without stop words: phrase words as Xapian's parser has them.
    Xapian::TermGenerator generator;
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    Xapian::Document scratch;
    generator.set_document(scratch);
    if (positioned_bigrams) {
        index_text(generator, text);
    } else {
        generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        generator.index_text(std::string(text));
    }
    std::map<Xapian::termpos, std::string> at;  // the longest term at each position
    std::vector<Xapian::Query> unpositioned;    // Xapian's n-gram bigrams
    for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
        if (!positioned_bigrams && term.positionlist_count() == 0) {
            unpositioned.emplace_back(prefix + *term);
        }
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
            std::string& chosen = at[*pos];
            if ((*term).size() > chosen.size()) chosen = *term;
        }
    }
    std::vector<std::string> words;
    for (const auto& [pos, term] : at) words.push_back(term);
    // The last character of a run, when the bigram before already covers it, adds nothing.
    if (words.size() >= 2 && is_bigram(words[words.size() - 2]) &&
        words[words.size() - 2].compare(words[words.size() - 2].size() - words.back().size(),
                                        std::string::npos, words.back()) == 0) {
        words.pop_back();
    }
    if (words.empty()) return Xapian::Query::MatchNothing;
    for (std::string& word : words) word.insert(0, prefix);
    Xapian::Query phrase =
        words.size() == 1
            ? Xapian::Query(words.front())
            : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                            static_cast<Xapian::termcount>(words.size()));
    if (unpositioned.empty()) return phrase;
    return Xapian::Query(Xapian::Query::OP_FILTER, phrase,
                         Xapian::Query(Xapian::Query::OP_AND, unpositioned.begin(),
                                       unpositioned.end()));
}

Xapian::Query UnitProcessor::operator()(const std::string& unit) {
    const auto decoded = from_hex(unit);
    return phrase_query(decoded ? *decoded : unit, term_prefix_, positioned_bigrams_);
}

}  // namespace dateline::cjk
