#include "language_detect.hpp"

#include <array>
#include <cstdint>

namespace dateline {

namespace {

// Enough text to tell a language; reading a whole 10 MB body would tell no more.
constexpr std::size_t sample_bytes = 16 * 1024;
// Fewer letters than this cannot be told apart from a name or an acronym.
constexpr std::size_t min_letters = 8;
// A script decides the language only when it holds more than this share of the letters.
constexpr double dominant_share = 0.5;
// Japanese writes a good part of every sentence in kana; Chinese only borrows a rare one.
constexpr double japanese_kana_share = 0.1;
// English text: at least this many words, this share of them common English words, and at
// least twice as many English as other-language common words.
constexpr std::size_t min_words = 8;
constexpr double english_share = 0.12;

enum Script : std::size_t { latin, han, kana, hangul, cyrillic, arabic, greek, hebrew, thai,
                            script_count };

bool in(std::uint32_t cp, std::uint32_t low, std::uint32_t high) { return cp >= low && cp <= high; }

// The script of a letter; script_count for anything else (digits, punctuation, symbols).
Script script_of(std::uint32_t cp) {
    if (in(cp, 'A', 'Z') || in(cp, 'a', 'z') || (in(cp, 0xC0, 0x24F) && cp != 0xD7 && cp != 0xF7)) {
        return latin;
    }
    if (in(cp, 0x4E00, 0x9FFF) || in(cp, 0x3400, 0x4DBF) || in(cp, 0xF900, 0xFAFF) ||
        in(cp, 0x20000, 0x2A6DF)) {
        return han;
    }
    if (in(cp, 0x3041, 0x30FF) || in(cp, 0x31F0, 0x31FF) || in(cp, 0xFF66, 0xFF9D)) return kana;
    if (in(cp, 0xAC00, 0xD7AF) || in(cp, 0x1100, 0x11FF) || in(cp, 0x3131, 0x318E)) return hangul;
    if (in(cp, 0x0400, 0x04FF)) return cyrillic;
    if (in(cp, 0x0620, 0x064A) || in(cp, 0x066E, 0x06D3) || in(cp, 0x0750, 0x077F)) return arabic;
    if (in(cp, 0x0386, 0x03FF)) return greek;
    if (in(cp, 0x05D0, 0x05EA)) return hebrew;
    if (in(cp, 0x0E01, 0x0E3A) || in(cp, 0x0E40, 0x0E4E)) return thai;
    return script_count;
}

// Decodes the code point at `pos` and advances; malformed bytes decode as U+FFFD, one byte
// at a time.
std::uint32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07u;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + length > text.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte & 0x3Fu);
    }
    pos += length;
    return cp;
}

bool listed(std::string_view word, const std::string_view* begin, const std::string_view* end) {
    for (const std::string_view* it = begin; it != end; ++it) {
        if (word == *it) return true;
    }
    return false;
}

// Common English words, and common words of the other languages written in Latin letters
// that press releases come in (none of them English words as well).
bool is_english_word(std::string_view word) {
    static constexpr std::array<std::string_view, 44> words = {
        "the",   "of",    "and",  "to",   "in",    "is",   "that", "for",  "on",
        "with",  "as",    "by",   "at",   "from",  "was",  "are",  "be",   "this",
        "it",    "has",   "have", "will", "said",  "not",  "an",   "or",   "which",
        "its",   "their", "were", "been", "would", "also", "after", "than", "they",
        "he",    "she",   "we",   "our",  "who",   "his",  "her",  "about"};
    return listed(word, words.data(), words.data() + words.size());
}

bool is_other_language_word(std::string_view word) {
    static constexpr std::array<std::string_view, 58> words = {
        // French
        "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "pas", "sur",
        "aux", "avec", "sont",
        // German
        "der", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine",
        "sich", "auf", "auch", "wird",
        // Spanish
        "el", "los", "las", "del", "y", "que", "por", "con", "una", "para", "es", "su",
        // Italian
        "il", "della", "che", "di", "gli", "sono",
        // Portuguese ("do", "per", "non" and "com" are English or URL parts too)
        "os", "da", "em", "uma",
        // Dutch
        "het", "een", "van", "niet"};
    return listed(word, words.data(), words.data() + words.size());
}

bool clearly_english(std::string_view text) {
    std::size_t words = 0;
    std::size_t english = 0;
    std::size_t other = 0;
    std::string word;
    auto finish = [&] {
        if (word.empty()) return;
        ++words;
        if (is_english_word(word)) ++english;
        if (is_other_language_word(word)) ++other;
        word.clear();
    };
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            word += c;
        } else if (static_cast<unsigned char>(c) >= 0x80 && !word.empty()) {
            // A letter such as "é" inside a word: the word is no English stop word.
            word += '#';
        } else {
            finish();
        }
    }
    finish();
    return words >= min_words &&
           static_cast<double>(english) >= english_share * static_cast<double>(words) &&
           english > 2 * other;
}

}  // namespace

std::string detect_language(std::string_view text) {
    if (text.size() > sample_bytes) {
        std::size_t cut = sample_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);
    }
    std::array<std::size_t, script_count> counts{};
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Script script = script_of(next_code_point(text, pos));
        if (script == script_count) continue;
        ++counts[script];
        ++letters;
    }
    if (letters < min_letters) return {};
    auto dominant = [&](std::size_t count) {
        return static_cast<double>(count) > dominant_share * static_cast<double>(letters);
    };
    const std::size_t cjk = counts[han] + counts[kana];
    if (dominant(cjk)) {
        const bool japanese =
            static_cast<double>(counts[kana]) >= japanese_kana_share * static_cast<double>(cjk);
        return japanese ? "ja" : "zh";
    }
    struct Single {
        Script script;
        const char* code;
    };
    static constexpr std::array<Single, 6> singles = {{{hangul, "ko"},
                                                       {cyrillic, "ru"},
                                                       {arabic, "ar"},
                                                       {greek, "el"},
                                                       {hebrew, "he"},
                                                       {thai, "th"}}};
    for (const Single& single : singles) {
        if (dominant(counts[single.script])) return single.code;
    }
    if (dominant(counts[latin]) && clearly_english(text)) return "en";
    return {};
}

std::string normalize_language_tag(std::string_view tag) {
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() < 2 || primary.size() > 3) return {};
    std::string code;
    for (const char c : primary) {
        if (c >= 'A' && c <= 'Z') {
            code += static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            code += c;
        } else {
            return {};
        }
    }
    // What follows must be subtags: letters and digits between separators.
    if (end != std::string_view::npos) {
        const std::string_view rest = tag.substr(end + 1);
        if (rest.empty()) return {};
        for (const char c : rest) {
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return {};
        }
    }
    return code;
}

}  // namespace dateline
