#include "release_structure.hpp"

#include "dateline.hpp"
#include "dates.hpp"
#include "issuer.hpp"
#include "language_detect.hpp"

namespace dateline {

namespace {

// The dateline is in the first lines; no need to hand a 10 MB body to the parser.
constexpr std::size_t dateline_window_bytes = 512;
// Enough of the body to tell its language.
constexpr std::size_t language_sample_bytes = 4096;

}  // namespace

StructureNotes complete_structure(PressRelease& release) {
    StructureNotes notes;
    notes.boilerplate = strip_boilerplate(release.body);

    const std::string_view opening =
        std::string_view(release.body).substr(0, dateline_window_bytes);
    const auto found = find_dateline(opening);
    if (found && release.place.empty()) {
        release.place = found->place;
        notes.place_from_dateline = true;
    }
    if (release.source.empty() && found) {
        release.source = issuer_from_agency(found->agency);
        notes.source_from_dateline = !release.source.empty();
    }
    if (release.source.empty()) {
        release.source = issuer_from_header(opening);
        notes.source_from_header = !release.source.empty();
    }

    if (release.date.empty()) {
        if (found && found->year != 0) {
            release.date = dateline_date(*found, {});
            notes.date_from_dateline = !release.date.empty();
        }
    } else if (!dates::is_normalized(release.date)) {
        if (std::string normal = dates::normalize(release.date); !normal.empty()) {
            release.date = std::move(normal);
            notes.date_normalized = true;
        }
    }

    if (!release.lang.empty()) {
        // A tag that is no language tag at all is kept as the record wrote it.
        if (std::string code = normalize_language_tag(release.lang); !code.empty()) {
            release.lang = std::move(code);
        }
    } else {
        std::string sample = release.title;
        sample += '\n';
        sample.append(release.body, 0, language_sample_bytes);
        release.lang = detect_language(sample);
        notes.lang_detected = !release.lang.empty();
    }
    return notes;
}

}  // namespace dateline
