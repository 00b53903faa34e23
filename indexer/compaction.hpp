#pragma once
// The end of a bulk load: the parts are merged into one compact database with Xapian's
// compaction, which then takes the place of the (empty) target database in one rename.

#include <string>
#include <vector>

namespace dateline::indexer {

// At most this many databases are merged at once (each holds a few open files).
inline constexpr std::size_t merge_fan_in = 64;

// Merges `inputs`, in order (document ids follow that order), into a new database at
// `output`. Beyond merge_fan_in inputs, groups are merged first into folders made in
// `scratch`. Throws Xapian::Error.
void merge_databases(const std::vector<std::string>& inputs, const std::string& output,
                     const std::string& scratch);

// Puts the database folder `built` in the place of the database folder `target` at once:
// a reader or a killed process sees either the old database or the new one, never a mix.
// Both are on the same file system. The old database is left at `built`, to be removed.
// The writer lock file of `target`, if any, is carried over (hard-linked) first, so that the
// lock it holds stays in force. Throws std::runtime_error.
void install_database(const std::string& built, const std::string& target);

// A new empty folder beside `target` for a bulk load's parts: "<target>.bulk-XXXXXX".
// Throws std::runtime_error.
std::string make_bulk_folder(const std::string& target);

// Removes the folders of bulk loads into `target` that were killed before they finished. Call
// only while holding the writer lock of `target`: no other bulk load into it can be running.
void remove_stale_bulk_folders(const std::string& target);

// True when a folder made beside `target` (in its parent folder) is on the same file system,
// so that install_database() can rename it into place.
bool can_install_beside(const std::string& target);

}  // namespace dateline::indexer
