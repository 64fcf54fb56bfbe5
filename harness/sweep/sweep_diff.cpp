#include "sweep/sweep_diff.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "store/atomic_stream.hpp"
#include "sweep/sweep_table_reader.hpp"
#include "util/utf8.hpp"

namespace libcdiff::sweep {
namespace {

using Value = std::optional<std::string_view>;

struct Example {
  SweepRange range;
  std::uint64_t order = 0;  // position in key order, to show the kept examples in that order
};

struct PartBuilder {
  SweepPart part;
  std::vector<Example> examples;
};

// Builds the summary from the stream of keys in merged key order.
class Summariser {
 public:
  Summariser(const SweepDiffOptions& options, SweepDiff& out) : options_(options), out_(out) {}

  void same() { close_run(); }

  void differ(const KeyParts& key, Value a, Value b, int expectation) {
    if (run_open_ && key.prefix == run_prefix_ && expectation == run_expectation_ && same_value(a, run_a_) &&
        same_value(b, run_b_)) {
      run_last_.assign(key.key);
      ++run_keys_;
    } else {
      close_run();
      if (!group_open_ || key.prefix != group_.prefix) {
        close_group();
        group_open_ = true;
        group_ = SweepGroup{};
        group_.prefix.assign(key.prefix);
        parts_.clear();
      }
      run_open_ = true;
      run_prefix_.assign(key.prefix);
      run_first_.assign(key.key);
      run_last_.assign(key.key);
      assign(run_a_, a);
      assign(run_b_, b);
      run_expectation_ = expectation;
      run_keys_ = 1;
    }
    ++group_.keys;
    if (!b) ++group_.only_a;
    if (!a) ++group_.only_b;
  }

  void finish() {
    close_run();
    close_group();
  }

 private:
  static bool same_value(Value v, const std::optional<std::string>& held) {
    return v.has_value() == held.has_value() && (!v || *v == *held);
  }
  static void assign(std::optional<std::string>& held, Value v) {
    if (!v) {
      held.reset();
    } else if (held) {
      held->assign(*v);
    } else {
      held.emplace(*v);
    }
  }
  std::optional<std::string> cut(const std::optional<std::string>& value) const {
    if (!value) return value;
    return util::bounded_text(*value, options_.max_value_bytes);
  }

  void close_run() {
    if (!run_open_) return;
    run_open_ = false;
    ++out_.ranges;
    ++group_.ranges;
    PartBuilder* builder = nullptr;
    for (auto& p : parts_)
      if (p.part.expectation == run_expectation_) builder = &p;
    if (builder == nullptr) {
      parts_.emplace_back();
      builder = &parts_.back();
      builder->part.expectation = run_expectation_;
      if (run_expectation_ >= 0 && options_.classifier != nullptr)
        builder->part.why = options_.classifier->expectations()[run_expectation_].scope.why;
    }
    builder->part.keys += run_keys_;
    ++builder->part.ranges;
    if (options_.max_examples == 0 || out_.details.size() >= options_.max_groups) return;
    // Keep the largest ranges; on a tie, the earlier one.
    auto& kept = builder->examples;
    if (kept.size() == options_.max_examples) {
      auto smallest = std::min_element(kept.begin(), kept.end(), [](const Example& x, const Example& y) {
        return x.range.keys != y.range.keys ? x.range.keys < y.range.keys : x.order > y.order;
      });
      if (smallest->range.keys >= run_keys_) return;
      kept.erase(smallest);
    }
    Example e;
    e.range.first = run_first_;
    e.range.last = run_last_;
    e.range.value_a = cut(run_a_);
    e.range.value_b = cut(run_b_);
    e.range.keys = run_keys_;
    e.order = order_++;
    kept.push_back(std::move(e));
  }

  void close_group() {
    if (!group_open_) return;
    group_open_ = false;
    ++out_.groups;
    if (out_.details.size() >= options_.max_groups) return;
    std::sort(parts_.begin(), parts_.end(), [](const PartBuilder& x, const PartBuilder& y) {
      // -1 (unexpected) first, then by index
      return static_cast<unsigned>(x.part.expectation) + 1 < static_cast<unsigned>(y.part.expectation) + 1;
    });
    for (auto& p : parts_) {
      std::sort(p.examples.begin(), p.examples.end(),
                [](const Example& x, const Example& y) { return x.order < y.order; });
      for (auto& e : p.examples) p.part.examples.push_back(std::move(e.range));
      group_.parts.push_back(std::move(p.part));
    }
    out_.details.push_back(std::move(group_));
  }

