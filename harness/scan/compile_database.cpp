#include "scan/compile_database.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CompileDatabaseError("cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "@file" arguments replaced by the words of that file (relative to `directory`), as compilers do.
void expand_response_files(std::vector<std::string>& args, const fs::path& directory, int depth = 0) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].size() < 2 || args[i][0] != '@') continue;
    fs::path file = args[i].substr(1);
    if (file.is_relative()) file = directory / file;
    std::error_code ec;
    if (depth >= 8 || !fs::is_regular_file(file, ec)) continue;  // the compiler will say what is wrong
    auto words = split_command_line(read_all(file));
    expand_response_files(words, directory, depth + 1);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(i), words.begin(), words.end());
    i += words.size();
    --i;
  }
}

}  // namespace

std::vector<std::string> split_command_line(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (is_blank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (i + 1 < command.size()) word += command[++i];
    } else if (c == '\'') {
      const auto end = command.find('\'', i + 1);
      if (end == std::string_view::npos)
        throw CompileDatabaseError("has a command with an unterminated ' quote");
      word.append(command.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= command.size()) throw CompileDatabaseError("has a command with an unterminated \" quote");
        if (command[i] == '"') break;
        if (command[i] == '\\' && i + 1 < command.size() &&
            std::string_view("\"\\$`").find(command[i + 1]) != std::string_view::npos)
          ++i;
        word += command[i];
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::vector<CompileCommand> read_compile_database(const fs::path& path) {
  nlohmann::json entries;
  try {
    entries = nlohmann::json::parse(read_all(path));
  } catch (const nlohmann::json::exception& e) {
    throw CompileDatabaseError("is not JSON (" + std::string(e.what()) + ")");
  }
  if (!entries.is_array()) throw CompileDatabaseError("is not a compilation database (not a JSON array)");
  const fs::path base = fs::absolute(path).parent_path();
  std::vector<CompileCommand> commands;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const auto where = "entry " + std::to_string(i + 1);
    if (!e.is_object() || !e.contains("file") || !e["file"].is_string())
      throw CompileDatabaseError("is not a compilation database (" + where + " has no \"file\")");
    if (!e.contains("directory") || !e["directory"].is_string())
      throw CompileDatabaseError("is not a compilation database (" + where + " has no \"directory\")");
    CompileCommand c;
    c.directory = fs::path(e["directory"].get<std::string>());
    if (c.directory.is_relative()) c.directory = base / c.directory;
    c.directory = c.directory.lexically_normal();
    c.file = fs::path(e["file"].get<std::string>());
    if (c.file.is_relative()) c.file = c.directory / c.file;
    c.file = c.file.lexically_normal();
    if (e.contains("arguments") && e["arguments"].is_array()) {
      for (const auto& a : e["arguments"]) {
        if (!a.is_string())
          throw CompileDatabaseError("is not a compilation database (" + where +
                                     " has a non-string argument)");
        c.arguments.push_back(a.get<std::string>());
      }
    } else if (e.contains("command") && e["command"].is_string()) {
      c.arguments = split_command_line(e["command"].get<std::string>());
    } else {
      throw CompileDatabaseError("is not a compilation database (" + where +
                                 " has neither \"arguments\" nor \"command\")");
    }
    if (c.arguments.empty())
      throw CompileDatabaseError("is not a compilation database (" + where + " has an empty command)");
    expand_response_files(c.arguments, c.directory);
    commands.push_back(std::move(c));
  }
  return commands;
}

fs::path compile_database_at(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const auto inside = path / "compile_commands.json";
    return fs::is_regular_file(inside, ec) ? inside : fs::path();
  }
  return path.extension() == ".json" && fs::is_regular_file(path, ec) ? path : fs::path();
}

}  // namespace libcdiff::scan
