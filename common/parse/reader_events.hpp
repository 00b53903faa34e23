#pragma once
// What a format reader reports while it reads. Readers are pure: bytes in, calls out; they do
// no I/O and no logging, so the indexer, the tests and the fuzz targets drive them alike.

#include <cstddef>
#include <functional>
#include <string>

#include "document.hpp"

namespace dateline {

struct ReaderEvents {
    // A release read from the input; `line` is where it starts (1-based; 0 when lines mean
    // nothing for the format). The release may lack an id: the caller assigns one.
    std::function<void(PressRelease&& release, std::size_t line)> on_record;
    // A record that was left out, with the reason.
    std::function<void(std::size_t line, const std::string& message)> on_skip;
    // Something was repaired or guessed, and the record was still used.
    std::function<void(std::size_t line, const std::string& message)> on_warning;
    // Polled between records when set: true stops reading early.
    std::function<bool()> stop_requested;

    bool should_stop() const { return stop_requested && stop_requested(); }
};

}  // namespace dateline
