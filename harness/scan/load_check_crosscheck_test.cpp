// The acceptance of issue 13 item 3: load_check's verdicts for real binaries of this machine against
// musl's own dynamic loader, asked to load them. musl's libc.so is also its loader; with --list it
// maps the program and its libraries, performs every relocation and names on stderr
//   Error loading shared library L: <why> (needed by X)
//   Error relocating X: SYM: symbol not found
//   Error relocating X: unsupported relocation type N
// for each library it cannot find, each symbol it cannot bind and each relocation it cannot do, and on stdout
// "\tL => PATH (...)" for each library it loads. load_check must compute the same sets from the ELF files
// alone. CTest runs this as `scan.loader_crosscheck` (label unit); it needs scripts/setup.sh's musl.
#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <sstream>

#include "cli/context.hpp"
#include "exec/boost_process_runner.hpp"
#include "scan/elf_file.hpp"
#include "scan/libc_exports.hpp"
#include "scan/load_check.hpp"
#include "targets/target.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

// Debian programs, most from Essential or setup.sh's packages. A missing one is skipped; at least
// 20 must be present.
const char* const kBinaries[] = {
    // DT_NEEDED only libc-family names, which musl maps to itself
    "/usr/bin/dash", "/usr/bin/cat", "/usr/bin/echo", "/usr/bin/date", "/usr/bin/env", "/usr/bin/head",
    "/usr/bin/sort", "/usr/bin/uniq", "/usr/bin/wc", "/usr/bin/tr", "/usr/bin/split", "/usr/bin/gzip",
    "/usr/bin/diff", "/usr/bin/cmp", "/usr/bin/xargs", "/usr/bin/getent", "/usr/bin/getconf",
    "/usr/bin/iconv", "/usr/bin/locale", "/usr/bin/mawk",  // libm.so.6
    "/usr/bin/make",                                       // libdl.so.2
    // DT_NEEDED ld-linux-x86-64.so.2: not a name musl reserves
    "/usr/bin/ipcmk", "/usr/bin/mcookie",
    // other libraries, not in musl's path on this machine
    "/usr/bin/ls",    // libselinux.so.1
    "/usr/bin/bash",  // libtinfo.so.6 (and copy relocations of its variables UP, PC, BC)
    "/usr/bin/grep", "/usr/bin/sed", "/usr/bin/tar", "/usr/bin/find",
    "/usr/bin/perl",  // libcrypt.so.1: musl has crypt() but does not reserve the name
    // RUNPATH: libraries musl does find and load, whose own relocations are checked too
    "/usr/bin/expr", "/usr/bin/factor",  // RUNPATH /usr/lib/x86_64-linux-gnu: libgmp.so.10
    "/usr/bin/man",                      // RUNPATH /usr/lib/man-db: libman, libmandb
    "/usr/bin/systemctl",                // RUNPATH /usr/lib/x86_64-linux-gnu/systemd
};

using Pairs = std::set<std::pair<std::string, std::string>>;

struct LoaderOutput {
  Pairs missing_symbols;    // (object, symbol)
  Pairs missing_libraries;  // (library, needed by)
  Pairs loaded;             // (DT_NEEDED name, path) of libraries other than libc
  Pairs unsupported;        // (object, relocation type)
  std::vector<std::string> other_errors;
};

std::string strip(const std::string& s, const std::string& prefix, const std::string& suffix) {
  return s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
}

LoaderOutput parse_loader_output(const std::string& out, const std::string& err,
                                 const std::string& libc_path) {
  LoaderOutput r;
  std::istringstream errs(err);
  for (std::string line; std::getline(errs, line);) {
    const std::string reloc = "Error relocating ", not_found = ": symbol not found",
                      lib = "Error loading shared library ";
    const std::string unsupported = ": unsupported relocation type ";
    if (line.starts_with(reloc) && line.ends_with(not_found)) {
      const std::string middle = strip(line, reloc, not_found);
      const auto colon = middle.rfind(": ");
      r.missing_symbols.insert({middle.substr(0, colon), middle.substr(colon + 2)});
    } else if (line.starts_with(reloc) && line.find(unsupported) != std::string::npos) {
      const std::string middle = line.substr(reloc.size());
      const auto at = middle.rfind(unsupported);
      r.unsupported.insert({middle.substr(0, at), middle.substr(at + unsupported.size())});
    } else if (line.starts_with(lib) && line.ends_with(")") &&
               line.find(" (needed by ") != std::string::npos) {
      const std::string rest = line.substr(lib.size());
      const auto needed_by = rest.rfind(" (needed by ");
      r.missing_libraries.insert(
          {rest.substr(0, rest.find(": ")), rest.substr(needed_by + 12, rest.size() - needed_by - 13)});
    } else if (!line.empty()) {
      r.other_errors.push_back(line);
    }
  }
  std::istringstream outs(out);
  for (std::string line; std::getline(outs, line);) {
    const auto arrow = line.find(" => ");
    const auto paren = line.rfind(" (");
    if (arrow == std::string::npos || paren == std::string::npos || paren < arrow) continue;
    std::string name = line.substr(0, arrow);
    name.erase(0, name.find_first_not_of('\t'));
    const std::string path = line.substr(arrow + 4, paren - arrow - 4);
    // Reserved names print the loader's name (the program's PT_INTERP): they are musl itself.
    if (is_musl_reserved_name(name) || path == libc_path) continue;
    r.loaded.insert({name, path});
  }
  return r;
}

