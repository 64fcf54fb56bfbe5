// Sweep tables (the sidecar files suites write, issue 12): the streaming reader and the diff, on two
// tables cut from the input at its first NUL byte, classified by expectations of every kind, with the
// full diff written. Unsorted or malformed tables must end in libcdiff's own error.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fuzz_input.hpp"
#include "sweep/sweep_diff.hpp"
#include "util/error.hpp"

namespace {

const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "libcdiff-fuzz-sweep-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);  // under run.sh's TMPDIR, which it removes
  }();
  return dir;
}

const libcdiff::sweep::SweepClassifier& classifier() {
  using namespace libcdiff::sweep;
  static const SweepClassifier c = [] {
    std::vector<SweepExpectation> e(4);
    for (auto& x : e) x.scope.libc = "musl";
    e[0].ranges = {KeyRange::parse("wcwidth U+0000..U+FFFF"), KeyRange::parse("-5..0x10")};
    e[1].patterns = {"*U+1F?*", "towupper *"};
    e[2].predicate = ValuePredicate::parse("one-side");
    e[3].predicate = ValuePredicate::parse("other == \"-1\"");
    return SweepClassifier(e, {"musl", "1.2.5", "", ""}, {"glibc", "2.36", "", ""});
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = libcdiff::fuzz::as_text(data, size);
  const std::size_t nul = text.find('\0');
  std::ofstream(scratch() / "a.tsv", std::ios::binary | std::ios::trunc) << text.substr(0, nul);
  std::ofstream(scratch() / "b.tsv", std::ios::binary | std::ios::trunc)
      << (nul == std::string::npos ? std::string() : text.substr(nul + 1));
  libcdiff::sweep::SweepDiffOptions options;
  options.classifier = &classifier();
  // The full diff is synced to disk: writing it for every input would slow fuzzing twentyfold.
  if (size % 8 == 0) options.full_diff = scratch() / "full.tsv";
  options.max_groups = 3;
  options.max_examples = 2;
  options.max_value_bytes = 16;
  try {
    const auto d = libcdiff::sweep::diff_tables(scratch() / "a.tsv", scratch() / "b.tsv", options);
    for (const auto& g : d.details)
      for (const auto& p : g.parts)
        for (const auto& r : p.examples) (void)libcdiff::sweep::describe(r, "a", "b");
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
