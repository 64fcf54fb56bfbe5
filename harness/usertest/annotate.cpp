#include "usertest/annotate.hpp"

#include <algorithm>

#include "usertest/log_diff.hpp"
#include "usertest/test_record.hpp"
#include "util/file_text.hpp"

namespace libcdiff::usertest {
namespace {

std::string result_of(const model::CaseComparison& c, const std::string& label) {
  const auto obs = c.observations.find(label);
  if (obs != c.observations.end())
    if (const auto r = obs->second.find("result"); r != obs->second.end()) return r->second;
  const auto o = c.outcomes.find(label);
  return o == c.outcomes.end() ? "did not run" : model::to_string(o->second);
}

// "musl: fail (exit 8)": the result and what the harness said about it.
std::string side_header(const model::CaseComparison& c, const std::string& label) {
  const auto m = c.messages.find(label);
  return label + ": " + result_of(c, label) + (m == c.messages.end() ? "" : " (" + m->second + ")");
}

}  // namespace

TestAnnotations annotate_test_comparison(model::Comparison& comparison, const AnnotateInputs& in) {
  LogNormaliser normaliser;
  for (const auto& [label, dir] : in.build_dir_of) normaliser.literals.push_back({dir.string(), "<build>"});
  if (!in.source_dir.empty()) normaliser.literals.push_back({in.source_dir.string(), "<source>"});
  std::sort(normaliser.literals.begin(), normaliser.literals.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

  std::map<std::string, std::vector<std::filesystem::path>> executables;  // by side label, read when needed
  TestAnnotations notes;
  const std::string prefix = in.project + ".";
  for (auto& c : comparison.cases) {
    if (!c.id.starts_with(prefix)) continue;
    const auto test = c.id.substr(prefix.size());
    c.title = test == kBuildCase ? "the project's build" : "test " + test;
    if (test == kBuildCase) continue;
    // The side to show: the first that differs from the reference, else the first.
    std::string side;
    for (const auto& [label, verdict] : c.versus)
      if (side.empty() ||
          (verdict.cls != model::CaseClass::same && c.versus.at(side).cls == model::CaseClass::same))
        side = label;
    if (side.empty() || !in.target_of.count(side) || !in.target_of.count(comparison.reference)) continue;
    const bool result_differs = c.cls != model::CaseClass::same;
    const auto headers = side_header(c, side) + " | " + side_header(c, comparison.reference);
    // A failure's text ("exit 8") is shown with the logs; as a message it would read as the
    // comparison outcome's ("musl (pass): exit 8"). Skip reasons stay: they explain the class.
    for (auto it = c.messages.begin(); it != c.messages.end();)
      it = c.outcomes.count(it->first) && c.outcomes.at(it->first) == model::Outcome::skip
               ? std::next(it)
               : c.messages.erase(it);
    const auto side_log =
        util::read_text_if_present(in.results_dir / test_log_path(in.target_of.at(side), test));
    const auto ref_log = util::read_text_if_present(
        in.results_dir / test_log_path(in.target_of.at(comparison.reference), test));
    const auto d = first_difference(side_log, ref_log, normaliser);
    if (d)
      c.log_difference = headers + "\n" + side_by_side(*d, side, comparison.reference);
    else if (result_differs)
      c.log_difference = headers + "\n(the logs are the same after normalising)\n";
    if (!result_differs) {
      const auto r = result_of(c, comparison.reference);
      if (r != "pass" && r != "skip" && r != "xfail" && r != "did not run" && r != "built")
        notes.failing_everywhere.push_back(c.id);
      // The whole test step's output differs wherever any test's does: not worth a line of its own.
      if (d && test != "(test command)") notes.output_only.push_back(c.id);
      continue;
    }
    if (d) c.hints = text_hints(d->side, d->reference, in.observed);
    if (headers.find("names the environment (environment (locale)") != std::string::npos)
      c.hints.push_back(
          "the skip names a locale, and only one target skipped on this one machine: musl's setlocale() "
          "accepts "
          "every name (Locale.AnyNameAccepted) but has no locale data, so the decimal point, month names and "
          "collation stay C's (Locale.GermanDecimalPoint, Locale.GermanDayAndMonthNames); a test suite's "
          "check for a working locale then finds none");
    if (in.catalog == nullptr || !in.build_dir_of.count(side)) continue;
    auto program =
        in.programs_of.count(side) ? find_program(in.programs_of.at(side), test) : std::filesystem::path();
    if (program.empty()) {
      if (!executables.count(side)) executables[side] = executables_under(in.build_dir_of.at(side));
      program = program_for_test(test, executables[side]);
    }
    if (!program.empty())
      if (auto hint = import_hint(imported_functions(program), *in.catalog, in.musl_version); !hint.empty())
        c.hints.push_back(program.filename().string() + " " + hint);
  }
  return notes;
}

void warn_about(model::Comparison& comparison, const TestAnnotations& notes, std::size_t shown) {
  const auto names = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < shown; ++i) out += (i ? ", " : "") + ids[i];
    return out + (ids.size() > shown ? ", ..." : "");
  };
  if (!notes.failing_everywhere.empty())
    comparison.warnings.push_back(
        std::to_string(notes.failing_everywhere.size()) +
        " tests failed on every target alike: not a libc difference, but these tests tell nothing about the "
        "migration until they pass somewhere (see their logs; the environment section says which tools, such "
        "as "
        "valgrind, were present): " +
        names(notes.failing_everywhere));
  if (!notes.output_only.empty())
    comparison.warnings.push_back(
        std::to_string(notes.output_only.size()) +
        " tests gave the same result on every target but printed different output (after "
        "normalising paths and times); report.html shows the first differing lines: " +
        names(notes.output_only));
}

}  // namespace libcdiff::usertest
