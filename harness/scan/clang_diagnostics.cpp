#include "scan/clang_diagnostics.hpp"

#include <cctype>
#include <regex>

namespace libcdiff::scan {
namespace {

const std::regex& located_error() {
  static const std::regex re(
      R"(^(.*?):(\d{1,9}):(\d{1,9}):(?:\{(\d{1,9}):(\d{1,9})-\d{1,9}:\d{1,9}\}(?:\{[-:0-9]*\})*:)? )"
      R"((?:fatal error|error): (.*)$)");
  return re;
}

// "clang: error: ...", "clang++-16: error: ...", and the frontend's "error: ..." without a location.
const std::regex& general_error() {
  static const std::regex re(R"(^(?:[^\s:]+: )?(?:fatal error|error): (.*)$)");
  return re;
}

const std::regex& header_not_found() {
  static const std::regex re(R"(^'([^']+)' file not found)");
  return re;
}

const std::vector<std::regex>& api_patterns() {
  static const std::string id = R"(([A-Za-z_][A-Za-z0-9_]*))";
  static const std::string tag = R"((?:const |volatile )*(?:struct |union |enum )?)";
  static const std::vector<std::regex> patterns = {
      std::regex("call to undeclared (?:library )?function '" + id + "'"),
      std::regex("implicit declaration of function '" + id + "'"),
      std::regex("use of undeclared identifier '" + id + "'"),
      std::regex("unknown type name '" + id + "'"),
      std::regex("no (?:member|type|template) named '" + id + "'"),
      std::regex("incomplete (?:element |result )?type '" + tag + id + "'"),
      std::regex("incomplete definition of type '" + tag + id + "'"),
      std::regex("function-like macro '" + id + "' is not defined"),
      std::regex("conflicting types for '" + id + "'"),
      std::regex("static declaration of '" + id + "' follows non-static declaration"),
      std::regex("redefinition of '" + tag + id + "'"),
      std::regex("no matching function for call to '" + id + "'"),
  };
  return patterns;
}

}  // namespace

std::string api_named_by(std::string_view message) {
  const std::string text(message);
  std::smatch m;
  if (std::regex_search(text, m, header_not_found())) return "<" + m[1].str() + ">";
  for (const auto& pattern : api_patterns())
    if (std::regex_search(text, m, pattern)) return m[1].str();
  return "";
}

std::string callee_at(std::string_view line, int column) {
  if (column < 1 || static_cast<std::size_t>(column) > line.size()) return "";
  const auto is_id = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::size_t i = static_cast<std::size_t>(column - 1);
  std::string name;
  for (;;) {
    if (line.substr(i, 2) == "::") i += 2;  // ::getenv, std::getenv
    const auto start = i;
    while (i < line.size() && is_id(line[i])) ++i;
    if (i == start || std::isdigit(static_cast<unsigned char>(line[start]))) return "";
    name = std::string(line.substr(start, i - start));
    if (line.substr(i, 2) != "::") break;
  }
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i < line.size() && line[i] == '(' ? name : "";
}

ClangOutput parse_clang_output(std::string_view text) {
  ClangOutput out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, located_error())) {
      ClangError e;
      e.file = m[1].str();
      e.line = std::stoi(m[2].str());
      e.column = std::stoi(m[3].str());
      if (m[4].matched) {
        e.range_line = std::stoi(m[4].str());
        e.range_column = std::stoi(m[5].str());
      }
      e.message = m[6].str();
      e.api = api_named_by(e.message);
      std::smatch h;
      if (std::regex_search(e.message, h, header_not_found())) e.missing_header = h[1].str();
      out.errors.push_back(std::move(e));
    } else if (std::regex_match(line, m, general_error())) {
      out.general_errors.push_back(m[1].str());
    }
  }
  return out;
}

}  // namespace libcdiff::scan
