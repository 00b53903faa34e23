#pragma once
// What follows a release's text and is not part of it: the end mark and the contact and
// "About ..." blocks under it. Kept out of the index (and the stored body), so that every DOJ
// release does not match "Office of Public Affairs 202-514-2007".
//
// Conservative by design: a cut never takes the first paragraph, never takes more than it
// leaves, and never more than a few kilobytes; text after an end mark that is long compared
// with the text before it (an attached letter, remarks) is kept.

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline {

struct BoilerplateCut {
    std::size_t end_mark_bytes = 0;  // bytes cut at an end mark (the mark and what follows)
    std::size_t trailer_bytes = 0;   // bytes of contact / "About" / "For more information" blocks
    bool any() const { return end_mark_bytes > 0 || trailer_bytes > 0; }
};

// True for a paragraph that is only an end mark: "###", "# # #", "-30-", "- 30 -", "END",
// "ENDS", "-END-", "- END -", "[ends]", "(END)" (any case for the words).
bool is_end_mark(std::string_view paragraph);

// Cuts `body` (paragraphs separated by blank lines) in place:
//  1. at an end mark, standing alone as a paragraph or ending a sentence ("... the floor. ###",
//     also inside a one-paragraph body whose line breaks were lost), when the text after the
//     mark is at most a third of the text before it and at most 2,000 bytes;
//  2. then trailing blocks, from the end: a contact block ("Contact:", "Media contact:",
//     "Press inquiries", "For further information contact ...") with short lines under it; an
//     "About <organisation>" heading with up to three paragraphs under it; a short
//     "For more information, visit ..." paragraph. They go only together with everything after
//     them, only if they are at most as long as the text kept and at most 4,000 bytes.
// Returns what was cut. Running it again on its own output cuts nothing more.
BoilerplateCut strip_boilerplate(std::string& body);

}  // namespace dateline
