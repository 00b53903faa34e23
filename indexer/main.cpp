// indexer: parses the command line and runs the indexer library.

#include <atomic>
#include <csignal>
#include <iostream>

#include <xapian.h>

#include "cli.hpp"
#include "errors.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "run_indexer.hpp"

namespace {
std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested = true; }
}  // namespace

int main(int argc, char* argv[]) try {
    const auto options = dateline::indexer::parse_args(argc, argv);
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
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
