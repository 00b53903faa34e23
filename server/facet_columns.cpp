#include "facet_columns.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "log.hpp"
#include "schema.hpp"

namespace dateline::server {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Fills one column from a value slot's stream (documents in id order: one sequential read).
template <class Store>
void read_slot(const Xapian::Database& db, Xapian::valueno slot, Store store) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        store(it.get_docid(), *it);
    }
}

// The 16 hex digits of schema::hash_hex() as their number.
std::uint64_t parse_hash(const std::string& hex, Xapian::docid docid) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (error != std::errc() || end != hex.data() + hex.size() || hex.empty()) {
        throw std::runtime_error("document " + std::to_string(docid) +
                                 " has a body hash that is not hexadecimal");
    }
    // 0 marks "no body"; a hash that is 0 shares its count with hash 1 (a 2^-64 chance).
    return value == 0 ? 1 : value;
}

bool is_glass_database(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "iamglass", ec);
}

// Adds the glass databases that `path` leads to; false when something else is found (a
// `remote` line, a stub that cannot be read, stubs nested too deep).
bool collect_local(const fs::path& path, int depth, std::vector<fs::path>& found);

// A stub file's lines: "auto PATH" and "glass PATH", relative to the stub's folder.
bool collect_from_stub(const fs::path& stub, int depth, std::vector<fs::path>& found) {
    std::ifstream in(stub);
    if (!in) return false;
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string type, target;
        if (!(words >> type) || type[0] == '#') continue;
        if ((type != "auto" && type != "glass") || !(words >> target)) return false;
        fs::path where(target);
        if (where.is_relative()) where = stub.parent_path() / where;
        if (!collect_local(where, depth + 1, found)) return false;
    }
    return true;
}

bool collect_local(const fs::path& path, int depth, std::vector<fs::path>& found) {
    if (depth > 4) return false;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (is_glass_database(path)) {
            found.push_back(path);
            return true;
        }
        return fs::is_regular_file(path / "XAPIANDB", ec) &&
               collect_from_stub(path / "XAPIANDB", depth, found);
    }
    return fs::is_regular_file(path, ec) && collect_from_stub(path, depth, found);
}

}  // namespace

bool single_local_database(const std::vector<std::string>& paths) {
    std::vector<fs::path> found;
    for (const auto& path : paths) {
        if (!collect_local(path, 0, found)) return false;
    }
    return found.size() == 1;
}

// ---------------------------------------------------------------------------------------
// Loading and counting

std::shared_ptr<const FacetColumns> FacetColumns::load(const Xapian::Database& db) {
    auto columns = std::make_shared<FacetColumns>();
    columns->state_key_ = database_state_key(db);
    columns->documents_ = db.get_doccount();
    const std::size_t rows = std::size_t{db.get_lastdocid()} + 1;

    for (const auto& column : {std::pair{&columns->sources_, schema::slot_source},
                               std::pair{&columns->langs_, schema::slot_lang},
                               std::pair{&columns->months_, schema::slot_month}}) {
        Dictionary* dictionary = column.first;  // not a structured binding: lambdas capture it
        const Xapian::valueno slot = column.second;
        dictionary->ids.assign(rows, 0);
        std::unordered_map<std::string, std::uint32_t> numbers;
        read_slot(db, slot, [&](Xapian::docid docid, const std::string& value) {
            const auto [it, added] =
                numbers.emplace(value, static_cast<std::uint32_t>(dictionary->values.size()));
            if (added) dictionary->values.push_back(value);
            dictionary->ids[docid] = it->second;
        });
    }
    columns->body_hashes_.assign(rows, 0);
    read_slot(db, schema::slot_body_hash, [&](Xapian::docid docid, const std::string& value) {
        columns->body_hashes_[docid] = parse_hash(value, docid);
    });
    return columns;
}

std::size_t FacetColumns::bytes() const {
    std::size_t total = body_hashes_.capacity() * sizeof(std::uint64_t);
    for (const Dictionary* d : {&sources_, &langs_, &months_}) {
        total += d->ids.capacity() * sizeof(std::uint32_t);
        for (const auto& value : d->values) total += sizeof(std::string) + value.capacity();
    }
    return total;
}

// Tallies per dictionary number while the match runs; turned into strings once at the end.
class FacetColumns::Counter : public Xapian::MatchSpy {
public:
    Counter(const FacetColumns& columns, const FacetSelection& selection)
        : columns_(columns),
          sources_(selection.source ? columns.sources_.values.size() : 0),
          langs_(selection.lang ? columns.langs_.values.size() : 0),
          months_(selection.year || selection.month ? columns.months_.values.size() : 0) {}

