#include "usertest/test_programs.hpp"

#include <nlohmann/json.hpp>

namespace libcdiff::usertest {
namespace {

void add(TestPrograms& out, const nlohmann::json& name, const nlohmann::json& command) {
  if (!name.is_string() || !command.is_array() || command.empty() || !command[0].is_string()) return;
  out[name.get<std::string>()] = command[0].get<std::string>();
}

}  // namespace

TestPrograms parse_ctest_show_only(const std::string& json_text) {
  TestPrograms out;
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.contains("tests") || !j["tests"].is_array()) return out;
  for (const auto& t : j["tests"])
    if (t.is_object()) add(out, t.value("name", nlohmann::json()), t.value("command", nlohmann::json()));
  return out;
}

TestPrograms parse_meson_introspect_tests(const std::string& json_text) {
  TestPrograms out;
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return out;
  for (const auto& t : j)
    if (t.is_object()) add(out, t.value("name", nlohmann::json()), t.value("cmd", nlohmann::json()));
  return out;
}

std::filesystem::path find_program(const TestPrograms& programs, const std::string& test_name) {
  if (const auto it = programs.find(test_name); it != programs.end()) return it->second;
  for (const auto& [name, program] : programs)
    if (test_name.size() > name.size() && test_name.ends_with(name)) {
      const char before = test_name[test_name.size() - name.size() - 1];
      if (before == '.' || before == ':' || before == ' ') return program;
    }
  return {};
}

}  // namespace libcdiff::usertest
