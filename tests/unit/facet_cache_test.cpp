#include <catch2/catch.hpp>

#include "facets.hpp"

using dateline::server::FacetCache;
using dateline::server::FacetSelection;

TEST_CASE("facet cache keeps the most recently used entries", "[server]") {
    FacetCache cache(2);
    cache.store("a", 1);
    cache.store("b", 2);
    REQUIRE(cache.find("a") == nlohmann::json(1));  // a is now the most recent
    cache.store("c", 3);                             // evicts b
    CHECK_FALSE(cache.find("b"));
    CHECK(cache.find("a") == nlohmann::json(1));
    CHECK(cache.find("c") == nlohmann::json(3));
    cache.store("c", 4);  // replacing keeps one entry
    CHECK(cache.find("c") == nlohmann::json(4));
    CHECK(cache.find("a") == nlohmann::json(1));
}

TEST_CASE("facet cache keys change with the revision, the query and the selection", "[server]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    FacetSelection months;
    months.month = true;
    FacetSelection sources;
    sources.source = true;
    const Xapian::Query tax("Ztax");
    const std::string before = FacetCache::key(db, tax, months);
    CHECK(before == FacetCache::key(db, tax, months));
    CHECK(before != FacetCache::key(db, Xapian::Query("Zfraud"), months));
    CHECK(before != FacetCache::key(db, tax, sources));
    db.add_document(Xapian::Document());
    db.commit();
    CHECK(before != FacetCache::key(db, tax, months));
}
