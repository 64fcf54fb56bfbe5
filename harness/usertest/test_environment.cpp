#include "usertest/test_environment.hpp"

#include <unistd.h>
#include <algorithm>
#include <cctype>

#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

namespace fs = std::filesystem;

std::string output_of(exec::ProcessRunner& runner, const fs::path& scratch, const std::string& program,
                      std::vector<std::string> args, std::map<std::string, std::string> environment) {
  const auto out = scratch / ("env-probe-" + std::to_string(::getpid()) + ".txt");
  exec::ProcessSpec spec;
  spec.program = program;
  spec.args = std::move(args);
  spec.timeout = std::chrono::seconds(20);
  spec.stdout_path = out;
  spec.stderr_path = out;
  spec.environment = std::move(environment);
  const auto r = runner.run(spec);
  auto text = util::read_text_if_present(out);
  std::error_code ec;
  fs::remove(out, ec);
  return r.succeeded() ? text : "";
}

}  // namespace

std::map<std::string, std::string> bare_variables(const fs::path& empty_locale_dir) {
  return {{"LOCPATH", empty_locale_dir.string()}};
}

TestEnvironment read_test_environment(exec::ProcessRunner& runner,
                                      const std::map<std::string, std::string>& environment,
                                      const fs::path& scratch, bool bare, const fs::path& locales_hidden_by) {
  TestEnvironment env;
  env.bare = bare;
  std::error_code ec;
  fs::create_directories(scratch, ec);
  auto tests_see = environment;
  if (bare)
    for (const auto& [k, v] : bare_variables(locales_hidden_by)) tests_see[k] = v;
  // `locale -a` reads the archive whatever LOCPATH says, while setlocale() does not: a locale counts
  // when `locale` can select it in the tests' environment.
  const std::string usable =
      "for l in $(locale -a); do LC_ALL=$l locale charmap 2>&1 >/dev/null | grep -q . || echo \"$l\"; done";
  for (const auto& line : util::split(output_of(runner, scratch, "bash", {"-c", usable}, tests_see), '\n'))
    if (!util::trim(line).empty()) env.locales.push_back(util::trim(line));
  for (const auto& tool : {"valgrind"}) {
    const auto version = util::trim(output_of(runner, scratch, tool, {"--version"}, environment));
    env.tools[tool] = version.empty() ? "absent" : util::split(version, '\n').front();
  }
  return env;
}

std::string environment_reason(const std::string& skip_reason) {
  std::string r = skip_reason;
  std::transform(r.begin(), r.end(), r.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::pair<const char*, const char*> words[] = {
      {"locale", "locale"},          {"valgrind", "valgrind"},     {"network", "network"},
      {"internet", "network"},       {"ipv6", "network"},          {"root", "privileges"},
      {"privilege", "privileges"},   {"permission", "privileges"}, {"tty", "terminal"},
      {"terminal", "terminal"},      {"display", "display"},       {"timezone", "time zone data"},
      {"zoneinfo", "time zone data"}};
  for (const auto& [word, label] : words)
    if (r.find(word) != std::string::npos) return label;
  return "";
}

std::map<std::string, std::string> describe(const TestEnvironment& env) {
  std::map<std::string, std::string> out;
  out["test.locales"] = env.locales.empty() ? "none" : util::join(env.locales, ", ");
  out["test.bare"] = env.bare ? "yes (glibc locales hidden through LOCPATH)" : "no";
  for (const auto& [tool, version] : env.tools) out["test.tool." + tool] = version;
  return out;
}

}  // namespace libcdiff::usertest
