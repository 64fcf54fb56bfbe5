#include "compare/sweep_compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "compare/classify.hpp"
#include "sweep/sweep_diff.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::compare {
namespace {

const model::CaseResult* find_case(const model::RunRecord& record, const std::string& id) {
  for (const auto& c : record.cases)
    if (c.id == id) return &c;
  return nullptr;
}

std::filesystem::path table_path(const model::RunRecord& r, const model::CaseResult& c) {
  return r.location / c.sweep.table;
}

std::string families(std::uint64_t n) {
  return n == 1 ? "1 family" : util::thousands(n) + " families";
}

model::SweepSummary summarise(const sweep::SweepDiff& d, const sweep::SweepClassifier& classifier,
                              const std::string& side, const std::string& reference,
                              const std::filesystem::path& diff_base) {
  model::SweepSummary s;
  s.keys_side = d.a.keys;
  s.keys_reference = d.b.keys;
  s.same = d.same_keys;
  s.differing = d.differing_keys;
  s.only_side = d.only_a;
  s.only_reference = d.only_b;
  s.expected = d.expected_keys;
  s.unexpected = d.unexpected_keys;
  s.ranges = d.ranges;
  s.groups = d.groups;
  for (const auto& g : d.details) {
    model::SweepGroupSummary group{g.family(), g.keys, g.ranges, g.only_a, g.only_b, {}};
    for (const auto& p : g.parts) {
      model::SweepPartSummary part{p.expectation + 1, p.why, p.keys, p.ranges, {}};
      for (const auto& r : p.examples) part.examples.push_back(sweep::describe(r, side, reference));
      group.parts.push_back(std::move(part));
    }
    s.details.push_back(std::move(group));
  }
  if (!d.full_diff.empty())
    s.full_diff =
        diff_base.empty() ? d.full_diff.string() : d.full_diff.lexically_relative(diff_base).string();
  const auto& expectations = classifier.expectations();
  for (std::size_t i = 0; i < expectations.size(); ++i)
    if (classifier.applies(i) && (i >= d.keys_per_expectation.size() || d.keys_per_expectation[i] == 0))
      s.idle_expectations.push_back(fmt::format("#{} ({} {}): {}", i + 1, expectations[i].scope.libc,
                                                expectations[i].scope.versions.text(),
                                                expectations[i].scope.why));
  return s;
}

}  // namespace

sweep::SideIdentity sweep_side_identity(const model::RunRecord& r) {
  const auto& p = r.provenance;
  return {p.libc.family, p.libc.version, p.compiler, p.cxx_library};
}

