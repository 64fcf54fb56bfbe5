#include "scan/scanner.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "scan/compile_database.hpp"
#include "scan/elf_file.hpp"
#include "scan/glibc_load_check.hpp"
#include "scan/libc_exports.hpp"
#include "scan/load_check.hpp"
#include "scan/risk_join.hpp"
#include "scan/scan_inputs.hpp"

namespace libcdiff::scan {
namespace {

std::string kind_of(const ElfInfo& e) {
  if (e.type == ElfType::relocatable) return "object file";
  if (e.linkage == Linkage::static_exe) return "static executable";
  if (e.linkage == Linkage::static_pie) return "static-pie executable";
  if (e.is_program()) return e.pie ? "PIE executable" : "executable";
  if (e.type == ElfType::shared_object) return "shared object";
  return to_string(e.type);
}

std::string language_of(const ElfInfo& e) {
  switch (e.language) {
    case Language::c:
      return "C";
    case Language::cxx:
      return "C++";
    case Language::go:
      return e.libc == LinkedLibc::none ? "Go (no cgo)" : "Go (cgo)";
    case Language::rust:
      return "Rust";
  }
  return "?";
}

// The build-time probe that shows an absent API at compile time ("BuildTimeApi.Backtrace").
std::string build_probe_for(const std::string& name, const model::CaseCatalog* catalog) {
  if (catalog == nullptr) return "";
  for (const auto& [id, meta] : catalog->cases)
    if (meta.area == "build-time-api" &&
        std::find(meta.apis.begin(), meta.apis.end(), name) != meta.apis.end())
      return id;
  return "";
}

model::BinaryScan to_binary(const ElfInfo& e, const LoadReport& report, const ScannerOptions& options,
                            const std::string& shown_path) {
  model::BinaryScan b;
  b.path = shown_path;
  b.kind = kind_of(e);
  b.machine = e.machine;
  b.language = language_of(e);
  b.linked_libc = to_string(e.libc);
  b.interpreter = e.interpreter;
  b.needed = e.needed;
  b.verdict = to_string(report.verdict);
  if (!report.reason.empty()) b.error = report.reason;
  for (const auto& m : report.missing_symbols)
    b.missing.push_back({m.name, to_string(m.cause), build_probe_for(m.name, options.catalog)});
  for (const auto& l : report.missing_libraries)
    b.missing_libraries.push_back(l.name + " (needed by " + l.needed_by + "): " + l.reason);
  for (const auto& v : report.missing_versions)
    b.missing_libraries.push_back(v.library + " (needed by " + v.needed_by + "): defines no version " +
                                  v.version);
  for (const auto& r : report.unsupported_relocations)
    b.missing.push_back({r.type_name + " relocations in " + r.object, "unsupported-relocation", ""});
  std::vector<std::string> imports;
  for (const auto& s : e.imports) imports.push_back(s.name);
  std::sort(imports.begin(), imports.end());
  imports.erase(std::unique(imports.begin(), imports.end()), imports.end());
  b.imports = static_cast<int>(imports.size());
  if (report.verdict == Verdict::loads || report.verdict == Verdict::needs_rebuild)
    b.risks = risks_for(imports, {options.catalog, options.comparison, "", options.musl_version});
  return b;
}

}  // namespace

model::ScanResult run_scan(exec::ProcessRunner& runner, const ScannerOptions& options,
                           const std::function<void(const std::string&)>& progress) {
  model::ScanResult result;
  result.target = options.target;
  result.inputs = options.paths;
  result.comparison = options.comparison_name;
  auto musl = musl_exports(options.musl_libc_so);
  auto glibc = glibc_exports(options.glibc_lib_dir);
  const bool to_glibc = options.target_family == "glibc";
  std::set<std::string, std::less<>> nonshared;
  if (to_glibc) {
    nonshared = archive_symbols(glibc_nonshared_archive(options.glibc_lib_dir));
    result.target_libc = "glibc (" + options.glibc_lib_dir.string() + ", " +
                         std::to_string(glibc.symbols.size()) + " exported symbols, " +
                         std::to_string(nonshared.size()) + " in libc_nonshared.a)";
  } else {
    result.target_libc = "musl (" + options.musl_libc_so.string() + ", " +
                         std::to_string(musl.symbols.size()) + " exported symbols)";
  }

  // Compilation databases go to the source scan; a directory holding one is a tree of files as well.
  std::vector<std::string> binary_paths;
  std::vector<std::filesystem::path> databases;
  for (const auto& path : options.paths) {
    const auto database = compile_database_at(path);
    std::error_code ec;
    if (!database.empty()) databases.push_back(database);
    if (database.empty() || std::filesystem::is_directory(path, ec)) binary_paths.push_back(path);
  }
  if (!databases.empty() && options.sources) {
    SourceScanner sources(runner, *options.sources);
    for (const auto& database : databases) {
      try {
        result.sources.push_back(sources.scan(database, progress));
      } catch (const CompileDatabaseError& e) {
        result.problems.push_back(database.string() + ": " + e.what());
      }
    }
  } else {
    for (const auto& database : databases)
      result.problems.push_back(database.string() + ": compilation databases are not scanned here");
  }

  const auto inputs =
      collect_inputs(binary_paths, runner, {options.scratch, options.engine}, result.problems);
  for (const auto& input : inputs) {
    progress(input.label + ": " + std::to_string(input.files.size()) + " files");
    // One checker per input: each has its own root.
    std::optional<LoadChecker> musl_checker;
    std::optional<GlibcLoadChecker> glibc_checker;
    if (to_glibc)
      glibc_checker.emplace(glibc, musl, nonshared, LoadCheckOptions{input.root});
    else
      musl_checker.emplace(musl, glibc, LoadCheckOptions{input.root});
    const auto check = [&](const ElfInfo& info, const std::string& path_in_root) {
      return to_glibc ? glibc_checker->check(info, path_in_root) : musl_checker->check(info, path_in_root);
    };
    const bool named_file = input.files.size() == 1 && input.files[0] == std::filesystem::path(input.label);
    std::vector<std::optional<model::BinaryScan>> found(input.files.size());
    std::vector<std::string> problems(input.files.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < input.files.size(); i = next++) {
        const auto& file = input.files[i];
        if (!named_file && !has_elf_magic(file)) continue;  // a tree holds scripts and data too
        const auto shown =
            input.image ? "/" + std::filesystem::relative(file, input.root).string() : file.string();
        try {
          const auto info = read_elf(file);
          if (info.type == ElfType::relocatable || info.type == ElfType::core) continue;
          found[i] = to_binary(info, check(info, input.image ? shown : ""), options, shown);
        } catch (const ElfError& e) {
          problems[i] = shown + ": " + e.reason();
        } catch (const std::exception& e) {
          problems[i] = shown + ": cannot be checked (" + std::string(e.what()) + ")";
        }
      }
    };
    const unsigned threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (found[i]) result.binaries.push_back(std::move(*found[i]));
      if (!problems[i].empty()) result.problems.push_back(problems[i]);
    }
  }
  return result;
}

}  // namespace libcdiff::scan
