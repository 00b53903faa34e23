// dateline-server: parses the command line and runs the server library.

#include <iostream>

#include <xapian.h>

#include "cli.hpp"
#include "errors.hpp"
#include "exit_codes.hpp"
#include "http_server.hpp"
#include "server_config.hpp"

int main(int argc, char* argv[]) try {
    const auto config = dateline::server::parse_args(argc, argv);
    return dateline::server::run_server(config, std::cout);
} catch (const dateline::HelpRequested& help) {
    std::cout << help.what();
    return dateline::exit_code::ok;
} catch (const dateline::UsageError& e) {
    std::cerr << "dateline-server: error: " << e.what() << " (see --help)\n";
    return dateline::exit_code::usage;
} catch (const Xapian::Error& e) {
    std::cerr << "dateline-server: error: " << e.get_description() << "\n";
    return dateline::exit_code::failure;
} catch (const std::exception& e) {
    std::cerr << "dateline-server: error: " << e.what() << "\n";
    return dateline::exit_code::failure;
}
