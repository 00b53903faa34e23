#pragma once
// Command-line parsing shared by both programs: CLI11 outcomes mapped onto Dateline's
// conventions (help and version on stdout with exit 0, usage errors with exit 2).

#include <stdexcept>

#include <CLI/CLI.hpp>

#include "errors.hpp"

namespace dateline {

// Thrown for --help and --version: the text goes to stdout and the program exits 0.
struct HelpRequested : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses argv into `app`'s options. Throws HelpRequested or UsageError.
inline void parse_command_line(CLI::App& app, int argc, const char* const argv[]) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        throw HelpRequested(app.help());
    } catch (const CLI::CallForVersion&) {
        throw HelpRequested(app.version() + "\n");
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace dateline