std::string describe(const Pairs& pairs) {
  std::string out;
  for (const auto& [a, b] : pairs) out += "\n    " + a + " | " + b;
  return out.empty() ? " (none)" : out;
}

TEST(LoaderCrosscheck, MissingSymbolsAndLibrariesMatchMuslsOwnLoader) {
  const auto libc_so = musl_libc_so(targets::find_target("musl"), cli::default_cache_dir());
  if (!std::filesystem::exists(libc_so))
    FAIL() << "musl's libc.so (its dynamic loader) is missing: " << libc_so
           << ". Run scripts/setup.sh, which unpacks musl 1.2.5 into the cache.";
  LoadChecker checker(musl_exports(libc_so), glibc_exports("/lib/x86_64-linux-gnu"));
  exec::BoostProcessRunner runner;
  testing::TempDir dir;

  // Then the test's own fixtures (not counted): RUNPATH $ORIGIN, a versioned library, a weak
  // import, an LFS64 name, a non-PIE executable's canonical PLT entry.
  std::vector<std::string> binaries(std::begin(kBinaries), std::end(kBinaries));
  const std::string fixtures = LIBCDIFF_SCAN_FIXTURES;
  binaries.push_back(fixtures + "/bin/prog-pie");
  binaries.push_back(fixtures + "/bin/prog-nopie");

  int present = 0;
  for (const std::string& binary : binaries) {
    if (!std::filesystem::exists(binary)) {
      std::cout << "skipped (not installed): " << binary << "\n";
      continue;
    }
    if (!binary.starts_with(fixtures)) ++present;
    exec::ProcessSpec spec;
    spec.program = libc_so;
    spec.args = {"--list", binary};
    spec.environment = std::map<std::string, std::string>{};  // no LD_LIBRARY_PATH, no LD_PRELOAD
    spec.timeout = std::chrono::seconds(30);
    spec.stdout_path = dir / "stdout";
    spec.stderr_path = dir / "stderr";
    const auto result = runner.run(spec);
    ASSERT_EQ(result.termination, exec::Termination::exited) << binary << ": " << result.describe();
    const LoaderOutput musl = parse_loader_output(testing::read_text(dir / "stdout"),
                                                  testing::read_text(dir / "stderr"), libc_so.string());

    const LoadReport report = checker.check(read_elf(binary));
    Pairs symbols, libraries, loaded, unsupported;
    for (const auto& u : report.unsupported_relocations)
      unsupported.insert({u.object, std::to_string(u.type)});
    for (const auto& m : report.missing_symbols) symbols.insert({m.object, m.name});
    for (const auto& m : report.missing_libraries) libraries.insert({m.name, m.needed_by});
    for (const auto& o : report.objects)
      if (!o.is_libc && !o.name.empty()) loaded.insert({o.name, o.path});

    EXPECT_EQ(symbols, musl.missing_symbols) << binary << "\n  load_check:" << describe(symbols)
                                             << "\n  musl's loader:" << describe(musl.missing_symbols);
    EXPECT_EQ(libraries, musl.missing_libraries) << binary << "\n  load_check:" << describe(libraries)
                                                 << "\n  musl's loader:" << describe(musl.missing_libraries);
    EXPECT_EQ(loaded, musl.loaded) << binary << "\n  load_check:" << describe(loaded)
                                   << "\n  musl's loader:" << describe(musl.loaded);
    EXPECT_EQ(unsupported, musl.unsupported) << binary << "\n  load_check:" << describe(unsupported)
                                             << "\n  musl's loader:" << describe(musl.unsupported);
    EXPECT_TRUE(musl.other_errors.empty())
        << binary << ": musl's loader said more than load_check models:\n  "
        << ::testing::PrintToString(musl.other_errors);
    // Exit status: 0 when it would load, 127 when it would not.
    EXPECT_EQ(result.exit_code == 0, report.verdict == Verdict::loads) << binary << ": " << result.describe();

    std::map<MissingCause, int> by_cause;
    for (const auto& m : report.missing_symbols) ++by_cause[m.cause];
    std::cout << binary << ": " << to_string(report.verdict) << ", " << report.missing_libraries.size()
              << " missing libraries, " << report.missing_symbols.size() << " missing symbols (";
    for (const auto& [cause, n] : by_cause) std::cout << " " << to_string(cause) << "=" << n;
    std::cout << " ), " << loaded.size() << " libraries loaded\n";
  }
  EXPECT_GE(present, 20) << "too few of the listed binaries are installed for the cross-check to mean much";
}

}  // namespace
}  // namespace libcdiff::scan
