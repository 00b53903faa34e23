#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "format_detect.hpp"

using dateline::DocumentFormat;
using dateline::detect_format;
using dateline::format_from_name;
using namespace std::string_literals;

namespace {

const std::string data_dir = TEST_DATA_DIR;

std::string file_head(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(dateline::detect_head_bytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

TEST_CASE("formats are told from the first bytes", "[common]") {
    auto [head, expected] = GENERATE(table<std::string, DocumentFormat>({
        {"", DocumentFormat::empty},
        {" \n\t\r\n", DocumentFormat::empty},
        {"{\"title\": \"a\"}\n{\"title\": \"b\"}\n", DocumentFormat::jsonl},
        {"\xEF\xBB\xBF{\"title\": \"bom\"}", DocumentFormat::jsonl},
        {"  {\"title\": \"a {brace} in a string\\\" }\"}\n", DocumentFormat::jsonl},
        {"{\n  \"title\": \"pretty\"\n}\n", DocumentFormat::json},
        {"[\n {\"title\": \"a\"}\n]", DocumentFormat::json},
        {"<!DOCTYPE html>\n<html lang=\"en\">", DocumentFormat::html},
        {"<!doctype HTML><title>x</title>", DocumentFormat::html},
        {"<!-- saved page -->\n<html>", DocumentFormat::html},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
         DocumentFormat::html},
        {"<div class=\"release\"><p>text</p></div>", DocumentFormat::html},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\">",
         DocumentFormat::feed},
        {"<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?>\n<feed xmlns=\"x\">",
         DocumentFormat::feed},
        {"<rss version=\"0.91\">", DocumentFormat::feed},
        {"<?xml version=\"1.0\"?><urlset xmlns=\"sitemap\">", DocumentFormat::other_xml},
        {"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">",
         DocumentFormat::reuters_sgml},
        {"<REUTERS TOPICS=\"NO\" NEWID=\"2\">", DocumentFormat::reuters_sgml},
        {"---\ntitle: x\n---\nbody\n", DocumentFormat::front_matter},
        {"--- \r\ntitle: x\r\n---\r\n", DocumentFormat::front_matter},
        {"\n---\ntitle: x\n---\n", DocumentFormat::wire_text},
        {"---- not front matter\n", DocumentFormat::wire_text},
        {"Ferry timetable changes\n2024-01-02\n\nBody.\n", DocumentFormat::wire_text},
        {"<not a known tag> in plain text\n", DocumentFormat::wire_text},
        {"caf\xE9 in Latin-1 is still text\n", DocumentFormat::wire_text},
        {"a\0b"s, DocumentFormat::binary},
        {"text\x01\x02\x03\x04 with controls", DocumentFormat::binary},
        {"\x1F\x8B\x08\x00"s, DocumentFormat::container},
        {"\xFD" "7zXZ\0\0"s, DocumentFormat::container},
        {"BZh91AY&SY", DocumentFormat::container},
        {"PK\x03\x04\x14\0"s, DocumentFormat::container},
        {"\x28\xB5\x2F\xFD", DocumentFormat::container},
        {"BZh is a word", DocumentFormat::wire_text},
        {"PK is a word too", DocumentFormat::wire_text},
    }));
    CAPTURE(head);
    CHECK(detect_format(head, true) == expected);
}

TEST_CASE("a tar archive is recognised by its header", "[common]") {
    const std::string tar = file_head(data_dir + "/archives/wire-articles.tar");
    CHECK(detect_format(tar, false) == DocumentFormat::container);
    CHECK(detect_format(tar.substr(0, 200), false) != DocumentFormat::container);
}

TEST_CASE("a first JSON line longer than the head is JSON Lines", "[common]") {
    const std::string head = "{\"title\": \"" + std::string(dateline::detect_head_bytes, 'x');
    CHECK(detect_format(head.substr(0, dateline::detect_head_bytes), false) ==
          DocumentFormat::jsonl);
}

TEST_CASE("the fixtures are detected as what they are", "[common]") {
    auto [path, expected] = GENERATE(table<std::string, DocumentFormat>({
        {"/jsonl/releases.jsonl", DocumentFormat::jsonl},
        {"/jsonl/releases.jsonl.gz", DocumentFormat::container},
        {"/wire/crlf-wrapped.txt", DocumentFormat::wire_text},
        {"/wire/latin1-encoded.txt", DocumentFormat::wire_text},
        {"/bad/binary.txt", DocumentFormat::binary},
        {"/bad/empty.txt", DocumentFormat::empty},
        {"/json/releases-array.json", DocumentFormat::json},
        {"/sgml/reuters-sample.sgm", DocumentFormat::reuters_sgml},
        {"/feeds/rss-press-office.xml", DocumentFormat::feed},
        {"/feeds/atom-ministry.xml", DocumentFormat::feed},
        {"/frontmatter/ministry-release.txt", DocumentFormat::front_matter},
        {"/archives/wire-articles.zip", DocumentFormat::container},
        {"/archives/wire-articles.tar.xz", DocumentFormat::container},
        {"/archives/wire-articles.tar.bz2", DocumentFormat::container},
    }));
    CAPTURE(path);
    const std::string head = file_head(data_dir + path);
    CHECK(detect_format(head, head.size() < dateline::detect_head_bytes) == expected);
}

TEST_CASE("file names suggest a format, ignoring compression suffixes", "[common]") {
    CHECK(format_from_name("a.jsonl") == DocumentFormat::jsonl);
    CHECK(format_from_name("dir/A.NDJSON.GZ") == DocumentFormat::jsonl);
    CHECK(format_from_name("dump.json.xz") == DocumentFormat::json);
    CHECK(format_from_name("note.txt.bz2") == DocumentFormat::wire_text);
    CHECK(format_from_name("page.shtml") == DocumentFormat::html);
    CHECK(format_from_name("news.rss") == DocumentFormat::feed);
    CHECK(format_from_name("reut2-000.sgm") == DocumentFormat::reuters_sgml);
    CHECK(format_from_name("post.md") == DocumentFormat::front_matter);
    CHECK_FALSE(format_from_name("logo.png"));
    CHECK_FALSE(format_from_name("archive.zip"));
    CHECK_FALSE(format_from_name("lewis.dtd"));
    CHECK_FALSE(format_from_name("README"));
    CHECK(dateline::has_container_suffix("x.TGZ"));
    CHECK(dateline::has_container_suffix("x.tar"));
    CHECK(dateline::has_container_suffix("x.jsonl.gz"));
    CHECK_FALSE(dateline::has_container_suffix("x.gzip.txt"));
}

TEST_CASE("a markup name turns plain text into that markup, never clear content",
          "[common]") {
    using dateline::choose_format;
    CHECK(choose_format(DocumentFormat::wire_text, DocumentFormat::html) == DocumentFormat::html);
    CHECK(choose_format(DocumentFormat::wire_text, DocumentFormat::reuters_sgml) ==
          DocumentFormat::reuters_sgml);
    CHECK(choose_format(DocumentFormat::wire_text, DocumentFormat::jsonl) ==
          DocumentFormat::wire_text);
    CHECK(choose_format(DocumentFormat::jsonl, DocumentFormat::html) == DocumentFormat::jsonl);
    CHECK(choose_format(DocumentFormat::wire_text, std::nullopt) == DocumentFormat::wire_text);
}
