#include "usertest/tap_reader.hpp"

#include <map>
#include <regex>
#include <sstream>

#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

// "not ok 12 - name # TODO why": the number, description and directive are all optional.
const std::regex kPoint(
    R"(^(not )?ok\b[ \t]*([0-9]+)?[ \t]*(?:-[ \t]*)?([^#]*?)[ \t]*(?:#[ \t]*(\S+)[ \t]*(.*))?$)");
const std::regex kPlan(R"(^1\.\.([0-9]+)[ \t]*(?:#[ \t]*(?:skip|SKIP|Skip)\S*[ \t]*(.*))?$)");

bool directive_is(const std::string& directive, const char* word) {
  if (directive.size() < 4) return false;
  std::string head = directive.substr(0, 4);
  for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return head == word;
}

}  // namespace

bool looks_like_tap(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (std::regex_match(line, kPoint) || std::regex_match(line, kPlan)) return true;
  return false;
}

std::vector<TestResult> parse_tap(const std::string& text, const std::string& prefix) {
  std::vector<TestResult> out;
  std::map<std::string, int> seen;
  long long planned = -1;
  bool bailed = false;
  std::istringstream in(text);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::regex_match(line, m, kPoint)) {
      TestResult r;
      r.source = "tap";
      const bool ok = !m[1].matched;
      const std::string number = m[2].matched ? m[2].str() : std::to_string(out.size() + 1);
      const std::string description = util::trim(m[3].str());
      const std::string directive = m[4].matched ? m[4].str() : "";
      const std::string reason = util::trim(m[5].str());
      if (directive_is(directive, "SKIP")) {
        r.outcome = TestOutcome::skip;
        r.detail = reason;
      } else if (directive_is(directive, "TODO")) {
        r.outcome = ok ? TestOutcome::xpass : TestOutcome::xfail;
        r.detail = reason;
      } else {
        r.outcome = ok ? TestOutcome::pass : TestOutcome::fail;
      }
      std::string name = description.empty() ? "#" + number : description;
      if (++seen[name] > 1) name += " #" + number;
      r.name = prefix + name;
      r.log = line + "\n";
      out.push_back(std::move(r));
    } else if (std::regex_match(line, m, kPlan)) {
      planned = std::stoll(m[1].str());
      if (planned == 0)
        out.push_back({prefix + "(all)", "tap", TestOutcome::skip, util::trim(m[2].str()), line, 0});
    } else if (line.rfind("Bail out!", 0) == 0) {
      bailed = true;
      out.push_back(
          {prefix + "(bail out)", "tap", TestOutcome::error, util::trim(line.substr(9)), line + "\n", 0});
    } else if (!out.empty()) {
      out.back().log += line + "\n";
    }
  }
  for (auto& r : out) r.log = capped_log(r.log);
  long long points = 0;
  for (const auto& r : out)
    if (!r.name.ends_with("(bail out)") && !r.name.ends_with("(all)")) ++points;
  if (!bailed && planned > 0 && points != planned)
    out.push_back({prefix + "(plan)", "tap", TestOutcome::error,
                   "planned " + std::to_string(planned) + " tests, " + std::to_string(points) + " reported",
                   "", 0});
  if (!bailed && planned < 0 && points > 0)
    out.push_back(
        {prefix + "(plan)", "tap", TestOutcome::error,
         "no plan line: the run may have stopped early (" + std::to_string(points) + " tests reported)", "",
         0});
  return out;
}

}  // namespace libcdiff::usertest