void compare_sweep(model::CaseComparison& c, const SweepCompareSetup& setup) {
  const auto& records = *setup.records;
  const auto& labels = *setup.labels;
  c.sweep = true;
  const auto& ref_record = records[setup.reference];
  const auto* ref_case = find_case(ref_record, c.id);

  // What each side's table was, for the report and for grouping sides with identical tables.
  for (std::size_t i = 0; i < records.size(); ++i)
    if (const auto* k = find_case(records[i], c.id); k != nullptr && k->sweep.present())
      c.observations[labels[i]] = {{"sweep.table", k->sweep.table},
                                   {"sweep.keys", std::to_string(k->sweep.keys)},
                                   {"sweep.hash", k->sweep.hash}};
  std::map<std::string, std::string> file_hash;  // by label: the tables as read, for grouping
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == setup.reference) continue;
    auto& verdict = c.versus[labels[i]];
    const auto* side_case = find_case(records[i], c.id);
    // Not passed on one side: classify_case already said why (skipped, crash, timeout, error).
    if (side_case == nullptr || ref_case == nullptr || side_case->outcome != model::Outcome::pass ||
        ref_case->outcome != model::Outcome::pass)
      continue;
    verdict.differing_keys.clear();
    verdict.unexpected_keys.clear();
    if (!side_case->sweep.present() || !ref_case->sweep.present()) {
      verdict.cls = model::CaseClass::error;
      verdict.reason =
          (side_case->sweep.present() ? labels[setup.reference] : labels[i]) +
          ": the sweep passed but recorded no table (suites/common/sweep_table.hpp: call write())";
      continue;
    }
    sweep::SweepClassifier classifier(
        setup.meta != nullptr ? setup.meta->expectations : std::vector<sweep::SweepExpectation>{},
        sweep_side_identity(records[i]), sweep_side_identity(ref_record));
    sweep::SweepDiffOptions options;
    options.label_a = labels[i];
    options.label_b = labels[setup.reference];
    options.classifier = &classifier;
    options.max_groups = 50;
    if (!setup.diff_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(setup.diff_dir, ec);  // an error shows when the diff is written
      options.full_diff =
          setup.diff_dir / (util::path_safe(c.id) + "." + util::path_safe(labels[i]) + ".diff.tsv");
    }
    try {
      const auto a = table_path(records[i], *side_case), b = table_path(ref_record, *ref_case);
      const auto diff = sweep::diff_tables(a, b, options);
      // The table must be the one the suite wrote: a file edited or replaced since is no evidence.
      for (const auto& [summary, k, label] : {std::tuple{&diff.a, side_case, labels[i]},
                                              std::tuple{&diff.b, ref_case, labels[setup.reference]}})
        if (!k->sweep.hash.empty() && sweep::format_hash(summary->hash) != k->sweep.hash)
          throw input_error(summary->path.string(),
                            "is not the table " + label + "'s suite wrote (hash " +
                                sweep::format_hash(summary->hash) + ", recorded " + k->sweep.hash + ")",
                            "re-run the target; results directories are not to be edited");
      file_hash[labels[i]] = sweep::format_hash(diff.a.hash);
      file_hash[labels[setup.reference]] = sweep::format_hash(diff.b.hash);
      verdict.sweep = summarise(diff, classifier, labels[i], labels[setup.reference], setup.diff_base);
      const auto& s = *verdict.sweep;
      for (const auto& g : s.details) {
        verdict.differing_keys.push_back(g.family);
        if (!g.parts.empty() && g.parts.front().expectation == 0) verdict.unexpected_keys.push_back(g.family);
      }
      if (s.unexpected > 0) {
        verdict.cls = model::CaseClass::unexpected_difference;
        verdict.reason = fmt::format("{} of {} differ, {} of them unexpected, in {}",
                                     util::thousands(s.differing), util::count_of(s.keys_reference, "key"),
                                     util::thousands(s.unexpected), families(s.groups));
      } else if (s.differing > 0) {
        verdict.cls = model::CaseClass::expected_difference;
        verdict.reason = fmt::format("{} of {} differ, all expected, in {}", util::thousands(s.differing),
                                     util::count_of(s.keys_reference, "key"), families(s.groups));
      } else {
        verdict.cls =
            s.idle_expectations.empty() ? model::CaseClass::same : model::CaseClass::expected_but_same;
        verdict.reason = s.idle_expectations.empty()
                             ? ""
                             : "expected differences did not occur: " + util::join(s.idle_expectations, "; ");
      }
    } catch (const Fatal& e) {
      verdict.cls = model::CaseClass::error;
      verdict.reason = e.line().substr(std::string_view("libcdiff: error: ").size());
    }
  }
  // Sides with the same outcome and the same table (as read) form one group.
  c.groups.clear();
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (c.outcomes.count(labels[i]) == 0) continue;
    const auto hash = file_hash.count(labels[i]) ? file_hash.at(labels[i]) : "";
    bool placed = false;
    for (auto& group : c.groups) {
      const auto& first = group.front();
      const auto first_hash = file_hash.count(first) ? file_hash.at(first) : "";
      if (c.outcomes.at(first) == c.outcomes.at(labels[i]) && first_hash == hash &&
          (!hash.empty() || c.outcomes.at(first) != model::Outcome::pass)) {
        group.push_back(labels[i]);
        placed = true;
        break;
      }
    }
    if (!placed) c.groups.push_back({labels[i]});
  }
  c.differing_keys.clear();
  c.unexpected_keys.clear();
  for (const auto& [label, v] : c.versus) {
    for (const auto& k : v.differing_keys)
      if (std::find(c.differing_keys.begin(), c.differing_keys.end(), k) == c.differing_keys.end())
        c.differing_keys.push_back(k);
    for (const auto& k : v.unexpected_keys)
      if (std::find(c.unexpected_keys.begin(), c.unexpected_keys.end(), k) == c.unexpected_keys.end())
        c.unexpected_keys.push_back(k);
  }
  settle_case_class(c, labels, setup.reference);
}

}  // namespace libcdiff::compare
