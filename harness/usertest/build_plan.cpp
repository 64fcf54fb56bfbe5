#include "usertest/build_plan.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

namespace fs = std::filesystem;
using util::shell_quote;

bool has(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::exists(dir / name, ec);
}

// automake's test harness has no per-test timeout of its own: the whole `make check` gets one.
std::string make_check(const fs::path& dir, int jobs) {
  return "if make -C " + shell_quote(dir.string()) + " -n check >/dev/null 2>&1; then make -C " +
         shell_quote(dir.string()) + " -k -j" + std::to_string(jobs) + " check; elif make -C " +
         shell_quote(dir.string()) + " -n test >/dev/null 2>&1; then make -C " + shell_quote(dir.string()) +
         " -k test; else echo 'libcdiff: the Makefile has no check or test target' >&2; exit 2; fi";
}

}  // namespace

std::string to_string(BuildKind kind) {
  switch (kind) {
    case BuildKind::cmake:
      return "cmake";
    case BuildKind::meson:
      return "meson";
    case BuildKind::autotools:
      return "autotools";
    case BuildKind::make:
      return "make";
    case BuildKind::custom:
      return "custom";
  }
  return "custom";
}

BuildKind build_kind_from_string(const std::string& name) {
  for (auto k : {BuildKind::cmake, BuildKind::meson, BuildKind::autotools, BuildKind::make})
    if (to_string(k) == name) return k;
  throw usage_error("--build " + name, "is not a build system libcdiff knows",
                    "give cmake, meson, autotools or make, or --build-cmd 'your build command'");
}

BuildKind detect_build_kind(const fs::path& source_dir) {
  std::error_code ec;
  if (!fs::is_directory(source_dir, ec))
    throw usage_error(source_dir.string(), "is not a directory", "give the project's source directory");
  // Meson before CMake: projects that ship both name Meson as the primary (and the reverse is rare).
  if (has(source_dir, "meson.build")) return BuildKind::meson;
  if (has(source_dir, "CMakeLists.txt")) return BuildKind::cmake;
  if (has(source_dir, "configure") || has(source_dir, "configure.ac") || has(source_dir, "configure.in"))
    return BuildKind::autotools;
  if (has(source_dir, "Makefile") || has(source_dir, "makefile") || has(source_dir, "GNUmakefile"))
    return BuildKind::make;
  throw usage_error(
      source_dir.string(), "has no CMakeLists.txt, meson.build, configure script or Makefile",
      "say how to build it: --build-cmd 'your build command' and --test-cmd 'your test command'");
}

BuildPlan make_build_plan(const BuildPlanInput& in) {
  BuildPlan plan;
  plan.kind = in.kind;
  plan.gtest_output_dir = in.work_dir / "gtest-json";
  const auto src = shell_quote(in.source_dir.string());
  const auto jobs = std::to_string(in.jobs);
  const auto timeout = std::to_string(in.test_timeout_seconds);
  // The user's words, as they would type them after the command (already shell syntax).
  const std::string extra = in.configure_args.empty() ? "" : " " + in.configure_args;
  const bool copies =
      in.kind == BuildKind::autotools || in.kind == BuildKind::make || in.kind == BuildKind::custom;
  plan.build_dir = copies ? in.work_dir / "src" : in.work_dir / "build";
  const auto build = shell_quote(plan.build_dir.string());
  if (copies)
    // A fresh copy each time: a half-configured tree from an earlier attempt must not leak in.
    plan.build.push_back({"copy",
                          "rm -rf " + build + " && mkdir -p " + build + " && cp -a " + src + "/. " + build,
                          in.work_dir});
  switch (in.kind) {
    case BuildKind::cmake:
      plan.build.push_back({"configure",
                            "cmake -S " + src + " -B " + build +
                                " -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON" + extra,
                            in.work_dir});
      plan.build.push_back({"build", "cmake --build " + build + " -j " + jobs, in.work_dir});
      plan.list_tests = {"list tests", "ctest --test-dir " + build + " --show-only=json-v1", plan.build_dir};
      plan.list_format = "ctest";
      plan.junit_file = plan.build_dir / "libcdiff-ctest-junit.xml";
      plan.junit_source = "ctest-junit";
      plan.test = {"test",
                   "ctest --test-dir " + build + " --output-junit " + shell_quote(plan.junit_file.string()) +
                       " --timeout " + timeout + " -j " + jobs + " --output-on-failure",
                   plan.build_dir};
      break;
    case BuildKind::meson:
      plan.build.push_back({"configure",
                            "meson setup " + build + " " + src + " --buildtype=debugoptimized" + extra,
                            in.work_dir});
      plan.build.push_back({"build", "meson compile -C " + build + " -j " + jobs, in.work_dir});
      plan.list_tests = {"list tests", "meson introspect --tests " + build, plan.build_dir};
      plan.list_format = "meson";
      plan.junit_file = plan.build_dir / "meson-logs" / "testlog.junit.xml";
      plan.junit_source = "meson-junit";
      // Meson's default per-test timeout is 30 s; the multiplier scales it to ours.
      plan.test = {"test",
                   "meson test -C " + build + " --num-processes " + jobs + " --timeout-multiplier " +
                       std::to_string(std::max(1, in.test_timeout_seconds / 30)),
                   plan.build_dir};
      break;
    case BuildKind::autotools:
      plan.build.push_back({"configure",
                            "if [ ! -x ./configure ]; then autoreconf -fi; fi && ./configure" + extra,
                            plan.build_dir});
      plan.build.push_back({"build", "make -j" + jobs, plan.build_dir});
      plan.test = {"test", make_check(plan.build_dir, in.jobs), plan.build_dir};
      break;
    case BuildKind::make:
      plan.build.push_back({"build", "make -j" + jobs, plan.build_dir});
      plan.test = {"test", make_check(plan.build_dir, in.jobs), plan.build_dir};
      break;
    case BuildKind::custom:
      plan.build.push_back({"build", in.build_command, plan.build_dir});
      plan.test = {"test", "", plan.build_dir};
      break;
  }
  if (!in.test_command.empty()) {
    plan.test = {"test", in.test_command, plan.build_dir};
    plan.junit_file.clear();
    plan.junit_source.clear();
  }
  if (plan.test.command.empty())
    throw usage_error("--build-cmd", "gives no way to run the tests", "add --test-cmd 'your test command'");
  return plan;
}

}  // namespace libcdiff::usertest