    void operator()(const Xapian::Document& doc, double /*weight*/) override {
        const Xapian::docid id = doc.get_docid();
        if (id >= columns_.body_hashes_.size()) {
            // Not reached: the columns are used only at the state they were read from.
            ++without_body_;
            return;
        }
        if (!sources_.empty()) ++sources_[columns_.sources_.ids[id]];
        if (!langs_.empty()) ++langs_[columns_.langs_.ids[id]];
        if (!months_.empty()) ++months_[columns_.months_.ids[id]];
        const std::uint64_t body = columns_.body_hashes_[id];
        if (body == 0) {
            ++without_body_;
        } else {
            bodies_.push_back(body);
        }
    }

    FacetTally tally() {
        FacetTally out;
        collect(sources_, columns_.sources_, out.sources);
        collect(langs_, columns_.langs_, out.langs);
        collect(months_, columns_.months_, out.months);
        std::sort(bodies_.begin(), bodies_.end());
        const auto distinct = std::unique(bodies_.begin(), bodies_.end()) - bodies_.begin();
        out.hits = static_cast<Xapian::doccount>(distinct) + without_body_;
        return out;
    }

private:
    // Number 0 is "no value", which Xapian's spies do not count either.
    static void collect(const std::vector<Xapian::doccount>& counts, const Dictionary& dictionary,
                        std::map<std::string, Xapian::doccount>& out) {
        for (std::size_t number = 1; number < counts.size(); ++number) {
            if (counts[number] != 0) out.emplace(dictionary.values[number], counts[number]);
        }
    }

    const FacetColumns& columns_;
    std::vector<Xapian::doccount> sources_, langs_, months_;
    std::vector<std::uint64_t> bodies_;
    Xapian::doccount without_body_ = 0;
};

FacetTally FacetColumns::count(Xapian::Enquire& enquire, const FacetSelection& selection,
                               Xapian::doccount check_at_least) const {
    Counter counter(*this, selection);
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, check_at_least);
    enquire.clear_matchspies();
    return counter.tally();
}

// ---------------------------------------------------------------------------------------
// The store

FacetColumnStore::FacetColumnStore(DatabasePool& pool) : pool_(pool) {}

FacetColumnStore::~FacetColumnStore() {
    if (loader_.joinable()) loader_.join();
}

std::shared_ptr<const FacetColumns> FacetColumnStore::find(const SearchHandle& handle) {
    const std::string key = database_state_key(handle.db);
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_ && current_->state_key() == key) return current_;
    if (loading_ || Clock::now() < next_load_ || handle.generation == unsupported_generation_) {
        return nullptr;
    }
    if (!single_local_database(pool_.paths())) {
        unsupported_generation_ = handle.generation;
        return nullptr;
    }
    start_load();
    return nullptr;
}

void FacetColumnStore::load_in_background() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!loading_ && single_local_database(pool_.paths())) start_load();
}

void FacetColumnStore::start_load() {
    if (loader_.joinable()) loader_.join();  // the last load, finished
    loading_ = true;
    loader_ = std::thread([this] { load_latest(); });
}

void FacetColumnStore::load_latest() {
    const auto start = Clock::now();
    std::shared_ptr<const FacetColumns> loaded;
    std::string failure;
    bool unavailable = false;
    try {
        auto lease = pool_.acquire();
        loaded = FacetColumns::load(lease->db);
    } catch (const DatabaseUnavailable&) {
        unavailable = true;  // searches say so (503); the next facet request tries again
    } catch (const Xapian::Error& e) {
        failure = e.get_description();
    } catch (const std::exception& e) {
        failure = e.what();
    }
    const auto took = Clock::now() - start;
    if (loaded) {
        log::debug("facet columns loaded: " + std::to_string(loaded->documents()) + " documents, " +
                   std::to_string(loaded->bytes() / 1024) + " KiB, " +
                   std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()) +
                   " ms");
    } else if (!unavailable) {
        log::warn("facet columns not loaded (facets are counted without them): " + failure);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (loaded) {
        current_ = std::move(loaded);
        ++loads_;
    } else if (!unavailable) {
        ++failures_;
    }
    next_load_ = unavailable ? Clock::now() : Clock::now() + 4 * took;
    loading_ = false;
}

void FacetColumnStore::wait_idle() {
    std::thread finished;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        finished = std::move(loader_);
    }
    if (finished.joinable()) finished.join();
}

std::shared_ptr<const FacetColumns> FacetColumnStore::preload(const SearchHandle& handle) {
    if (auto found = find(handle)) return found;
    wait_idle();
    return find(handle);
}

FacetColumnStore::Figures FacetColumnStore::figures() const {
    std::lock_guard<std::mutex> lock(mutex_);
    Figures out;
    out.loads = loads_;
    out.failures = failures_;
    if (current_) {
        out.documents = current_->documents();
        out.bytes = current_->bytes();
    }
    return out;
}

}  // namespace dateline::server
