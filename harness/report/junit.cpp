#include "report/junit.hpp"

#include <pugixml.hpp>
#include <sstream>

namespace libcdiff::report {
using model::CaseClass;

std::string render_junit(const model::Comparison& c) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "libcdiff";

  for (const auto& t : c.targets) {
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = t.id.c_str();
    int failures = 0, errors = 0, skipped = 0, tests = 0;
    for (const auto& k : c.cases) {
      const auto outcome = k.outcomes.find(t.id);
      if (outcome == k.outcomes.end()) continue;
      ++tests;
      auto testcase = suite.append_child("testcase");
      const std::string classname = t.provenance.libc.family + "." + t.id + "." + k.area;
      testcase.append_attribute("classname") = classname.c_str();
      testcase.append_attribute("name") = k.id.c_str();
      const auto message = k.messages.count(t.id) ? k.messages.at(t.id) : std::string();
      switch (outcome->second) {
        case model::Outcome::pass:
          break;
        case model::Outcome::skip: {
          ++skipped;
          testcase.append_child("skipped").append_attribute("message") = message.c_str();
          break;
        }
        case model::Outcome::build_error: {
          // JUnit's <error>: the test could not be run at all, which CI reporters show as a failure.
          ++errors;
          auto error = testcase.append_child("error");
          error.append_attribute("message") = ("did not build or run: " + message).c_str();
          error.text().set(message.c_str());
          break;
        }
        default: {
          ++failures;
          auto failure = testcase.append_child("failure");
          failure.append_attribute("message") = (to_string(outcome->second) + ": " + message).c_str();
          failure.text().set(message.c_str());
        }
      }
    }
    suite.append_attribute("tests") = tests;
    suite.append_attribute("failures") = failures;
    suite.append_attribute("errors") = errors;
    suite.append_attribute("skipped") = skipped;
  }

  auto comparison = suites.append_child("testsuite");
  comparison.append_attribute("name") = "comparison";
  int failures = 0;
  for (const auto& k : c.cases) {
    auto testcase = comparison.append_child("testcase");
    testcase.append_attribute("classname") = ("comparison." + k.area).c_str();
    testcase.append_attribute("name") = k.id.c_str();
    auto props = testcase.append_child("properties").append_child("property");
    props.append_attribute("name") = "class";
    props.append_attribute("value") = to_string(k.cls).c_str();
    if (model::is_problem(k.cls)) {
      ++failures;
      auto failure = testcase.append_child("failure");
      failure.append_attribute("message") = (to_string(k.cls) + ": " + k.reason).c_str();
    } else if (k.cls == CaseClass::skipped || k.cls == CaseClass::image_difference) {
      testcase.append_child("skipped").append_attribute("message") = k.reason.c_str();
    }
  }
  comparison.append_attribute("tests") = static_cast<int>(c.cases.size());
  comparison.append_attribute("failures") = failures;

  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

}  // namespace libcdiff::report
