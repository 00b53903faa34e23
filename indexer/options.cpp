#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>

#include "cli.hpp"
#include "field_map.hpp"
#include "input_discovery.hpp"
#include "parse_int.hpp"
#include "shard_layout.hpp"
#include "version.hpp"

namespace dateline::indexer {

namespace {

constexpr const char* description =
    "Index press-release archives into a Dateline (Xapian) database.\n"
    "Run it again on the same or a grown archive: unchanged releases are skipped, changed ones\n"
    "replaced, new ones added.\n";

constexpr const char* footer =
    "Inputs:\n"
    "  FILE      any file: the container and the format are told from the bytes (--format\n"
    "            overrides the format):\n"
    "              JSON Lines / NDJSON, one release object per line, with the fields id, title,\n"
    "                date, source, place, url, lang, body, topics (--map for other names);\n"
    "              JSON: an array of such objects (read element by element), or one object;\n"
    "              agency-wire text: one article, title line, optional time line, body;\n"
    "              text opening with YAML front matter (---): one article;\n"
    "              HTML page: one article; RSS 2.0 / Atom feed: one release per item;\n"
    "              Reuters-21578 SGML: one release per <REUTERS> article.\n"
    "            Binary and empty files are reported and skipped. Text that is not UTF-8 is\n"
    "            read as Windows-1252 (with a warning); UTF-16 and byte-order marks are read.\n"
    "  archives  .gz .xz .bz2 .zst .lz4 .Z, and .zip and .tar archives (also .tar.gz/.tgz,\n"
    "            .tar.xz/.txz, .tar.bz2), archives inside archives too: each member is read\n"
    "            like a file in a folder, and named archive.zip!path/inside in messages.\n"
    "  FOLDER    every file below it named .jsonl .ndjson .json .txt .text .md .markdown\n"
    "            .html .htm .shtml .xhtml .xml .rss .atom .sgm .sgml, those names compressed\n"
    "            (.jsonl.gz ...), and archives; other names (images, PDFs, no extension),\n"
    "            hidden files and folders and symlinked folders are left out.\n"
    "  -         standard input, read like a FILE.\n"
    "  Limits: one article or HTML page 16 MiB, a feed or SGML file 128 MiB, a UTF-16 file\n"
    "  64 MiB, a JSON Lines line 64 MiB, JSON nesting 64 levels; JSON Lines and JSON arrays\n"
    "  have no size limit.\n"
    "  --map title=headline,body=text,date=published (repeatable) reads JSON releases whose\n"
    "  fields have other names; a dotted name (meta.title) reaches into nested objects.\n"
    "\n"
    "--prune removes the documents read from files below the INPUT folders that no longer\n"
    "exist (after indexing). Files named as INPUT, missing folders and standard input are\n"
    "never pruned; --delete ID removes any document.\n"
    "\n"
    "--shards N makes a new database of N shard databases, DB/shard-0 ... DB/shard-(N-1),\n"
    "joined by the Xapian stub file DB/XAPIANDB: dateline-server --db DB searches them as one,\n"
    "and each shard can be served by xapian-tcpsrv on another machine. Releases go to a shard\n"
    "by a hash of their id. Later runs find the shards themselves; another N is refused (exit\n"
    "1): a different number of shards means building a new database.\n"
    "\n"
    "Exit status:\n"
    "  0    indexed and committed (bad records are reported on stderr and skipped)\n"
    "  1    failure: the database cannot be opened or written, another indexer is writing\n"
    "       to it (see --wait), an input is missing, a record was skipped under --strict,\n"
    "       or --shards disagrees with the database's number of shards\n"
    "  2    bad command line\n"
    "  130  interrupted (Ctrl-C or SIGTERM): the work done so far was committed\n";

// --map specs are checked before anything is read.
void check_field_map(const std::vector<std::string>& specs) {
    FieldMap map;
    for (const std::string& spec : specs) {
        if (const std::string problem = map.add(spec); !problem.empty()) throw UsageError(problem);
    }
}

// Indexing needs inputs, --prune needs folders; only --delete runs on its own.
void check_maintenance(const IndexerOptions& options) {
    if (!options.inputs.empty()) return;
    if (options.prune) throw UsageError("--prune needs the folders to look in, as INPUT");
    if (options.delete_ids.empty()) {
        throw UsageError("no INPUT given: name the files, folders or - (stdin) to index");
    }
}

// nullopt without --wait, infinity for a bare --wait, else the seconds of --wait=SECONDS.
std::optional<double> wait_limit(const std::string& text, const std::vector<std::string>& inputs) {
    if (text.empty()) return std::nullopt;
    if (text == "forever") {
        // "--wait 30 folder/" would take 30 for an input and wait forever.
        std::error_code ec;
        const std::string& first = inputs.empty() ? text : inputs.front();
        const bool looks_like_seconds =
            !first.empty() && std::all_of(first.begin(), first.end(), [](unsigned char c) {
                return std::isdigit(c) != 0;
            });
        if (looks_like_seconds && !std::filesystem::exists(first, ec)) {
            throw UsageError("--wait takes a time limit as --wait=" + first + ", not --wait " +
                             first);
        }
        return std::numeric_limits<double>::infinity();
    }
    int seconds = 0;
    if (!parse_int(text, 0, std::numeric_limits<int>::max(), seconds)) {
        throw UsageError("--wait=" + text + ": expected a whole number of seconds");
    }
    return seconds;
}

// --memory: a size with a unit, at least the minimum the indexer works with.
std::size_t memory_limit(const std::string& text) {
    const std::optional<std::size_t> bytes = parse_memory_size(text);
    if (!bytes) {
        throw UsageError("--memory " + text + ": expected a size such as 512M or 2G");
    }
    if (*bytes < minimum_memory_limit) {
        throw UsageError("--memory " + text + ": the indexer needs at least " +
                         format_memory_size(minimum_memory_limit));
    }
    return *bytes;
}

}  // namespace

IndexerOptions parse_args(int argc, const char* const argv[]) {
    IndexerOptions options;
    CLI::App app(description, "indexer");
    app.footer(footer);
    app.set_version_flag("--version", std::string("indexer ") + dateline::version);
    app.add_option("--db", options.db_path, "Database folder (created if missing)")
        ->required()
        ->type_name("PATH");
    app.add_option("inputs", options.inputs, "Files, folders or - (stdin)")
        ->type_name("INPUT...");
    app.add_option("--format", options.format,
                   "Read every input as this format instead of detecting it (see Inputs)")
        ->check(CLI::IsMember(input_format_names()))
        ->capture_default_str();
    app.add_option("--map", options.field_map,
                   "Input field names for release fields, for JSON inputs (see Inputs)")
        ->type_name("FIELD=NAME,...")
        ->allow_extra_args(false);
    app.add_option("--batch-size", options.batch_size, "Documents per commit")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    app.add_option("--threads", options.threads,
                   "Threads that analyse and write when loading into an empty database "
                   "(1: one writer)")
        ->check(CLI::Range(1U, 64U))
        ->capture_default_str();
    std::string memory;
    app.add_option("--memory", memory,
                   "Approximate memory limit of the run, such as 512M or 2G (plain numbers: MiB)")
        ->type_name("SIZE")
        ->default_str(std::to_string(default_memory_limit / mebibyte) + "M");
    app.add_option("--shards", options.shards,
                   "Split a new database into N shard databases (DB/shard-0 ...), by a hash of "
                   "the release id; an existing database keeps its number (default: one "
                   "database, or as many as it has)")
        ->type_name("N")
        ->check(CLI::Range(1U, max_shards));
    app.add_flag("-q,--quiet", options.quiet, "No progress lines (errors and summary only)");
    app.add_flag("--strict", options.strict, "Exit 1 if any record or file was skipped");
    app.add_flag("--json", options.json_summary, "Print the final summary as JSON on stdout");
    app.add_option("--delete", options.delete_ids,
                   "Remove the documents with these ids, after indexing the inputs if any "
                   "(put it after the inputs: the words that follow it are ids)")
        ->type_name("ID...");
    app.add_flag("--prune", options.prune,
                 "Remove the documents whose source file is gone from the input folders");
    std::string wait;
    app.add_flag("--wait{forever}", wait,
                 "If another indexer is writing to the database, wait for it to finish instead "
                 "of failing; --wait=SECONDS waits at most that long");

    parse_command_line(app, argc, argv);
    check_field_map(options.field_map);
    check_maintenance(options);
    options.wait_seconds = wait_limit(wait, options.inputs);
    if (!memory.empty()) options.memory_limit = memory_limit(memory);
    return options;
}

}  // namespace dateline::indexer
