#include "fuzz/fuzz_session.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "common/fuzz_key.hpp"
#include "common/sweep_table.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::fuzz {
namespace {

// Two toy "libcs" parsing the same strings: b reads "\1" as a back-reference (-1: rejected) where a
// reads a literal, and a is case-blind for "X" (known: an expectation covers keys with an 'X').
// Everything else gives the same value on both.
std::string toy_libc(std::size_t side, const std::string& text) {
  if (side == 1 && text.find("\\1") != std::string::npos) return "rejected";
  std::size_t value = 0;
  for (char c : text) value += (c == 'X' && side == 0) ? 'x' : static_cast<unsigned char>(c);
  return "sum " + std::to_string(value % 7);
}

// Generates inputs as fuzz_driver.hpp describes (index -> input, independent of batches) and evaluates
// inputs files; writes real tables. The clock advances one second per call.
class ToyEvaluator final : public CaseEvaluator {
 public:
  ToyEvaluator(std::filesystem::path dir, std::chrono::system_clock::time_point* now)
      : dir_(std::move(dir)), now_(now) {}

  std::filesystem::path run(std::size_t side, const std::map<std::string, std::string>& environment,
                            const std::string& tag) override {
    if (now_ != nullptr) *now_ += std::chrono::seconds(1);
    ++calls;
    suite::SweepTable table;
    const auto add = [&](const std::string& variant, const std::string& text) {
      table.set(suite::fuzz_key("toy", variant, text), toy_libc(side, text));
    };
    if (const auto inputs = environment.find("LIBCDIFF_FUZZ_INPUTS"); inputs != environment.end()) {
      std::ifstream in(inputs->second);
      std::string line;
      std::set<std::string> seen;
      while (std::getline(in, line)) {
        const auto parts = suite::parse_fuzz_input_line("toy", line);
        EXPECT_TRUE(parts) << line;
        if (parts && seen.insert(parts->variant + " " + parts->text).second) add(parts->variant, parts->text);
      }
    } else {
      const auto first = std::stoull(environment.at("LIBCDIFF_FUZZ_FIRST"));
      const auto count = std::stoull(environment.at("LIBCDIFF_FUZZ_COUNT"));
      const auto seed = std::stoull(environment.at("LIBCDIFF_FUZZ_SEED"));
      std::set<std::string> seen;
      for (auto i = first; i < first + count; ++i) {
        std::uint64_t x = (seed * 0x9e3779b97f4a7c15ull) ^ (i * 0xbf58476d1ce4e5b9ull);
        std::string text;
        // 1 to 8 symbols: short inputs recur, within a batch and across batches.
        const int length = 1 + static_cast<int>((x >> 58) % 8);
        for (int k = 0; k < length; ++k, x = x * 6364136223846793005ull + 1442695040888963407ull)
          text += "ab(\\1X "[(x >> 33) % 7];
        const std::string variant = (x >> 40) % 2 ? "ERE" : "BRE";
        if (seen.insert(variant + " " + text).second) add(variant, text);
      }
    }
    const auto path = dir_ / (tag + "." + std::to_string(side) + ".tsv");
    const auto written = table.write_file(path.string());
    EXPECT_EQ(written.error, "");
    return path;
  }
  int calls = 0;

 private:
  std::filesystem::path dir_;
  std::chrono::system_clock::time_point* now_;
};

class SteppedClock final : public util::Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return time; }
  std::chrono::system_clock::time_point time = std::chrono::system_clock::from_time_t(1795000000);
};

sweep::SweepMeta toy_meta() {
  sweep::SweepMeta meta;
  meta.id = "Toy.FuzzToy";
  meta.fuzz = true;
  sweep::SweepExpectation x;
  x.scope.libc = "musl";
  x.scope.why = "a is case-blind for X";
  x.patterns = {"toy * *X*"};
  meta.expectations.push_back(x);
  return meta;
}

sweep::SweepClassifier toy_classifier(const sweep::SweepMeta& meta) {
  return sweep::SweepClassifier(meta.expectations, {"musl", "1.2.5", "gcc", "libstdc++"},
                                {"glibc", "2.36", "gcc", "libstdc++"});
}

