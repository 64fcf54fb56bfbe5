// clang's error output read back (issue 13, item 5): "file:line:col: error: message" lines become
// diagnostics that name the API they are about (the function, identifier, type or header), errors
// without a location (the driver's, "clang: error: unknown argument: '-fipa-pta'") are kept apart.
// Expects the plain format syntax_check_args asks for (no colours, no carets, absolute paths).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace libcdiff::scan {

struct ClangError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;         // after "error: " or "fatal error: "
  std::string api;             // "backtrace", "stat64", "<execinfo.h>"; "" when the message names none
  std::string missing_header;  // "execinfo.h" for "'execinfo.h' file not found", else ""
  // Where the first source range clang marks begins (-fdiagnostics-print-source-range-info), or 0:
  // for "incompatible integer to pointer conversion", the expression, e.g. a call of strerror_r.
  int range_line = 0;
  int range_column = 0;
};

struct ClangOutput {
  std::vector<ClangError> errors;           // in the order clang gave them
  std::vector<std::string> general_errors;  // without a location: "unknown argument: '-fipa-pta'"
};

ClangOutput parse_clang_output(std::string_view text);

// The API an error message is about: the header of "'x.h' file not found" as "<x.h>", the name in
// "call to undeclared function 'X'", "use of undeclared identifier 'X'", "unknown type name 'X'",
// "no member named 'X' in ...", "variable has incomplete type 'struct X'", "function-like macro 'X'
// is not defined", "conflicting types for 'X'" and their kin; "" for anything else.
std::string api_named_by(std::string_view message);

// The function called by the expression that starts at `column` (1-based, bytes) of `line`:
// "strerror_r" for "strerror_r(2, buf, n)", "getenv" for "std::getenv (\"X\")"; "" when the
// expression is not a call of a named function.
std::string callee_at(std::string_view line, int column);

}  // namespace libcdiff::scan
