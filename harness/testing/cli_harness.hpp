// The CLI under test: a fake process runner, a fixed clock, captured output, a scratch cache. Shared
// by the command tests (cli/*_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <sstream>

#include "cli/app.hpp"
#include "model/run_record.hpp"
#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::testing {

struct CliHarness {
  FakeProcessRunner runner;
  FixedClock clock;
  std::ostringstream out, err;
  std::atomic<bool> interrupted{false};
  TempDir cache;

  int run(const std::vector<std::string>& args) {
    cli::Context ctx{runner, clock, LIBCDIFF_SOURCE_DIR, cache.path(), out, err, interrupted, {}};
    return cli::run_cli(ctx, args);
  }
  // The single error line, without its newline.
  std::string error_line() const {
    std::string e = err.str();
    EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 1) << "want exactly one line, got: " << e;
    if (!e.empty() && e.back() == '\n') e.pop_back();
    return e;
  }
};

// A finished run record of one locale case observing strcoll_a_B = value.
inline model::RunRecord locale_record(const std::string& target, const std::string& family,
                                      const std::string& value) {
  model::RunRecord r;
  r.target = target;
  r.started_at = "2026-11-26T09:00:00Z";
  r.finished_at = "2026-11-26T10:00:00Z";
  r.provenance.libc.family = family;
  r.provenance.libc.version = family == "musl" ? "1.2.5" : "2.36";
  r.cases.push_back(
      {"Locale.StrcollCodepointOrder", "locale", model::Outcome::pass, "", {{"strcoll_a_B", value}}});
  return r;
}

}  // namespace libcdiff::testing
