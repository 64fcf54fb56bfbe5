// `scan --to glibc` held against glibc's own loader: the programs of the next Debian release (trixie,
// glibc 2.41; setup.sh unpacks them into the cache without installing them) checked against this
// machine's glibc. Asked with LD_TRACE_LOADED_OBJECTS=1 LD_WARN=yes LD_BIND_NOW=yes (what `ldd -r`
// sets), glibc's loader maps the program and its libraries, checks every DT_VERNEED version and
// binds every symbol, and names
//   stdout  "\tNAME => PATH (0x...)" or "\tNAME => not found" for each library
//   stderr  "PROG: LIB: version `V' not found (required by OBJ)"
//           "undefined symbol: SYM[, version V]\t(OBJ)"
// glibc_load_check must compute the same sets from the ELF files alone. CTest runs this as
// `scan.glibc_loader_crosscheck` (label unit).
#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/context.hpp"
#include "exec/boost_process_runner.hpp"
#include "scan/elf_file.hpp"
#include "scan/glibc_load_check.hpp"
#include "scan/libc_exports.hpp"
#include "targets/target.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;
using Triples = std::set<std::tuple<std::string, std::string, std::string>>;

struct GlibcLoaderOutput {
  Pairs loaded;  // (DT_NEEDED name, path)
  std::set<std::string> not_found;
  Triples missing_versions;  // (library file name, version, required by)
  Pairs undefined;           // (object, symbol)
  std::vector<std::string> other;
};

GlibcLoaderOutput parse(const std::string& out, const std::string& err) {
  GlibcLoaderOutput r;
  std::istringstream outs(out);
  for (std::string line; std::getline(outs, line);) {
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos) continue;  // linux-vdso.so.1, the loader itself
    std::string name = line.substr(0, arrow);
    name.erase(0, name.find_first_not_of('\t'));
    std::string rest = line.substr(arrow + 4);
    if (rest == "not found")
      r.not_found.insert(name);
    else
      r.loaded.insert({name, rest.substr(0, rest.rfind(" ("))});
  }
  std::istringstream errs(err);
  for (std::string line; std::getline(errs, line);) {
    const std::string undefined = "undefined symbol: ", version_marker = ": version `";
    if (line.starts_with(undefined)) {
      const auto tab = line.find('\t');
      std::string symbol = line.substr(undefined.size(), tab - undefined.size());
      symbol = symbol.substr(0, symbol.find(", version "));
      r.undefined.insert({line.substr(tab + 2, line.size() - tab - 3), symbol});
    } else if (const auto v = line.find(version_marker); v != std::string::npos) {
      const auto lib_start = line.rfind(": ", v - 1) + 2;
      const std::string lib = line.substr(lib_start, v - lib_start);
      const auto close = line.find('\'', v);
      const std::string version = line.substr(v + version_marker.size(), close - v - version_marker.size());
      const std::string by_marker = "(required by ";
      const auto by = line.find(by_marker, close);
      r.missing_versions.insert(
          {std::filesystem::path(lib).filename().string(), version,
           line.substr(by + by_marker.size(), line.size() - by - by_marker.size() - 1)});
    } else if (!line.empty()) {
      r.other.push_back(line);
    }
  }
  return r;
}

template <typename Set>
std::string describe(const Set& set) {
  std::ostringstream out;
  for (const auto& item : set) out << "\n    " << ::testing::PrintToString(item);
  return set.empty() ? " (none)" : out.str();
}

