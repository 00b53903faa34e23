#pragma once
// A stream of bytes handed over in chunks, for readers that must not hold a whole input.

#include <cstddef>
#include <functional>

namespace dateline {

// Fills `buffer` with up to `capacity` bytes and returns how many; 0 at the end. May throw
// (a read error, damaged compressed data) after handing over every byte before the problem.
using ChunkSource = std::function<std::size_t(char* buffer, std::size_t capacity)>;

}  // namespace dateline
