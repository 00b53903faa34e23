#pragma once
// The few exception types Dateline throws. They are caught at three boundaries only:
// main(), each input record in the indexer, and each HTTP request in the server.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace dateline {

// Bad command-line usage: exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A problem in input text, found by a pure parser. `line` is 1-based within the text the
// parser was given (0 when no line applies); the caller adds the file name.
struct ParseError : std::runtime_error {
    ParseError(const std::string& message, std::size_t line_in_text = 0)
        : std::runtime_error(message), line(line_in_text) {}
    std::size_t line;
};

// A problem in an input file, located for the user: "FILE:LINE: error: MESSAGE".
struct InputError : std::runtime_error {
    InputError(std::string file_name, std::size_t line_number, const std::string& message)
        : std::runtime_error(message), file(std::move(file_name)), line(line_number) {}
    std::string file;
    std::size_t line;  // 0 when the whole file is concerned
};

// "FILE:LINE: LEVEL: MESSAGE", or "FILE: LEVEL: MESSAGE" without a line (compiler style).
std::string located_message(const std::string& file, std::size_t line, const char* level,
                            const std::string& message);

}  // namespace dateline
