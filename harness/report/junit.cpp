#include "report/junit.hpp"

#include <fmt/format.h>

#include <pugixml.hpp>
#include <sstream>

namespace libcdiff::report {
namespace {

using model::CaseClass;

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
};

void fail(pugi::xml_node testcase, const char* kind, const std::string& message, const std::string& text,
          int& counter) {
  ++counter;
  auto node = testcase.append_child(kind);
  node.append_attribute("message") = message.c_str();
  if (!text.empty()) node.text().set(text.c_str());
}

// The reference side: its own outcomes (a failed assertion or crash there is still a failure).
void reference_case(pugi::xml_node testcase, const model::CaseComparison& k, const std::string& label,
                    Counts& n) {
  const auto outcome = k.outcomes.at(label);
  const auto message = k.messages.count(label) ? k.messages.at(label) : std::string();
  switch (outcome) {
    case model::Outcome::pass:
      break;
    case model::Outcome::skip:
      ++n.skipped;
      testcase.append_child("skipped").append_attribute("message") = message.c_str();
      break;
    case model::Outcome::build_error:
      fail(testcase, "error", "did not build or run: " + message, message, n.errors);
      break;
    default:
      fail(testcase, "failure", to_string(outcome) + ": " + message, message, n.failures);
  }
}

bool side_differs(CaseClass cls) {
  return cls != CaseClass::same && cls != CaseClass::skipped && cls != CaseClass::expected_but_same &&
         cls != CaseClass::image_difference;
}

// A compared side: its verdict against the reference. Expected differences are skipped with their
// reason, so GitHub and GitLab test reports list them instead of hiding them among passes; with a
// CI policy, the policy decides what fails.
void compared_case(pugi::xml_node testcase, const model::Comparison& c, const model::CaseComparison& k,
                   const std::string& label, Counts& n) {
  const auto& v = k.versus.at(label);
  const auto outcome = k.outcomes.count(label) ? k.outcomes.at(label) : model::Outcome::pass;
  const auto message = k.messages.count(label) ? k.messages.at(label) : std::string();
  const std::string verdict =
      to_string(v.cls) + " vs " + c.reference + (v.reason.empty() ? "" : ": " + v.reason);
  const auto skip = [&](const std::string& text) {
    ++n.skipped;
    testcase.append_child("skipped").append_attribute("message") = text.c_str();
  };
  if (v.cls == CaseClass::error) return fail(testcase, "error", "no answer: " + v.reason, message, n.errors);
  if (!c.policy.empty() && side_differs(v.cls)) {
    if (!k.policy_failure.empty())
      return fail(testcase, "failure", k.policy_failure + "; " + verdict, message, n.failures);
    if (!k.acknowledgement.empty()) return skip("acknowledged (" + k.acknowledgement + "); " + verdict);
    if (model::is_problem(v.cls)) return skip("not failing under --fail-on " + c.policy + "; " + verdict);
    return skip(verdict);
  }
  if (v.cls == CaseClass::same) {
    if (outcome == model::Outcome::fail) fail(testcase, "failure", "fail: " + message, message, n.failures);
    return;
  }
  if (model::is_problem(v.cls)) return fail(testcase, "failure", verdict, message, n.failures);
  skip(verdict);
}

}  // namespace

std::string render_junit(const model::Comparison& c) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "libcdiff";
  Counts all;
  for (const auto& t : c.targets) {
    const bool is_reference = t.label == c.reference;
    auto suite = suites.append_child("testsuite");
    // Named by the side's label: unique within a comparison, and a run's start time when the same
    // target appears twice, so suites stay distinct when reports of several runs are merged.
    suite.append_attribute("name") = t.label.c_str();
    // Properties come first in a testsuite (the JUnit schema orders them before the test cases).
    auto props = suite.append_child("properties");
    const auto property = [&](const char* name, const std::string& value) {
      auto p = props.append_child("property");
      p.append_attribute("name") = name;
      p.append_attribute("value") = value.c_str();
    };
    property("target", t.id);
    property("libc", t.provenance.libc.family + " " + t.provenance.libc.version);
    property("run_started", t.started_at);
    property("reference", is_reference ? "this side" : c.reference);
    Counts n;
    for (const auto& k : c.cases) {
      if (k.outcomes.count(t.label) == 0) continue;
      ++n.tests;
      auto testcase = suite.append_child("testcase");
      testcase.append_attribute("classname") = k.area.c_str();
      testcase.append_attribute("name") = k.id.c_str();
      const double seconds = k.seconds.count(t.label) ? k.seconds.at(t.label) : 0.0;
      n.seconds += seconds;
      testcase.append_attribute("time") = fmt::format("{:.3f}", seconds).c_str();
      if (is_reference || k.versus.count(t.label) == 0)
        reference_case(testcase, k, t.label, n);
      else
        compared_case(testcase, c, k, t.label, n);
    }
    suite.append_attribute("tests") = n.tests;
    suite.append_attribute("failures") = n.failures;
    suite.append_attribute("errors") = n.errors;
    suite.append_attribute("skipped") = n.skipped;
    suite.append_attribute("time") = fmt::format("{:.3f}", n.seconds).c_str();
    all.tests += n.tests;
    all.failures += n.failures;
    all.errors += n.errors;
    all.skipped += n.skipped;
    all.seconds += n.seconds;
  }
  suites.append_attribute("tests") = all.tests;
  suites.append_attribute("failures") = all.failures;
  suites.append_attribute("errors") = all.errors;
  suites.append_attribute("skipped") = all.skipped;
  suites.append_attribute("time") = fmt::format("{:.3f}", all.seconds).c_str();

  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

}  // namespace libcdiff::report
