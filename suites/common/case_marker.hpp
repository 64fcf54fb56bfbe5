// Tells the harness which case a suite binary is running, out of band: the harness names a file in
// LIBCDIFF_CASE_MARKER and this listener writes the running case's id into it at the start of each case
// and empties it at the end. When the binary dies, the file names the culprit. The console's
// "[ RUN ]" lines cannot be trusted for that: a case may print anything, including another case's
// "[ RUN ]" line, and blaming an innocent case makes the harness exclude the wrong one.
#pragma once

namespace libcdiff::suite {

// Installs the listener when LIBCDIFF_CASE_MARKER is set; call after InitGoogleTest.
void install_case_marker();

}  // namespace libcdiff::suite
