#pragma once
// What writing one release did to the database.

namespace dateline::indexer {

enum class WriteOutcome { added, replaced, unchanged };

}  // namespace dateline::indexer
