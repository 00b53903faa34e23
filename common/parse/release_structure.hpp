#pragma once
// The press-release structure every reader's output goes through: what the text itself says
// about the release fills the fields the source format left empty, and what is not part of the
// release (end marks, contact and "About ..." blocks) leaves the body.
//
//   place    the dateline's place ("BEIJING, July 22 (Xinhua) --" → "BEIJING"), also after a
//            "FOR IMMEDIATE RELEASE" header; see dateline.hpp for the forms
//   source   the dateline's agency ("Xinhua", "AP", "Reuters"), else the office a release
//            header names; see issuer.hpp
//   date     a full date in the dateline ("WASHINGTON (Sept. 6, 2007) -"); a date the reader
//            left in another form ("Tue, 10 Jun 2003 04:00:00 GMT") is normalised (dates.hpp)
//   lang     the record's tag reduced to its language ("en-US" → "en"), else detected from the
//            title and body; see language_detect.hpp
//   body     cut at the end mark and before trailing contact blocks; see boilerplate.hpp
//
// Fields the format gave are kept as given (apart from the normalised forms of lang and date);
// the body keeps its dateline, which is text like any other.

#include "boilerplate.hpp"
#include "document.hpp"

namespace dateline {

// What complete_structure() found and changed, for measurements and tests.
struct StructureNotes {
    bool place_from_dateline = false;
    bool source_from_dateline = false;
    bool source_from_header = false;
    bool date_from_dateline = false;
    bool date_normalized = false;
    bool lang_detected = false;
    BoilerplateCut boilerplate;
};

// Completes `release` in place from its own text. Never throws. Running it twice changes
// nothing more than running it once.
StructureNotes complete_structure(PressRelease& release);

}  // namespace dateline