  const SweepDiffOptions& options_;
  SweepDiff& out_;
  bool group_open_ = false;
  SweepGroup group_;
  std::vector<PartBuilder> parts_;
  bool run_open_ = false;
  std::string run_prefix_;
  std::string run_first_;
  std::string run_last_;
  std::optional<std::string> run_a_;
  std::optional<std::string> run_b_;
  int run_expectation_ = -1;
  std::uint64_t run_keys_ = 0;
  std::uint64_t order_ = 0;
};

void write_row(store::AtomicStream& out, std::string_view key, Value a, Value b, int expectation) {
  out.write(key);
  out.write("\t");
  out.write(a ? *a : std::string_view("\\N"));
  out.write("\t");
  out.write(b ? *b : std::string_view("\\N"));
  if (expectation < 0) {
    out.write("\tunexpected\n");
  } else {
    out.write("\texpected ");
    out.write(std::to_string(expectation + 1));
    out.write("\n");
  }
}

std::string shown(const std::optional<std::string>& value) {
  if (!value) return "(absent)";
  if (value->empty()) return "\"\"";
  return *value;
}

}  // namespace

std::uint64_t SweepGroup::unexpected_keys() const {
  for (const SweepPart& p : parts)
    if (p.expectation < 0) return p.keys;
  return 0;
}

SweepDiff diff_tables(const std::filesystem::path& path_a, const std::filesystem::path& path_b,
                      const SweepDiffOptions& options) {
  SweepDiff out;
  out.a.path = path_a;
  out.b.path = path_b;
  if (options.classifier != nullptr)
    out.keys_per_expectation.assign(options.classifier->expectations().size(), 0);
  SweepTableReader a(path_a);
  SweepTableReader b(path_b);
  std::unique_ptr<store::AtomicStream> full;
  if (!options.full_diff.empty()) {
    full = std::make_unique<store::AtomicStream>(options.full_diff);
    full->write("# key\t" + options.label_a + "\t" + options.label_b + "\tverdict\n");
  }
  Summariser summary(options, out);

  const auto differ = [&](const KeyParts& key, Value va, Value vb) {
    const int expectation = options.classifier == nullptr ? -1 : options.classifier->classify(key, va, vb);
    ++out.differing_keys;
    if (!vb) ++out.only_a;
    if (!va) ++out.only_b;
    if (expectation < 0) {
      ++out.unexpected_keys;
    } else {
      ++out.expected_keys;
      ++out.keys_per_expectation[static_cast<std::size_t>(expectation)];
    }
    summary.differ(key, va, vb, expectation);
    if (full) write_row(*full, key.key, va, vb, expectation);
  };

  bool has_a = a.next();
  bool has_b = b.next();
  while (has_a || has_b) {
    const int order = !has_a ? 1 : !has_b ? -1 : compare_keys(a.parts(), b.parts());
    if (order < 0) {
      differ(a.parts(), a.value(), std::nullopt);
      has_a = a.next();
    } else if (order > 0) {
      differ(b.parts(), std::nullopt, b.value());
      has_b = b.next();
    } else {
      if (a.value() == b.value()) {
        ++out.same_keys;
        summary.same();
      } else {
        differ(a.parts(), a.value(), b.value());
      }
      has_a = a.next();
      has_b = b.next();
    }
  }
  summary.finish();
  out.a.keys = a.line();
  out.a.hash = a.hash();
  out.b.keys = b.line();
  out.b.hash = b.hash();
  if (full) {
    full->commit();
    out.full_diff = options.full_diff;
  }
  return out;
}

std::string describe(const SweepRange& range, const std::string& label_a, const std::string& label_b) {
  std::string text = range.first;
  if (range.last != range.first) text += ".." + std::string(split_key(range.last).item);
  text += ": " + label_a + " " + shown(range.value_a) + ", " + label_b + " " + shown(range.value_b) + " (" +
          std::to_string(range.keys) + (range.keys == 1 ? " key)" : " keys)");
  return text;
}

std::string format_hash(std::uint64_t hash) {
  char text[32];
  std::snprintf(text, sizeof text, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace libcdiff::sweep
