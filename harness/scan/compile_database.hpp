// A JSON compilation database (compile_commands.json, as CMake, Meson, Bear and others write it):
// one entry per translation unit with its working directory, its source file and the command that
// compiled it (an argument array, or one shell-quoted string). `scan` recompiles these (issue 13, 5).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace libcdiff::scan {

struct CompileCommand {
  std::filesystem::path directory;     // absolute: where the command ran
  std::filesystem::path file;          // absolute: the source file
  std::vector<std::string> arguments;  // argv, the compiler first; @response files expanded
};

// Why a file is not a compilation database ("is not JSON (...)", "entry 3 has no \"file\"").
class CompileDatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Relative directories are taken from the database's own directory, relative files from their
// entry's directory. Throws CompileDatabaseError.
std::vector<CompileCommand> read_compile_database(const std::filesystem::path& path);

// A command string as a POSIX shell splits it (no expansions): blanks separate words, '...' keeps
// everything, "..." keeps everything but \" \\ \$ \` (backslash-escaped), a backslash outside
// quotes keeps the next character. Throws CompileDatabaseError for an unterminated quote.
std::vector<std::string> split_command_line(std::string_view command);

// The database a `scan` argument names: the path itself when it is a file named *.json (ELF files
// and images are never that), <dir>/compile_commands.json for a directory holding one; else empty.
std::filesystem::path compile_database_at(const std::filesystem::path& path);

}  // namespace libcdiff::scan
