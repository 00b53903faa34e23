#pragma once
// The press-release structure every reader's output goes through: what the text itself says
// about the release (its dateline place, ...) fills the fields the source format left empty.

#include "document.hpp"

namespace dateline {

// Completes `release` in place from its own text. Never throws; fields the format gave are
// kept as given.
void complete_structure(PressRelease& release);

}  // namespace dateline
