#include "fuzz/fuzz_session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <queue>
#include <set>
#include <unordered_set>

#include "common/fuzz_key.hpp"
#include "fuzz/ddmin.hpp"
#include "sweep/sweep_key.hpp"
#include "sweep/sweep_table_reader.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::fuzz {
namespace {

struct Difference {
  std::string key;  // escaped
  std::optional<std::string> a;
  std::optional<std::string> b;
  int expectation = -1;
  std::uint64_t rank = 0;  // a hash of the key: the sample keeps the lowest ranks per class
  bool operator<(const Difference& other) const { return rank < other.rank; }
};

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

double seconds_between(std::chrono::system_clock::time_point from, std::chrono::system_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// The lowest-ranked differences of each class, whatever order the batches bring them in.
class Sample {
 public:
  Sample(std::size_t unexpected, std::size_t expected) : unexpected_(unexpected), expected_(expected) {}
  void offer(Difference d) {
    auto& heap = heaps_[d.expectation];
    const std::size_t limit = d.expectation < 0 ? unexpected_ : expected_;
    if (heap.size() < limit) {
      heap.push(std::move(d));
    } else if (limit > 0 && d.rank < heap.top().rank) {
      heap.pop();
      heap.push(std::move(d));
    }
  }
  // Every kept difference, in key order.
  std::vector<Difference> take() {
    std::vector<Difference> all;
    for (auto& [cls, heap] : heaps_)
      for (; !heap.empty(); heap.pop()) all.push_back(heap.top());
    std::sort(all.begin(), all.end(),
              [](const Difference& x, const Difference& y) { return sweep::compare_keys(x.key, y.key) < 0; });
    return all;
  }

 private:
  std::size_t unexpected_;
  std::size_t expected_;
  std::map<int, std::priority_queue<Difference>> heaps_;
};

std::string verdict(int expectation) {
  return expectation < 0 ? "unexpected" : "expected " + std::to_string(expectation + 1);
}

// Merges the two tables of one batch; returns the number of distinct keys.
// A key an earlier batch already had (short inputs recur) is skipped: a run counts distinct inputs,
// whatever its batches, so a timed run and its `--fuzz-count` reproduction agree.
std::uint64_t compare_batch(const std::filesystem::path& a, const std::filesystem::path& b,
                            const sweep::SweepClassifier& classifier,
                            std::unordered_set<std::uint64_t>& earlier,
                            const std::function<void(Difference&&)>& on_difference) {
  sweep::SweepTableReader ra(a), rb(b);
  bool has_a = ra.next(), has_b = rb.next();
  std::uint64_t keys = 0;
  std::vector<std::uint64_t> batch_keys;
  while (has_a || has_b) {
    const int order = !has_a ? 1 : !has_b ? -1 : sweep::compare_keys(ra.parts(), rb.parts());
    const std::uint64_t rank = fnv1a(order <= 0 ? ra.key() : rb.key());
    if (earlier.count(rank) > 0) {
      if (order <= 0) has_a = ra.next();
      if (order >= 0) has_b = rb.next();
      continue;
    }
    batch_keys.push_back(rank);
    ++keys;
    if (order == 0) {
      if (ra.value() != rb.value())
        on_difference({std::string(ra.key()), std::string(ra.value()), std::string(rb.value()),
                       classifier.classify(ra.parts(), ra.value(), rb.value()), fnv1a(ra.key())});
      has_a = ra.next();
      has_b = rb.next();
    } else if (order < 0) {
      on_difference({std::string(ra.key()), std::string(ra.value()), std::nullopt,
                     classifier.classify(ra.parts(), ra.value(), std::nullopt), fnv1a(ra.key())});
      has_a = ra.next();
    } else {
      on_difference({std::string(rb.key()), std::nullopt, std::string(rb.value()),
                     classifier.classify(rb.parts(), std::nullopt, rb.value()), fnv1a(rb.key())});
      has_b = rb.next();
    }
  }
  earlier.insert(batch_keys.begin(), batch_keys.end());
  return keys;
}

// Every row of a (small) table by its unescaped key: the escaped key and the value.
std::map<std::string, std::pair<std::string, std::string>> read_by_input(const std::filesystem::path& path) {
  std::map<std::string, std::pair<std::string, std::string>> rows;
  sweep::SweepTableReader reader(path);
  while (reader.next())
    if (const auto key = suite::unescape_sweep_field(reader.key()))
      rows.emplace(*key, std::make_pair(std::string(reader.key()), std::string(reader.value())));
  return rows;
}

// One sampled difference being minimised.
struct Subject {
  Difference original;
  suite::FuzzKeyParts parts;
  Minimizer minimizer;
  std::string best_key;  // escaped key of the current input, and its values
  std::string best_a;
  std::string best_b;
};

}  // namespace

FuzzCaseResult fuzz_case(CaseEvaluator& evaluator, const sweep::SweepMeta& meta,
                         const sweep::SweepClassifier& classifier, const FuzzLimits& limits,
                         const util::Clock& clock, const std::filesystem::path& work_dir,
                         const Progress& progress) {
  FuzzCaseResult result;
  result.id = meta.id;
  result.seed = limits.seed;
  std::filesystem::create_directories(work_dir);
  const auto say = [&](const std::string& what) {
    if (progress) progress(what);
  };

  // Every differing key goes to the case's diff file, as the sweep comparison writes its full diffs.
  const auto diff_path = work_dir / (util::path_safe(meta.id) + ".diff.tsv");
  std::ofstream diff_file(diff_path, std::ios::binary | std::ios::trunc);
  diff_file << "# key\ta\tb\tverdict\n";
  Sample sample(limits.sample_unexpected, limits.sample_expected);
  const auto record = [&](Difference&& d) {
    ++result.differing;
    ++result.per_class[d.expectation];
    if (d.expectation < 0) ++result.unexpected;
    diff_file << d.key << '\t' << d.a.value_or("\\N") << '\t' << d.b.value_or("\\N") << '\t'
              << verdict(d.expectation) << '\n';
    sample.offer(std::move(d));
  };

  // Generation: batches of consecutive input indices until the count or the time is spent.
  const auto started = clock.now();
  std::unordered_set<std::uint64_t> seen;  // hashes of the keys of earlier batches
  std::uint64_t batch = limits.count ? *limits.count : limits.first_batch;
  while (batch > 0) {
    const std::string tag = fmt::format("{}.batch-{}", meta.id, result.batches);
    const std::map<std::string, std::string> environment = {
        {"LIBCDIFF_FUZZ_SEED", std::to_string(limits.seed)},
        {"LIBCDIFF_FUZZ_FIRST", std::to_string(result.inputs)},
        {"LIBCDIFF_FUZZ_COUNT", std::to_string(batch)}};
    const auto batch_started = clock.now();
    const auto table_a = evaluator.run(0, environment, tag);
    const auto table_b = evaluator.run(1, environment, tag);
    const double batch_seconds = seconds_between(batch_started, clock.now());
    result.keys += compare_batch(table_a, table_b, classifier, seen, record);
    // The batch's tables are large and every difference is in the diff file: keep only that.
    std::error_code ignored;
    std::filesystem::remove(table_a, ignored);
    std::filesystem::remove(table_b, ignored);
    result.inputs += batch;
    ++result.batches;
    say(fmt::format("{}: {} inputs, {} differ ({} unexpected); last batch {} in {:.1f} s", meta.id,
                    util::thousands(result.inputs), util::thousands(result.differing),
                    util::thousands(result.unexpected), util::thousands(batch), batch_seconds));
    if (limits.count) break;
    const double remaining =
        std::chrono::duration<double>(limits.time).count() - seconds_between(started, clock.now());
    if (remaining <= 0.1 * std::chrono::duration<double>(limits.time).count()) break;
    // Sized to end near the budget: at most 4 times the last batch (small batches overstate the cost
    // per input: a suite start is in each) and at most max_batch inputs (the suite holds a batch's
    // table in memory), so a wrong estimate overshoots by one bounded batch.
    const double per_input = std::max(batch_seconds, 1e-3) / static_cast<double>(batch);
    const double fitting = 0.8 * remaining / per_input;
    if (fitting < static_cast<double>(limits.first_batch) / 4) break;
    batch = static_cast<std::uint64_t>(
        std::min({fitting, 4.0 * static_cast<double>(batch), static_cast<double>(limits.max_batch)}));
  }
  diff_file.close();
  result.generate_seconds = seconds_between(started, clock.now());

  // Minimisation: all sampled inputs together, one pair of suite runs per round.
  const auto minimise_started = clock.now();
  std::vector<Subject> subjects;
  for (auto& d : sample.take()) {
    const auto unescaped = suite::unescape_sweep_field(d.key);
    const auto parts = unescaped ? suite::split_fuzz_key(*unescaped) : std::nullopt;
    if (!parts || !d.a || !d.b) {
      // A key present on one side only, or not a fuzz key: clustered as it is.
      subjects.push_back({d, parts.value_or(suite::FuzzKeyParts{}), Minimizer(parts ? parts->text : "", 0),
                          d.key, d.a.value_or("(absent)"), d.b.value_or("(absent)")});
      continue;
    }
    Subject s{d, *parts, Minimizer(parts->text, limits.max_rounds), d.key, *d.a, *d.b};
    subjects.push_back(std::move(s));
  }
  result.minimised = subjects.size();
  for (std::size_t round = 0;; ++round) {
    std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> wanted;  // unescaped key -> uses
    std::vector<std::string> lines;
    for (std::size_t j = 0; j < subjects.size(); ++j) {
      const auto& s = subjects[j];
      if (s.minimizer.done()) continue;
      const auto& candidates = s.minimizer.candidates();
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto key = suite::fuzz_key(s.parts.family, s.parts.variant, candidates[i]);
        auto& uses = wanted[key];
        if (uses.empty()) lines.push_back(suite::fuzz_input_line(s.parts.variant, candidates[i]));
        uses.emplace_back(j, i);
      }
    }
    if (lines.empty()) break;
    const auto inputs_path = work_dir / fmt::format("{}.round-{}.inputs", util::path_safe(meta.id), round);
    {
      std::ofstream out(inputs_path, std::ios::binary | std::ios::trunc);
      for (const auto& line : lines) out << line << '\n';
      if (!out)
        throw Fatal(ExitCode::environment, inputs_path.string(), "cannot be written", "check the free space");
    }
    const std::string tag = fmt::format("{}.round-{}", meta.id, round);
    const auto table_a = evaluator.run(0, {{"LIBCDIFF_FUZZ_INPUTS", inputs_path.string()}}, tag);
    const auto table_b = evaluator.run(1, {{"LIBCDIFF_FUZZ_INPUTS", inputs_path.string()}}, tag);
    const auto rows_a = read_by_input(table_a);
    const auto rows_b = read_by_input(table_b);
    ++result.rounds;
    result.candidates += lines.size();
    std::vector<std::vector<bool>> verdicts(subjects.size());
    std::vector<std::map<std::string, std::size_t>> interesting_rows(subjects.size());  // candidate -> index
    for (std::size_t j = 0; j < subjects.size(); ++j)
      verdicts[j].assign(subjects[j].minimizer.candidates().size(), false);
    for (const auto& [key, uses] : wanted) {
      const auto a = rows_a.find(key);
      const auto b = rows_b.find(key);
      if (a == rows_a.end() || b == rows_b.end() || a->second.second == b->second.second) continue;
      const std::string escaped = a->second.first;
      const int cls = classifier.classify(sweep::split_key(escaped), a->second.second, b->second.second);
      for (const auto& [j, i] : uses)
        if (cls == subjects[j].original.expectation) verdicts[j][i] = true;
    }
    for (std::size_t j = 0; j < subjects.size(); ++j) {
      auto& s = subjects[j];
      if (s.minimizer.done()) continue;
      s.minimizer.advance(verdicts[j]);
      const auto key = suite::fuzz_key(s.parts.family, s.parts.variant, s.minimizer.current());
      const auto a = rows_a.find(key);
      const auto b = rows_b.find(key);
      if (a != rows_a.end() && b != rows_b.end() && a->second.first != s.best_key) {
        s.best_key = a->second.first;
        s.best_a = a->second.second;
        s.best_b = b->second.second;
      }
    }
    std::error_code ignored;
    std::filesystem::remove(table_a, ignored);
    std::filesystem::remove(table_b, ignored);
    say(fmt::format("{}: minimising, round {}: {} candidates", meta.id, round + 1, lines.size()));
  }
  result.minimise_seconds = seconds_between(minimise_started, clock.now());

