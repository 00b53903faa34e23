#pragma once
// The language of a release when neither the record nor the page says it.
//
// Decided from the writing system of the letters in the text (its first 16 KiB):
//   Han (with few kana)              zh        Hangul     ko
//   Han and Hiragana/Katakana        ja        Cyrillic   ru
//   Arabic                           ar        Greek      el
//   Hebrew                           he        Thai       th
//   Latin                            en, only when common English words ("the", "of", "and",
//                                    "said", ...) make up a good share of the words and clearly
//                                    outnumber French, German, Spanish, Italian, Portuguese and
//                                    Dutch ones; otherwise nothing
// The script must hold most of the letters (Latin names in a Chinese text do not make it
// English); text with too few letters to tell gives nothing. A language the script does not
// settle (Ukrainian written in Cyrillic, Persian in Arabic script) is reported as the script's
// main language; records that know better say so in their own field.

#include <string>
#include <string_view>

namespace dateline {

// ISO 639-1 code ("zh", "en", ...) or empty when the text does not tell.
std::string detect_language(std::string_view text);

// A language tag as records and pages write it, reduced to its lower-case language subtag:
// "en-US", "EN", "zh_CN", "zh-Hans-CN" → "en", "en", "zh", "zh". Empty for anything that is not
// a language tag ("", "english!", "x").
std::string normalize_language_tag(std::string_view tag);

}  // namespace dateline
