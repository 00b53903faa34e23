#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli.hpp"
#include "errors.hpp"
#include "memory_budget.hpp"
#include "options.hpp"

using dateline::indexer::mebibyte;
using dateline::indexer::parse_memory_size;

namespace {
dateline::indexer::IndexerOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "indexer");
    return dateline::indexer::parse_args(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("memory sizes", "[indexer]") {
    const auto [text, bytes] = GENERATE(table<const char*, std::size_t>({
        {"512", 512 * mebibyte},
        {"512M", 512 * mebibyte},
        {"512mb", 512 * mebibyte},
        {"512MiB", 512 * mebibyte},
        {"2G", 2048 * mebibyte},
        {"1gib", 1024 * mebibyte},
        {"65536K", 64 * mebibyte},
    }));
    INFO(text);
    CHECK(parse_memory_size(text) == bytes);
}

TEST_CASE("memory sizes that are not sizes", "[indexer]") {
    const char* text = GENERATE("", "M", "0", "0G", "-5M", "1.5G", "12T", "5 M", "lots",
                                "99999999999999999G");
    INFO(text);
    CHECK_FALSE(parse_memory_size(text).has_value());
}

TEST_CASE("Memory and thread options on the command line", "[indexer]") {
    SECTION("defaults: two threads, 768 MiB") {
        const auto options = parse({"--db", "x", "in"});
        CHECK(options.threads == 2);
        CHECK(options.memory_limit == 768 * mebibyte);
    }
    SECTION("given") {
        const auto options = parse({"--db", "x", "--memory", "1G", "--threads", "1", "in"});
        CHECK(options.threads == 1);
        CHECK(options.memory_limit == 1024 * mebibyte);
    }
    SECTION("bad values are usage errors that say what is expected") {
        CHECK_THROWS_WITH(parse({"--db", "x", "--memory", "lots", "in"}),
                          "--memory lots: expected a size such as 512M or 2G");
        CHECK_THROWS_WITH(parse({"--db", "x", "--memory", "32M", "in"}),
                          "--memory 32M: the indexer needs at least 64 MiB");
        CHECK_THROWS_AS(parse({"--db", "x", "--threads", "0", "in"}), dateline::UsageError);
        CHECK_THROWS_AS(parse({"--db", "x", "--threads", "many", "in"}), dateline::UsageError);
    }
}

TEST_CASE("the memory plan stays within the limit", "[indexer]") {
    const std::size_t limit = GENERATE(64 * mebibyte, 200 * mebibyte, 768 * mebibyte,
                                       4096 * mebibyte);
    const unsigned writers = GENERATE(1U, 2U, 4U);
    const auto plan = dateline::indexer::plan_memory(limit, writers);
    INFO(limit << " bytes, " << writers << " writers");
    CHECK(plan.part_documents > 0);
    CHECK(plan.part_buffer_bytes > 0);
    CHECK(plan.batch_buffer_bytes > 0);
    // Every writer's buffer full at once, with room to spare for the rest.
    CHECK(plan.part_buffer_bytes * (writers + 1) <= limit);
    CHECK(plan.batch_buffer_bytes * 2 <= limit);
}

TEST_CASE("the buffer estimate grows with the text, more for CJK text", "[indexer]") {
    dateline::PressRelease english;
    english.title = "Harbour report";
    english.body = std::string(3000, 'a');
    dateline::PressRelease chinese;
    chinese.title = "港口报告";
    chinese.body = std::string(1000, ' ');
    for (int i = 0; i < 1000; ++i) chinese.body += "港";  // 3000 bytes of CJK text
    const std::size_t small = dateline::indexer::estimated_buffer_bytes(dateline::PressRelease{});
    CHECK(dateline::indexer::estimated_buffer_bytes(english) > small + 30000);
    CHECK(dateline::indexer::estimated_buffer_bytes(chinese) >
          2 * dateline::indexer::estimated_buffer_bytes(english));
}
