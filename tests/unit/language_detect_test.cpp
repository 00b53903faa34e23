#include <string>

#include <catch2/catch.hpp>

#include "language_detect.hpp"

using dateline::detect_language;
using dateline::normalize_language_tag;

TEST_CASE("detect_language tells languages by their script", "[common]") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        // Chinese, also with Latin names and digits in it
        {"\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA\xBA"
         "\xE4\xB8\xBB\xE6\x8C\x81\xE4\xbe\x8b\xE8\xA1\x8C\xE8\xAE\xB0\xE8\x80\x85\xE4\xBC\x9A",
         "zh"},
        {"2024\xE5\xB9\xB4" "4\xE6\x9C\x88" "3\xE6\x97\xA5 APEC "
         "\xE9\xAB\x98\xE8\xB4\xA8\xE9\x87\x8F\xE5\x8F\x91\xE5\xB1\x95\xE4\xB8\x80\xE5\xB8\xA6"
         "\xE4\xB8\x80\xE8\xB7\xAF\xE5\x90\x88\xE4\xBD\x9C",
         "zh"},
        // Japanese: kanji with hiragana and katakana
        {"\xE5\xA4\x96\xE5\x8B\x99\xE7\x9C\x81\xE3\x81\xAF\xE3\x83\x97\xE3\x83\xAC\xE3\x82\xB9"
         "\xE3\x83\xAA\xE3\x83\xAA\xE3\x83\xBC\xE3\x82\xB9\xE3\x82\x92\xE7\x99\xBA\xE8\xA1\xA8"
         "\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F",
         "ja"},
        // Korean
        {"\xEC\x99\xB8\xEA\xB5\x90\xEB\xB6\x80\xEB\x8A\x94 \xEC\x98\xA4\xEB\x8A\x98 "
         "\xEB\xB3\xB4\xEB\x8F\x84\xEC\x9E\x90\xEB\xA3\x8C\xEB\xA5\xBC "
         "\xEB\xB0\x9C\xED\x91\x9C\xED\x96\x88\xEB\x8B\xA4",
         "ko"},
        // Russian
        {"\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD0\xB5\xD1\x80\xD1\x81\xD1\x82\xD0"
         "\xB2\xD0\xBE \xD0\xB8\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD0\xBD"
         "\xD1\x8B\xD1\x85 \xD0\xB4\xD0\xB5\xD0\xBB",
         "ru"},
        // Arabic
        {"\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xAE\xD8\xA7\xD8\xB1"
         "\xD8\xAC\xD9\x8A\xD8\xA9 \xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86",
         "ar"},
        // Greek, Hebrew, Thai
        {"\xCE\xA5\xCF\x80\xCE\xBF\xCF\x85\xCF\x81\xCE\xB3\xCE\xB5\xCE\xAF\xCE\xBF "
         "\xCE\x95\xCE\xBE\xCF\x89\xCF\x84\xCE\xB5\xCF\x81\xCE\xB9\xCE\xBA\xCF\x8E\xCE\xBD",
         "el"},
        {"\xD7\x9E\xD7\xA9\xD7\xA8\xD7\x93 \xD7\x94\xD7\x97\xD7\x95\xD7\xA5 \xD7\x94\xD7\x95"
         "\xD7\x93\xD7\x99\xD7\xA2",
         "he"},
        {"\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB8\xB0\xE0\xB8\x97\xE0\xB8\xA3\xE0\xB8\xA7\xE0\xB8\x87"
         "\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x95\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x87",
         "th"},
        // English, only when clearly English
        {"The Ministry of Coastal Affairs said on Monday that it would extend the consultation "
         "on fishing quotas.",
         "en"},
        {"U S Senators Bill Frist R TN and Lamar Alexander R TN today announced that the "
         "Department of Energy has awarded a grant to the university",
         "en"},
        {"Le ministère des Affaires étrangères a publié un communiqué sur la situation dans la "
         "région et les mesures prises pour les ressortissants.",
         ""},
        {"Das Auswärtige Amt hat heute eine Erklärung zu der Lage in der Region veröffentlicht "
         "und die Bürger sind aufgefordert, sich zu melden.",
         ""},
        {"El ministerio de Asuntos Exteriores publicó un comunicado sobre la situación en la "
         "región y las medidas para los ciudadanos.",
         ""},
        {"Shr 45 cts vs 58 cts Net 1.1 mln vs 829,000 Sales 24.5 mln vs 22.3 mln", ""},
        // too little to tell
        {"", ""},
        {"OK", ""},
        {"2025-07-23 12:00 +0800", ""},
        {"\xE4\xB8\xAD", ""},
    }));
    CAPTURE(text);
    CHECK(detect_language(text) == expected);
}

TEST_CASE("detect_language goes by the script most letters are in", "[common]") {
    const std::string chinese =
        "\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA\xBA\xE4\xB8\xBB"
        "\xE6\x8C\x81\xE4\xbe\x8b\xE8\xA1\x8C\xE8\xAE\xB0\xE8\x80\x85\xE4\xBC\x9A";  // 13 Han
    SECTION("a few Chinese words in an English text") {
        CHECK(detect_language("The spokesperson of the ministry said that the phrase " + chinese +
                              " was used in the statement, and that it would be translated.") ==
              "en");
    }
    SECTION("Latin names in a Chinese text") {
        CHECK(detect_language(chinese + " APEC WTO " + chinese + chinese) == "zh");
    }
    SECTION("neither script holds most letters") {
        CHECK(detect_language(chinese + " abcdefghijklmnopq") == "");
    }
}

TEST_CASE("detect_language survives hostile text", "[common]") {
    CHECK(detect_language(std::string(1 << 22, 'a')) == "");
    CHECK(detect_language(std::string(1 << 20, '\xFF')) == "");
    CHECK(detect_language(std::string("\xE4\xB8", 2)) == "");
    CHECK(detect_language(std::string(100, '\0')) == "");
    std::string long_english;
    while (long_english.size() < (1 << 20)) long_english += "the text of the release said ";
    CHECK(detect_language(long_english) == "en");
}

TEST_CASE("normalize_language_tag keeps the language subtag", "[common]") {
    auto [tag, expected] = GENERATE(table<std::string, std::string>({
        {"en", "en"},
        {"EN", "en"},
        {"en-US", "en"},
        {"en_gb", "en"},
        {"zh-Hans-CN", "zh"},
        {" zh-CN ", "zh"},
        {"fil", "fil"},
        {"", ""},
        {"x", ""},
        {"english", ""},
        {"en-", ""},
        {"en US", ""},
        {"e1", ""},
        {"zh-\xE4\xB8\xAD", ""},
    }));
    CAPTURE(tag);
    CHECK(normalize_language_tag(tag) == expected);
}
