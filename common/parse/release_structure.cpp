#include "release_structure.hpp"

#include "wire_text.hpp"

namespace dateline {

void complete_structure(PressRelease& release) {
    // Records rarely carry the dateline place as a field; their body often opens with one.
    // The body itself is kept as the record gives it.
    if (release.place.empty()) {
        if (const auto dateline = parse_dateline(release.body)) release.place = dateline->place;
    }
}

}  // namespace dateline