TEST(GlibcLoaderCrosscheck, MissingVersionsSymbolsAndLibrariesMatchGlibcsOwnLoader) {
  const auto root = cli::default_cache_dir() / "trixie-programs" / "root";
  if (!std::filesystem::exists(root / "usr" / "bin"))
    FAIL() << root << " is missing. Run scripts/setup.sh, which unpacks trixie's programs there.";
  const std::filesystem::path lib_dir = "/lib/x86_64-linux-gnu";
  const auto musl = musl_exports(musl_libc_so(targets::find_target("musl"), cli::default_cache_dir()));
  GlibcLoadChecker checker(glibc_exports(lib_dir), musl, archive_symbols(glibc_nonshared_archive(lib_dir)));
  exec::BoostProcessRunner runner;
  testing::TempDir dir;

  std::vector<std::filesystem::path> programs;
  for (const auto& entry : std::filesystem::directory_iterator(root / "usr" / "bin"))
    if (entry.is_regular_file() && !entry.is_symlink() && has_elf_magic(entry.path()))
      programs.push_back(entry.path());
  std::sort(programs.begin(), programs.end());

  int checked = 0, refused = 0;
  for (const auto& program : programs) {
    const ElfInfo info = read_elf(program);
    if (info.linkage != Linkage::dynamic) continue;
    ++checked;
    exec::ProcessSpec spec;
    spec.program = "/lib64/ld-linux-x86-64.so.2";
    spec.args = {program.string()};
    spec.environment = std::map<std::string, std::string>{
        {"LD_TRACE_LOADED_OBJECTS", "1"}, {"LD_WARN", "yes"}, {"LD_BIND_NOW", "yes"}};
    spec.timeout = std::chrono::seconds(30);
    spec.stdout_path = dir / "stdout";
    spec.stderr_path = dir / "stderr";
    const auto result = runner.run(spec);
    ASSERT_EQ(result.termination, exec::Termination::exited) << program << ": " << result.describe();
    const auto glibc = parse(testing::read_text(dir / "stdout"), testing::read_text(dir / "stderr"));

    const LoadReport report = checker.check(info);
    Pairs loaded, undefined;
    std::set<std::string> not_found;
    Triples versions;
    for (const auto& o : report.objects)
      // The loader itself is listed without "=>" (it is always there).
      if (!o.name.empty() && !o.name.starts_with("ld-linux")) loaded.insert({o.name, o.path});
    for (const auto& m : report.missing_libraries) not_found.insert(m.name);
    for (const auto& m : report.missing_symbols) undefined.insert({m.object, m.name});
    for (const auto& m : report.missing_versions) versions.insert({m.library, m.version, m.needed_by});

    EXPECT_EQ(loaded, glibc.loaded) << program << "\n  model:" << describe(loaded)
                                    << "\n  glibc's loader:" << describe(glibc.loaded);
    EXPECT_EQ(not_found, glibc.not_found) << program << "\n  model:" << describe(not_found)
                                          << "\n  glibc's loader:" << describe(glibc.not_found);
    EXPECT_EQ(versions, glibc.missing_versions) << program << "\n  model:" << describe(versions)
                                                << "\n  glibc's loader:" << describe(glibc.missing_versions);
    EXPECT_EQ(undefined, glibc.undefined) << program << "\n  model:" << describe(undefined)
                                          << "\n  glibc's loader:" << describe(glibc.undefined);
    EXPECT_TRUE(glibc.other.empty()) << program << ": glibc's loader said more than the model knows:\n  "
                                     << ::testing::PrintToString(glibc.other);
    refused += report.verdict == Verdict::needs_rebuild;
    std::cout << program.filename().string() << ": " << to_string(report.verdict) << ", "
              << report.missing_versions.size() << " missing versions, " << report.missing_symbols.size()
              << " missing symbols, " << report.missing_libraries.size() << " missing libraries\n";
  }
  std::cout << checked << " programs, " << refused << " would not load on this glibc\n";
  EXPECT_GE(checked, 20) << "too few trixie programs for the cross-check to mean much";
  EXPECT_GE(refused, 10) << "programs built against glibc 2.41 are expected to need versions 2.36 lacks";
  EXPECT_LT(refused, checked) << "some need nothing newer: the check must also say 'loads'";
}

}  // namespace
}  // namespace libcdiff::scan
