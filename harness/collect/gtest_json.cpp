#include "collect/gtest_json.hpp"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "util/error.hpp"

namespace libcdiff::collect {

using nlohmann::json;

std::string undo_gtest_byte_escaping(const std::string& s) {
  std::string bytes;
  bytes.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bytes += static_cast<char>(c);
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
      // U+0080..U+00FF encode as C2/C3 + continuation byte: that code point is the original byte.
      const unsigned char next = static_cast<unsigned char>(s[i + 1]);
      bytes += static_cast<char>(((c & 0x03) << 6) | (next & 0x3F));
      ++i;
    } else {
      return s;  // a code point above U+00FF: not gtest's byte escaping
    }
  }
  return bytes;
}

namespace {

std::string failure_text(const json& test) {
  std::string text;
  if (const auto it = test.find("failures"); it != test.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (!text.empty()) text += "\n";
      text += f.value("failure", "");
    }
  }
  return undo_gtest_byte_escaping(text);
}

// gtest 1.12 leaves GTEST_SKIP's message out of the JSON (the suite runner takes it from the console);
// newer versions put it into "failures" behind a "Skipped\n" prefix: keep only the reason.
std::string skip_reason(const json& test) {
  std::string text = failure_text(test);
  const auto pos = text.find("Skipped\n");
  if (pos != std::string::npos) text = text.substr(pos + 8);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "skipped without a reason" : text;
}

}  // namespace

namespace {

SuiteOutput read_gtest_json(const std::string& text, const std::string& area, const std::string& source) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e99999
    throw input_error(source, "is not valid gtest JSON (" + std::string(e.what()) + ")",
                      "check that the suite binary finished; its output is kept next to the file");
  }
  if (!root.is_object() || !root.contains("testsuites") || !root["testsuites"].is_array())
    throw input_error(source, "has no 'testsuites' array", "pass the file written by --gtest_output=json");
  SuiteOutput out;
  for (const auto& [key, value] : root.items())
    if (value.is_string() &&
        (key.starts_with("libc.") || key.starts_with("toolchain.") || key.starts_with("threads.")))
      out.identity[key] = undo_gtest_byte_escaping(value.get<std::string>());
  for (const auto& suite : root["testsuites"]) {
    const std::string suite_name = suite.value("name", "");
    for (const auto& test : suite.value("testsuite", json::array())) {
      model::CaseResult result;
      result.id = suite_name + "." + test.value("name", "");
      result.area = area;
      const std::string status = test.value("result", "");
      const bool has_failures = test.contains("failures") && !test["failures"].empty();
      if (test.value("status", "") == "NOTRUN" || status == "SUPPRESSED") continue;  // filtered or disabled
      if (status == "SKIPPED") {
        result.outcome = model::Outcome::skip;
        result.message = skip_reason(test);
      } else if (has_failures) {
        result.outcome = model::Outcome::fail;
        result.message = failure_text(test);
      } else {
        result.outcome = model::Outcome::pass;
      }
      // gtest writes "time": "0.012s".
      if (const auto t = test.find("time"); t != test.end() && t->is_string()) {
        const std::string text = t->get<std::string>();
        char* end = nullptr;
        const double seconds = std::strtod(text.c_str(), &end);
        if (end != text.c_str() && seconds >= 0 && seconds < 1e9) result.seconds = seconds;
      }
      for (const auto& [key, value] : test.items())
        if (key.starts_with("obs.") && value.is_string())
          result.observations[key.substr(4)] = undo_gtest_byte_escaping(value.get<std::string>());
      // A sweep's table is a file beside the JSON: the runner turns the name into a path.
      if (const auto s = test.find("sweep"); s != test.end() && s->is_string()) {
        result.sweep.table = s->get<std::string>();
        result.sweep.hash = test.value("sweep.hash", "");
        if (const auto k = test.find("sweep.keys"); k != test.end()) {
          if (k->is_number_integer()) result.sweep.keys = k->get<long long>();
          if (k->is_string()) result.sweep.keys = std::atoll(k->get<std::string>().c_str());
        }
      }
      out.cases.push_back(std::move(result));
    }
  }
  return out;
}

}  // namespace

SuiteOutput parse_gtest_json(const std::string& text, const std::string& area, const std::string& source) {
  try {
    return read_gtest_json(text, area, source);
  } catch (const json::exception& e) {
    // Valid JSON of the wrong shape (a name that is a number, a suite that is a string): the file
    // is damaged, not libcdiff; found by fuzzing (harness/testing/fuzz).
    throw input_error(source, "is not gtest JSON of the expected shape (" + std::string(e.what()) + ")",
                      "check that the suite binary finished; its output is kept next to the file");
  }
}

}  // namespace libcdiff::collect
