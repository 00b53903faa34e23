#include "errors.hpp"

namespace dateline {

std::string located_message(const std::string& file, std::size_t line, const char* level,
                            const std::string& message) {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    out += level;
    out += ": ";
    out += message;
    return out;
}

}  // namespace dateline