  std::map<std::string, FuzzCluster> clusters;
  for (const auto& s : subjects) {
    // Inputs that minimise to the same behaviour are one cluster, whatever their bytes: "no digits"
    // is one difference for "f", "." and "_". What the two libcs did with the minimal input says so.
    const std::string signature = verdict(s.original.expectation) + ": " + s.best_a + " | " + s.best_b;
    auto& c = clusters[signature];
    if (c.members == 0) {
      c.signature = signature;
      c.expectation = s.original.expectation;
      if (c.expectation >= 0)
        c.why = classifier.expectations()[static_cast<std::size_t>(c.expectation)].scope.why;
      c.key = s.best_key;
      c.value_a = s.best_a;
      c.value_b = s.best_b;
    }
    if (c.reproducers.size() < 8 &&
        std::find(c.reproducers.begin(), c.reproducers.end(), s.best_key) == c.reproducers.end())
      c.reproducers.push_back(s.best_key);
    ++c.members;
    if (c.examples.size() < 5) c.examples.push_back(s.original.key);
  }
  for (auto& [signature, c] : clusters) result.clusters.push_back(std::move(c));
  std::sort(result.clusters.begin(), result.clusters.end(), [](const FuzzCluster& x, const FuzzCluster& y) {
    if ((x.expectation < 0) != (y.expectation < 0)) return x.expectation < 0;
    if (x.members != y.members) return x.members > y.members;
    return x.signature < y.signature;
  });
  return result;
}

}  // namespace libcdiff::fuzz