TEST(FuzzSession, DifferencesAreMinimisedAndClusteredByBehaviour) {
  testing::TempDir dir;
  SteppedClock clock;
  ToyEvaluator evaluator(dir.path(), nullptr);
  const auto meta = toy_meta();
  const auto classifier = toy_classifier(meta);
  FuzzLimits limits;
  limits.seed = 3;
  limits.count = 3000;
  const auto result = fuzz_case(evaluator, meta, classifier, limits, clock, dir.path());
  EXPECT_EQ(result.inputs, 3000u);
  EXPECT_EQ(result.batches, 1u);
  EXPECT_GT(result.unexpected, 0u);
  EXPECT_GT(result.differing, result.unexpected);  // some are the expected X differences
  ASSERT_FALSE(result.clusters.empty());
  // The back-reference difference minimises to exactly "\1" (variants differ, behaviour is one).
  const auto& first = result.clusters.front();
  EXPECT_EQ(first.expectation, -1);
  ASSERT_FALSE(first.reproducers.empty());
  for (const auto& r : first.reproducers) EXPECT_TRUE(r == "toy ERE \\\\1" || r == "toy BRE \\\\1") << r;
  EXPECT_EQ(first.value_b, "rejected");
  std::size_t unexpected_clusters = 0;
  for (const auto& c : result.clusters) {
    unexpected_clusters += c.expectation < 0 ? 1 : 0;
    // Every minimal input of an expected cluster still has the X the expectation needs.
    if (c.expectation == 0) {
      for (const auto& r : c.reproducers) EXPECT_NE(r.find('X'), std::string::npos) << r;
    }
  }
  EXPECT_EQ(unexpected_clusters, 1u);
  // Every differing input is in the diff file, with its verdict.
  std::ifstream diff(dir.path() / "Toy.FuzzToy.diff.tsv");
  std::string line;
  std::uint64_t lines = 0;
  while (std::getline(diff, line)) lines += line.starts_with("#") ? 0 : 1;
  EXPECT_EQ(lines, result.differing);
}

TEST(FuzzSession, ATimedRunIsReproducedByItsSeedAndCount) {
  testing::TempDir dir;
  SteppedClock clock;
  const auto meta = toy_meta();
  const auto classifier = toy_classifier(meta);
  FuzzLimits timed;
  timed.seed = 11;
  timed.first_batch = 400;
  timed.time = std::chrono::seconds(12);
  ToyEvaluator evaluator(dir.path(), &clock.time);
  const auto a = fuzz_case(evaluator, meta, classifier, timed, clock, dir.path() / "timed");
  EXPECT_GT(a.batches, 1u);     // several batches of growing size
  EXPECT_LT(a.keys, a.inputs);  // inputs that recur are compared once
  FuzzLimits counted = timed;
  counted.count = a.inputs;
  ToyEvaluator again(dir.path(), nullptr);
  const auto b = fuzz_case(again, meta, classifier, counted, clock, dir.path() / "counted");
  EXPECT_EQ(b.batches, 1u);
  EXPECT_EQ(a.keys, b.keys);
  EXPECT_EQ(a.differing, b.differing);
  EXPECT_EQ(a.per_class, b.per_class);
  ASSERT_EQ(a.clusters.size(), b.clusters.size());
  for (std::size_t i = 0; i < a.clusters.size(); ++i) {
    EXPECT_EQ(a.clusters[i].signature, b.clusters[i].signature);
    EXPECT_EQ(a.clusters[i].members, b.clusters[i].members);
    EXPECT_EQ(a.clusters[i].reproducers, b.clusters[i].reproducers);
  }
}

TEST(FuzzSession, NoDifferenceNoCluster) {
  testing::TempDir dir;
  SteppedClock clock;
  sweep::SweepMeta meta = toy_meta();
  // Same toy on both sides: evaluate side 0 twice.
  class Same final : public CaseEvaluator {
   public:
    explicit Same(ToyEvaluator& inner) : inner_(inner) {}
    std::filesystem::path run(std::size_t side, const std::map<std::string, std::string>& env,
                              const std::string& tag) override {
      return inner_.run(0, env, tag + (side == 0 ? ".a" : ".b"));
    }

   private:
    ToyEvaluator& inner_;
  };
  ToyEvaluator toy(dir.path(), nullptr);
  Same same(toy);
  FuzzLimits limits;
  limits.count = 500;
  const auto result = fuzz_case(same, meta, toy_classifier(meta), limits, clock, dir.path());
  EXPECT_EQ(result.differing, 0u);
  EXPECT_TRUE(result.clusters.empty());
  EXPECT_EQ(result.rounds, 0u);
  EXPECT_GT(result.keys, 400u);
}

}  // namespace
}  // namespace libcdiff::fuzz
