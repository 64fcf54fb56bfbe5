#include "scan/source_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "scan/compile_database.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxCompiles = 40;              // per unit: stand-ins and rejected flags together
constexpr std::size_t kMaxGlibcErrors = 100;  // kept for the report; the rest only counted

// A header name a stand-in may be made for: relative, without "..".
bool can_stand_in(const std::string& header) {
  if (header.empty() || header.front() == '/') return false;
  for (const auto& part : fs::path(header))
    if (part == "..") return false;
  return true;
}

// The project's flag a driver error rejects ("unknown argument: '-fipa-pta'", "unknown argument
// '-fanalyzer'; did you mean ...", "unsupported argument 'auto' to option '-flto='"), or "".
std::string rejected_flag(const std::vector<std::string>& general_errors,
                          const std::vector<std::string>& flags) {
  static const std::regex quoted("'([^']*)'");
  for (const auto& e : general_errors) {
    std::vector<std::string> q;
    for (std::sregex_iterator it(e.begin(), e.end(), quoted), end; it != end; ++it)
      q.push_back((*it)[1].str());
    if (q.size() >= 2) q.push_back(q[1] + q[0]);
    for (const auto& candidate : q)
      if (std::find(flags.begin(), flags.end(), candidate) != flags.end()) return candidate;
  }
  return "";
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& body) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) body(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, n); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

std::string location_key(const ClangError& e) {
  return fmt::format("{}:{}:{}", e.file, e.line, e.column);
}

// Paths inside the scratch directory (the mirrored host headers) as the files they stand for.
void resolve_scratch_paths(std::vector<ClangError>& errors, const fs::path& scratch) {
  const auto prefix = scratch.string() + "/";
  for (auto& e : errors) {
    if (!e.file.starts_with(prefix)) continue;
    std::error_code ec;
    const auto real = fs::canonical(e.file, ec);
    if (!ec) e.file = real.string();
  }
}

// Errors that name no API but mark a call ("incompatible integer to pointer conversion initializing
// 'char *' with an expression of type 'int'" at strerror_r(...)): the called function is the API,
// its declaration differs between the libcs.
void name_callees(std::vector<ClangError>& errors) {
  std::map<std::string, std::vector<std::string>> lines_of;
  for (auto& e : errors) {
    if (!e.api.empty() || e.range_line < 1) continue;
    auto [it, added] = lines_of.try_emplace(e.file);
    if (added) {
      std::istringstream text(util::read_text_if_present(e.file));
      for (std::string line; std::getline(text, line);) it->second.push_back(line);
    }
    if (static_cast<std::size_t>(e.range_line) <= it->second.size())
      e.api = callee_at(it->second[static_cast<std::size_t>(e.range_line) - 1], e.range_column);
  }
}

std::string describe_flags(const TargetCompileFlags& f) {
  return fmt::format("{} {}; C++: {} {}", f.c_compiler, util::join(f.c, " "), f.cxx_compiler,
                     util::join(f.cxx, " "));
}

struct UnitResult {
  std::string skipped;
  std::string problem;
  std::vector<ClangError> target_only;  // the libc's
  std::vector<ClangError> with_glibc;   // the project's
  std::vector<std::string> ignored_flags;
};

}  // namespace

CompileOutcome compile_with_stand_ins(exec::ProcessRunner& runner, SyntaxCheck check,
                                      const TargetCompileFlags& flags,
                                      const std::vector<fs::path>& fallback_includes,
                                      const fs::path& work_dir, std::chrono::milliseconds timeout) {
  CompileOutcome out;
  const auto stand_ins = work_dir / "stand-ins";
  std::error_code ec;
  fs::create_directories(stand_ins, ec);
  auto includes = fallback_includes;
  includes.push_back(stand_ins);
  std::set<std::string> stood_in;
  std::vector<ClangError> missing;
  for (int compile = 0; compile < kMaxCompiles; ++compile) {
    exec::ProcessSpec spec;
    spec.program = flags.compiler(check.language);
    spec.args = syntax_check_args(check, flags, includes);
    spec.working_dir = check.directory;
    spec.timeout = timeout;
    spec.stdout_path = spec.stderr_path = work_dir / "compile.log";
    const auto result = runner.run(spec);
    if (result.termination != exec::Termination::exited) {
      out.problem = flags.compiler(check.language) + " " + result.describe();
      out.errors = missing;
      return out;
    }
    auto parsed = parse_clang_output(util::read_text_if_present(spec.stdout_path));
    if (result.exit_code == 0) {
      out.errors = missing;
      return out;
    }
    if (const auto flag = rejected_flag(parsed.general_errors, check.flags); !flag.empty()) {
      check.flags.erase(std::remove(check.flags.begin(), check.flags.end(), flag), check.flags.end());
      out.ignored_flags.push_back(flag);
      continue;
    }
    std::vector<ClangError> new_missing;
    for (const auto& e : parsed.errors)
      if (can_stand_in(e.missing_header) && !stood_in.count(e.missing_header)) new_missing.push_back(e);
    if (new_missing.empty()) {
      if (parsed.errors.empty())
        out.problem =
            parsed.general_errors.empty()
                ? flags.compiler(check.language) + " " + result.describe() + " without an error line"
                : flags.compiler(check.language) + ": " + parsed.general_errors.front();
      out.errors = std::move(missing);
      out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
      return out;
    }
    for (const auto& e : new_missing) {
      const auto path = stand_ins / e.missing_header;
      fs::create_directories(path.parent_path(), ec);
      std::ofstream(path).flush();
      stood_in.insert(e.missing_header);
      missing.push_back(e);
    }
  }
  out.problem = fmt::format("still failing after {} compiles with stand-ins for {} missing headers",
                            kMaxCompiles, stood_in.size());
  out.errors = std::move(missing);
  return out;
}

