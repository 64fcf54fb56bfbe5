#include "usertest/trs_reader.hpp"

#include <algorithm>
#include <sstream>

#include "usertest/tap_reader.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

TestOutcome from_automake(const std::string& word) {
  if (word == "PASS") return TestOutcome::pass;
  if (word == "SKIP") return TestOutcome::skip;
  if (word == "XFAIL") return TestOutcome::xfail;
  if (word == "XPASS") return TestOutcome::xpass;
  if (word == "ERROR") return TestOutcome::error;
  return TestOutcome::fail;
}

// The driver ends the log with "SKIP: name" / "SKIP name (exit status: 77)": the line before it is
// usually the test's own word on why.
std::string skip_reason(const std::string& log) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line))
    if (!util::trim(line).empty()) lines.push_back(util::trim(line));
  while (!lines.empty() && (lines.back().rfind("SKIP", 0) == 0 || lines.back().rfind("PASS", 0) == 0))
    lines.pop_back();
  return lines.empty() ? "" : lines.back();
}

}  // namespace

std::vector<TestResult> parse_trs(const std::string& name, const std::string& trs_text,
                                  const std::string& log_text) {
  std::vector<std::string> results;
  std::string global;
  std::istringstream in(trs_text);
  std::string line;
  while (std::getline(in, line)) {
    line = util::trim(line);
    if (line.rfind(":test-result:", 0) == 0) results.push_back(util::trim(line.substr(13)));
    if (line.rfind(":global-test-result:", 0) == 0) global = util::trim(line.substr(20));
  }
  if (results.size() > 1 && looks_like_tap(log_text)) {
    auto points = parse_tap(log_text, name + ": ");
    for (auto& p : points) p.source = "automake-trs";
    return points;
  }
  TestResult r;
  r.name = name;
  r.source = "automake-trs";
  const std::string word = !global.empty() ? global : results.empty() ? "ERROR" : results.front();
  r.outcome = from_automake(util::split(word, ' ').empty() ? word : util::split(word, ' ').front());
  if (results.empty() && global.empty())
    r.detail = "the .trs file names no result (the test was interrupted?)";
  if (r.outcome == TestOutcome::skip) r.detail = skip_reason(log_text);
  r.log = capped_log(log_text);
  return {r};
}

std::vector<TestResult> read_trs_tree(const std::filesystem::path& build_dir) {
  std::vector<TestResult> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(
           build_dir, std::filesystem::directory_options::skip_permission_denied, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".trs") continue;
    auto rel = std::filesystem::relative(it->path(), build_dir, ec);
    auto name = rel.replace_extension().string();
    auto log_path = it->path();
    log_path.replace_extension(".log");
    const auto log = util::read_text_if_present(log_path);
    for (auto& r : parse_trs(name, util::read_text_if_present(it->path()), log)) out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace libcdiff::usertest
