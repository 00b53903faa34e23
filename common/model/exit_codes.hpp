#pragma once

namespace dateline::exit_code {
inline constexpr int ok = 0;           // work done (the indexer committed; skipped records allowed)
inline constexpr int failure = 1;      // runtime failure, or skipped records under --strict
inline constexpr int usage = 2;        // bad command line
inline constexpr int interrupted = 130;  // SIGINT/SIGTERM: work so far committed, then stopped
}  // namespace dateline::exit_code