SourceScanner::SourceScanner(exec::ProcessRunner& runner, SourceScanOptions options)
    : runner_(runner), options_(std::move(options)) {}

unsigned SourceScanner::jobs() const {
  return options_.jobs > 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
}

void SourceScanner::prepare(const std::function<void(const std::string&)>& progress) {
  if (prepared_) return;
  prepared_ = true;
  exec::ProcessSpec version;
  version.program = options_.target.c_compiler;
  version.args = {"--version"};
  version.timeout = std::chrono::seconds(30);
  if (runner_.run(version).termination == exec::Termination::failed_to_start)
    throw environment_error(options_.target.c_compiler,
                            "cannot be started: source files are compiled with it",
                            "run scripts/setup.sh, which installs clang-16");
  if (const auto missing = missing_compile_setup(options_.target, SourceLanguage::c); !missing.empty())
    throw environment_error(missing, "is missing: the " + options_.target.target + " target is not set up",
                            "run scripts/setup.sh --targets " + options_.target.target);
  if (options_.use_host_headers)
    host_headers_ = host_header_overlay(runner_, options_.host_headers, options_.scratch / "host-headers");
  if (options_.catalog == nullptr) return;
  // The build-time probes compiled against the target: what their errors name leads to them.
  const auto probes = probe_sources(*options_.catalog, options_.probe_area);
  progress(fmt::format("build-time probes: {} compiled against {}", probes.size(), options_.target.target));
  std::vector<std::vector<std::string>> named(probes.size());
  parallel_for(probes.size(), jobs(), [&](std::size_t i) {
    SyntaxCheck check;
    check.file = probes[i].source;
    check.directory = probes[i].source.parent_path();
    const auto dir = options_.scratch / "probes" / std::to_string(i);
    const auto outcome = compile_with_stand_ins(runner_, check, options_.target, {}, dir, options_.timeout);
    for (const auto& e : outcome.errors) named[i].push_back(e.api);
    std::error_code ec;
    fs::remove_all(dir, ec);
  });
  probes_ = BuildProbes(*options_.catalog, probes, named);
}

