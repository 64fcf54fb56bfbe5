// `libcdiff fuzz` for one fuzz case (issue 12 item 4): generated batches on two targets until the
// time budget (or a fixed count) is spent, every differing input classified with the case's sweep
// expectations, a sample of them minimised by delta debugging (ddmin.hpp) with the targets as the
// oracle, and the minimised inputs clustered by signature.
//
// Reproducible: input i depends only on (seed, case, i) (suites/common/fuzz_driver.hpp), batches
// cover [0, inputs) without gaps, the sample is chosen by a hash of each key (not by batch), and the
// minimiser is deterministic; so `--seed S --fuzz-count <inputs>` gives the same clusters as the
// timed run that reported those numbers.
//
// Minimising keeps what made the input matter: a candidate is interesting when both targets still
// give different values *and* the expectations classify it as the original was (the same
// expectation, or unexpected), so an unexpected difference never slides into a known one.
// The cluster signature is that class and the two values of the minimal input: inputs that minimise
// to different bytes but the same behaviour ("f", "." and "_" all parse no digits) are one cluster,
// which lists its distinct minimal inputs.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sweep/sweep_catalog.hpp"
#include "sweep/sweep_expectation.hpp"
#include "util/clock.hpp"

namespace libcdiff::fuzz {

// Runs the fuzz case on one side (0 or 1) with these LIBCDIFF_FUZZ_* variables and returns the table
// it wrote. `tag` names the batch or round (file names). Throws libcdiff::Fatal when the case gave
// no table (the binary died, the case failed). The real one is cli/fuzz_evaluator; tests fake it.
class CaseEvaluator {
 public:
  virtual ~CaseEvaluator() = default;
  virtual std::filesystem::path run(std::size_t side, const std::map<std::string, std::string>& environment,
                                    const std::string& tag) = 0;
};

struct FuzzLimits {
  std::uint64_t seed = 1;
  std::optional<std::uint64_t> count;  // exactly this many generated inputs; else batches until `time`
  std::chrono::milliseconds time{60000};
  std::uint64_t first_batch = 2000;  // the timed mode measures its speed on this one
  std::uint64_t max_batch = 250000;
  std::size_t sample_unexpected = 300;  // differing inputs minimised: unexpected ones
  std::size_t sample_expected = 40;     // and per expectation
  std::size_t max_rounds = 200;         // per input
};

struct FuzzCluster {
  std::string signature;
  int expectation = -1;                  // the classifier's index; -1: unexpected
  std::string why;                       // the expectation's reason
  std::string key;                       // the first minimal reproducer, escaped as in the tables
  std::vector<std::string> reproducers;  // the distinct minimal inputs (keys), at most 8
  std::string value_a;                   // its values (escaped); "(absent)" never: both sides answered
  std::string value_b;
  std::uint64_t members = 0;          // minimised inputs that gave this signature
  std::vector<std::string> examples;  // original keys (escaped), the first few in key order
};

struct FuzzCaseResult {
  std::string id;
  std::uint64_t seed = 0;
  std::uint64_t inputs = 0;  // generated indices [0, inputs) were evaluated
  std::uint64_t batches = 0;
  std::uint64_t keys = 0;  // distinct inputs compared (duplicates generated twice count once)
  std::uint64_t differing = 0;
  std::uint64_t unexpected = 0;
  std::map<int, std::uint64_t> per_class;  // differing keys per class (-1 unexpected)
  std::uint64_t minimised = 0;             // sample size
  std::uint64_t rounds = 0;                // minimisation rounds (two suite runs each)
  std::uint64_t candidates = 0;            // candidate inputs evaluated while minimising
  double generate_seconds = 0;
  double minimise_seconds = 0;
  std::vector<FuzzCluster> clusters;  // unexpected first, then by members (descending), then signature
};

using Progress = std::function<void(const std::string&)>;

FuzzCaseResult fuzz_case(CaseEvaluator& evaluator, const sweep::SweepMeta& meta,
                         const sweep::SweepClassifier& classifier, const FuzzLimits& limits,
                         const util::Clock& clock, const std::filesystem::path& work_dir,
                         const Progress& progress = {});

}  // namespace libcdiff::fuzz
