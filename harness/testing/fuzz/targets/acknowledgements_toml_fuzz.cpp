// libcdiff.toml: the [[acknowledge]] entries of the user's repository (--acknowledgements).
#include "compare/policy.hpp"
#include "fuzz_input.hpp"
#include "model/comparison.hpp"
#include "store/acknowledgements_toml.hpp"
#include "util/error.hpp"

namespace {

// Two sides and one case per class: what the entries read are applied to, as `compare` does.
libcdiff::model::Comparison sample_comparison() {
  libcdiff::model::Comparison c;
  c.targets.resize(2);
  c.targets[0].label = c.targets[0].id = "musl";
  c.targets[1].label = c.targets[1].id = "glibc";
  c.reference = "glibc";
  for (const auto cls : libcdiff::model::all_case_classes()) {
    libcdiff::model::CaseComparison k;
    k.id = "Area." + libcdiff::model::to_string(cls);
    k.cls = cls;
    k.risk = "high";
    k.versus["musl"] = {cls, "", {}, {}};
    c.cases.push_back(k);
  }
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto comparison = sample_comparison();
  try {
    const auto acks =
        libcdiff::store::parse_acknowledgements(libcdiff::fuzz::as_text(data, size), "libcdiff.toml");
    const auto known = [](const std::string& id) { return id.rfind("Area.", 0) == 0; };
    (void)libcdiff::store::unknown_cases(acks, known);
    libcdiff::compare::FailOn fail_on;
    fail_on.risk_at_least = libcdiff::compare::Risk::medium;
    (void)libcdiff::compare::apply_policy(comparison, fail_on, acks, "2026-11-30");
    libcdiff::store::require_known_cases(acks, known);
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