model::SourceScan SourceScanner::scan(const fs::path& database,
                                      const std::function<void(const std::string&)>& progress) {
  const auto commands = read_compile_database(database);
  prepare(progress);
  model::SourceScan result;
  result.compile_commands = database.string();
  result.compile_flags = describe_flags(options_.target);
  result.host_headers = options_.use_host_headers ? host_headers_.description : "none";

  // Each unit once: build systems list a file twice when it is built twice with the same flags.
  std::vector<SyntaxCheck> checks;
  std::set<std::string> seen;
  for (const auto& c : commands) {
    auto check = syntax_check_for(c, options_.host_headers.multiarch);
    if (seen.insert(check.file.string() + '\n' + check.directory.string() + '\n' +
                    util::join(check.flags, "\n"))
            .second)
      checks.push_back(std::move(check));
  }
  bool cxx = false;
  for (const auto& c : checks) cxx |= c.skipped.empty() && c.language == SourceLanguage::cxx;
  if (cxx)
    if (const auto missing = missing_compile_setup(options_.target, SourceLanguage::cxx); !missing.empty())
      throw environment_error(missing,
                              "is missing: the " + options_.target.target + " target's libc++ is not built",
                              "run scripts/setup.sh --targets " + options_.target.target);
  auto reference = options_.reference;
  if (cxx && !missing_compile_setup(reference, SourceLanguage::cxx).empty()) {
    reference.cxx = reference.c;  // the host's C++ library: libc++ differences then show as the libc's
    result.compile_flags += fmt::format(
        " (glibc's libc++ is not built: C++ compared against the host's C++ library; run scripts/setup.sh "
        "--targets "
        "{})",
        reference.target);
  }
  progress(fmt::format("{}: {} translation units, syntax only against {} ({} at a time)", database.string(),
                       checks.size(), options_.target.target, jobs()));

  std::vector<UnitResult> units(checks.size());
  const auto db_scratch = options_.scratch / "units";
  // A note each tenth of the way (and only from one thread at a time): large databases take minutes.
  std::mutex progress_mutex;
  std::size_t done = 0;
  const std::size_t tenth = std::max<std::size_t>(checks.size() / 10, 20);
  const std::function<void()> unit_done = [&] {
    std::lock_guard lock(progress_mutex);
    if (++done % tenth == 0 && done < checks.size())
      progress(fmt::format("{}: {}/{} translation units checked", database.filename().string(), done,
                           checks.size()));
  };
  parallel_for(checks.size(), jobs(), [&](std::size_t i) {
    struct Done {
      const std::function<void()>& f;
      ~Done() { f(); }
    } const notify{unit_done};
    auto& unit = units[i];
    const auto& check = checks[i];
    if (!check.skipped.empty()) {
      unit.skipped = check.skipped;
      return;
    }
    std::error_code ec;
    if (!fs::is_regular_file(check.file, ec)) {
      unit.problem = check.file.string() + ": does not exist (the database is from another tree?)";
      return;
    }
    if (!fs::is_directory(check.directory, ec)) {
      unit.problem = check.file.string() + ": its directory " + check.directory.string() + " does not exist";
      return;
    }
    const auto dir = db_scratch / std::to_string(i);
    try {
      auto target = compile_with_stand_ins(runner_, check, options_.target, host_headers_.directories,
                                           dir / "target", options_.timeout);
      unit.ignored_flags = target.ignored_flags;
      if (!target.problem.empty()) unit.problem = check.file.string() + ": " + target.problem;
      resolve_scratch_paths(target.errors, options_.scratch);
      name_callees(target.errors);
      if (!target.errors.empty()) {
        auto without = check;
        for (const auto& f : target.ignored_flags)
          without.flags.erase(std::remove(without.flags.begin(), without.flags.end(), f),
                              without.flags.end());
        const auto glibc =
            compile_with_stand_ins(runner_, without, reference, {}, dir / "glibc", options_.timeout);
        std::set<std::string> glibc_locations;
        for (const auto& e : glibc.errors) glibc_locations.insert(location_key(e));
        for (auto& e : target.errors)
          (glibc_locations.count(location_key(e)) ? unit.with_glibc : unit.target_only)
              .push_back(std::move(e));
      }
    } catch (const std::exception& e) {
      unit.problem = check.file.string() + ": cannot be checked (" + std::string(e.what()) + ")";
    }
    fs::remove_all(dir, ec);
  });
  std::error_code ec;
  fs::remove_all(db_scratch, ec);

  std::map<std::string, std::map<std::string, model::SourceLocation>> by_api;  // api -> key -> location
  std::map<std::string, model::SourceLocation> glibc_errors;
  std::set<std::string> ignored;
  for (const auto& unit : units) {
    if (!unit.skipped.empty()) {
      ++result.skipped;
      continue;
    }
    if (!unit.problem.empty()) result.problems.push_back(unit.problem);
    if (unit.problem.empty() || !unit.target_only.empty()) ++result.translation_units;
    result.failed += !unit.target_only.empty();
    result.failed_with_glibc += !unit.with_glibc.empty();
    ignored.insert(unit.ignored_flags.begin(), unit.ignored_flags.end());
    for (const auto& e : unit.target_only)
      by_api[e.api].emplace(fmt::format("{}\n{:09}\n{:09}\n{}", e.file, e.line, e.column, e.message),
                            model::SourceLocation{e.file, e.line, e.column, e.message});
    for (const auto& e : unit.with_glibc)
      glibc_errors.emplace(fmt::format("{}\n{:09}\n{:09}\n{}", e.file, e.line, e.column, e.message),
                           model::SourceLocation{e.file, e.line, e.column, e.message});
  }
  for (auto& [api, locations] : by_api) {
    model::SourceApiErrors group;
    group.api = api;
    if (const auto* probe = probes_.find(api)) {
      group.build_probe = probe->id;
      group.title = probe->title;
      group.risk = probe->risk;
      group.fix = probe->fix;
    }
    for (auto& [key, location] : locations) group.locations.push_back(std::move(location));
    result.apis.push_back(std::move(group));
  }
  // Probed APIs first, then the most frequent; errors naming no API last.
  std::stable_sort(result.apis.begin(), result.apis.end(), [](const auto& a, const auto& b) {
    const auto rank = [](const model::SourceApiErrors& g) {
      return g.api.empty() ? 2 : g.build_probe.empty() ? 1 : 0;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.locations.size() != b.locations.size()) return a.locations.size() > b.locations.size();
    return a.api < b.api;
  });
  for (auto& [key, location] : glibc_errors) {
    if (result.glibc_errors.size() >= kMaxGlibcErrors) break;
    result.glibc_errors.push_back(std::move(location));
  }
  result.ignored_flags.assign(ignored.begin(), ignored.end());
  return result;
}

}  // namespace libcdiff::scan
