// indexer: parses the command line and runs the indexer library.

#include <atomic>
#include <csignal>
#include <iostream>

#include <unistd.h>

#include <xapian.h>

#include "cli.hpp"
#include "errors.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "run_indexer.hpp"

namespace {

static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs lock-free flags");

std::atomic<bool> stop_requested{false};
// What the handler writes on the first signal; empty with --quiet. Set before the handlers.
const char* stop_message = "";
std::size_t stop_message_length = 0;

void write_stderr(const char* text, std::size_t length) {
    [[maybe_unused]] const bool written = ::write(STDERR_FILENO, text, length) >= 0;
}

// The first SIGINT or SIGTERM asks the run to commit what it has done and exit 130. A second
// one exits at once: the database keeps its last commit, as after a crash.
extern "C" void on_stop_signal(int) {
    if (stop_requested.exchange(true)) {
        static constexpr char message[] =
            "\nindexer: stopped at once; the database keeps its last commit\n";
        write_stderr(message, sizeof message - 1);
        ::_exit(dateline::exit_code::interrupted);
    }
    write_stderr(stop_message, stop_message_length);
}

void install_stop_handlers(const dateline::indexer::IndexerOptions& options) {
    using dateline::indexer::ProgressMode;
    static constexpr char plain[] =
        "indexer: stopping: committing the work done (interrupt again to stop at once)\n";
    // A redrawn progress line is left where it is, the message goes below it.
    static constexpr char live[] =
        "\nindexer: stopping: committing the work done (Ctrl-C again to stop at once)\n";
    switch (dateline::indexer::progress_mode(std::cerr, options.quiet)) {
        case ProgressMode::off:
            break;
        case ProgressMode::plain:
            stop_message = plain;
            stop_message_length = sizeof plain - 1;
            break;
        case ProgressMode::live:
            stop_message = live;
            stop_message_length = sizeof live - 1;
            break;
    }
    // Installed even when the shell started the indexer with SIGINT ignored (a background
    // job): an interrupted run must still commit.
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char* argv[]) try {
    const auto options = dateline::indexer::parse_args(argc, argv);
    install_stop_handlers(options);
    return dateline::indexer::run_indexer(options, stop_requested, std::cout, std::cerr).exit_code;
} catch (const dateline::HelpRequested& help) {
    std::cout << help.what();
    return dateline::exit_code::ok;
} catch (const dateline::UsageError& e) {
    std::cerr << "indexer: error: " << e.what() << " (see --help)\n";
    return dateline::exit_code::usage;
} catch (const Xapian::Error& e) {
    std::cerr << "indexer: error: " << e.get_description() << "\n";
    return dateline::exit_code::failure;
} catch (const std::exception& e) {
    std::cerr << "indexer: error: " << e.what() << "\n";
    return dateline::exit_code::failure;
}
