// yibao rules diff OLD NEW: what changed between two rules files or two rules folders, in Chinese,
// one line per change with its sources, for a reviewer checking a new year against its notice.
#pragma once

#include <ostream>
#include <string>

namespace yibao::cli {

// Prints the changes from old_path to new_path (two files, or two folders whose files are paired
// by their path below the folder). Returns 0, or 1 when a file cannot be read as JSON (said on err).
int rules_diff(const std::string& old_path, const std::string& new_path, std::ostream& out, std::ostream& err);

}  // namespace yibao::cli
