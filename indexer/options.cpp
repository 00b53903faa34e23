#include "options.hpp"

#include "cli.hpp"
#include "version.hpp"

namespace dateline::indexer {

namespace {

constexpr const char* description =
    "Index press-release archives into a Dateline (Xapian) database.\n"
    "Run it again on the same or a grown archive: unchanged releases are skipped, changed ones\n"
    "replaced, new ones added.\n";

constexpr const char* footer =
    "Inputs:\n"
    "  FILE      JSON Lines (.jsonl, .ndjson; .gz allowed) with the fields\n"
    "            id, title, date, source, url, lang, body; or one agency-wire text article\n"
    "            (.txt): title line, optional time line, body opening with a dateline.\n"
    "  FOLDER    every .jsonl, .ndjson, .jsonl.gz, .ndjson.gz and .txt file below it.\n"
    "  -         standard input (JSON Lines or one text article, detected from the content).\n"
    "\n"
    "Exit status:\n"
    "  0    indexed and committed (bad records are reported on stderr and skipped)\n"
    "  1    failure: the database cannot be opened or written, an input is missing,\n"
    "       or a record was skipped under --strict\n"
    "  2    bad command line\n"
    "  130  interrupted (Ctrl-C): the work done so far was committed\n";

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
        ->required()
        ->type_name("INPUT...");
    app.add_option("--format", options.format, "Input format")
        ->check(CLI::IsMember({"auto", "jsonl", "text"}))
        ->capture_default_str();
    app.add_option("--batch-size", options.batch_size, "Documents per commit")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    app.add_flag("-q,--quiet", options.quiet, "No progress lines (errors and summary only)");
    app.add_flag("--strict", options.strict, "Exit 1 if any record or file was skipped");
    app.add_flag("--json", options.json_summary, "Print the final summary as JSON on stdout");

    parse_command_line(app, argc, argv);
    return options;
}

}  // namespace dateline::indexer
