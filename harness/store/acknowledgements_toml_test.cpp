#include "store/acknowledgements_toml.hpp"

#include <gtest/gtest.h>

#include <set>

#include "store/case_catalog_toml.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

using model::Acknowledgement;

// The whole message a user would see, or "no error".
std::string error_line(std::string_view text, const std::string& source = "libcdiff.toml") {
  try {
    parse_acknowledgements(text, source);
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    return e.line();
  }
  return "no error";
}

TEST(AcknowledgementsToml, ReadsEveryField) {
  const auto acks = parse_acknowledgements(R"(# accepted differences
[[acknowledge]]
case = "Locale.StrcollCodepointOrder"
reason = "we sort with ICU, not strcoll"
expires = 2027-03-01
side = "musl-1.2.3"

[[acknowledge]]
case = "Time.A"
reason = "only logs"
)",
                                           "repo/libcdiff.toml");
  ASSERT_EQ(acks.size(), 2u);
  EXPECT_EQ(acks[0].case_id, "Locale.StrcollCodepointOrder");
  EXPECT_EQ(acks[0].reason, "we sort with ICU, not strcoll");
  EXPECT_EQ(acks[0].expires, std::optional<std::string>("2027-03-01"));
  EXPECT_EQ(acks[0].side, "musl-1.2.3");
  EXPECT_EQ(acks[0].source, "repo/libcdiff.toml:2: acknowledge #1");
  EXPECT_EQ(acks[1].case_id, "Time.A");
  EXPECT_EQ(acks[1].reason, "only logs");
  EXPECT_EQ(acks[1].expires, std::nullopt);
  EXPECT_EQ(acks[1].side, "");
  EXPECT_EQ(acks[1].source, "repo/libcdiff.toml:8: acknowledge #2");
}

TEST(AcknowledgementsToml, AnEmptyFileAcknowledgesNothing) {
  EXPECT_TRUE(parse_acknowledgements("", "libcdiff.toml").empty());
  EXPECT_TRUE(parse_acknowledgements("# nothing accepted yet\n", "libcdiff.toml").empty());
}

TEST(AcknowledgementsToml, AcceptsTheDateAsAString) {
  const auto acks =
      parse_acknowledgements("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires='2028-02-29'\n", "f");
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].expires, std::optional<std::string>("2028-02-29"));
}

TEST(AcknowledgementsToml, AcceptsInlineTables) {
  const auto acks = parse_acknowledgements(
      "acknowledge = [\n  {case = 'A.B', reason = 'r'},\n  {case = 'A.C', reason = 'q', expires = "
      "2027-01-09},\n]\n",
      "f");
  ASSERT_EQ(acks.size(), 2u);
  EXPECT_EQ(acks[1].case_id, "A.C");
  EXPECT_EQ(acks[1].expires, std::optional<std::string>("2027-01-09"));
  EXPECT_EQ(acks[1].source, "f:3: acknowledge #2");
}

TEST(AcknowledgementsToml, TheSameCaseMayBeAcknowledgedPerSide) {
  const auto acks = parse_acknowledgements(R"(
[[acknowledge]]
case = "A.B"
reason = "everywhere"
[[acknowledge]]
case = "A.B"
reason = "old musl only"
side = "musl-1.2.3"
[[acknowledge]]
case = "A.B"
reason = "the image"
side = "musl-image"
)",
                                           "f");
  ASSERT_EQ(acks.size(), 3u);
  EXPECT_EQ(acks[0].side, "");
  EXPECT_EQ(acks[1].side, "musl-1.2.3");
  EXPECT_EQ(acks[2].side, "musl-image");
}

TEST(AcknowledgementsToml, MissingCaseOrReasonNamesFileAndEntry) {
  EXPECT_EQ(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\n\n[[acknowledge]]\nreason='r'\n"),
            "libcdiff: error: libcdiff.toml:5: acknowledge #2: names no case. Add case = \"Area.Case\" (see "
            "'libcdiff list cases').");
  EXPECT_EQ(error_line("[[acknowledge]]\ncase='A.B'\n"),
            "libcdiff: error: libcdiff.toml:1: acknowledge #1: gives no reason for case 'A.B'. Add reason = "
            "\"...\": why the team accepts this difference.");
}

TEST(AcknowledgementsToml, BlankCaseOrReasonCountsAsMissing) {
  EXPECT_NE(error_line("[[acknowledge]]\ncase=''\nreason='r'\n").find("acknowledge #1: names no case."),
            std::string::npos);
  EXPECT_NE(
      error_line("[[acknowledge]]\ncase='A.B'\nreason='  \t'\n").find("gives no reason for case 'A.B'."),
      std::string::npos);
}

TEST(AcknowledgementsToml, FieldsOfTheWrongTypeAreRejected) {
  EXPECT_EQ(
      error_line("[[acknowledge]]\ncase=3\nreason='r'\n"),
      "libcdiff: error: libcdiff.toml:1: acknowledge #1: 'case' must be a string. Quote it: case = \"...\".");
  EXPECT_NE(error_line("[[acknowledge]]\ncase='A.B'\nreason=['r']\n").find("'reason' must be a string."),
            std::string::npos);
  EXPECT_NE(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nside=1\n").find("'side' must be a string."),
            std::string::npos);
}

TEST(AcknowledgementsToml, AnEmptySideIsRejected) {
  EXPECT_EQ(
      error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nside=''\n"),
      "libcdiff: error: libcdiff.toml:1: acknowledge #1: has an empty 'side'. Name a side label or target "
      "id, or leave 'side' out for any side.");
}

TEST(AcknowledgementsToml, UnknownKeysAreTyposAndListTheAllowedOnes) {
  EXPECT_EQ(
      error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpire=2027-03-01\n"),
      "libcdiff: error: libcdiff.toml:1: acknowledge #1: has unknown key 'expire'. Did you mean 'expires'? "
      "The keys are case, reason, expires, side.");
  EXPECT_EQ(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\ntarget='musl'\n"),
            "libcdiff: error: libcdiff.toml:1: acknowledge #1: has unknown key 'target'. The keys are case, "
            "reason, expires, side.");
}

TEST(AcknowledgementsToml, UnknownTopLevelKeysAreRejected) {
  // A misspelt table name would otherwise acknowledge nothing, silently.
  EXPECT_EQ(error_line("\n[[acknowlege]]\ncase='A.B'\nreason='r'\n"),
            "libcdiff: error: libcdiff.toml:2: has unknown key 'acknowlege'. Did you mean 'acknowledge'? The "
            "keys are acknowledge (write entries as [[acknowledge]]).");
  EXPECT_NE(error_line("fail_on = 'crash'\n").find("has unknown key 'fail_on'."), std::string::npos);
}

TEST(AcknowledgementsToml, AcknowledgeMustBeAListOfTables) {
  EXPECT_EQ(error_line("[acknowledge]\ncase='A.B'\nreason='r'\n"),
            "libcdiff: error: libcdiff.toml:1: 'acknowledge' is not a list of tables. Write each entry as "
            "[[acknowledge]].");
  EXPECT_EQ(error_line("acknowledge = ['A.B']\n"),
            "libcdiff: error: libcdiff.toml:1: acknowledge #1: is not a table. Write each entry as "
            "[[acknowledge]].");
}

TEST(AcknowledgementsToml, BadDatesAreRejected) {
  EXPECT_EQ(
      error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires='2027-02-30'\n"),
      "libcdiff: error: libcdiff.toml:1: acknowledge #1: expires = \"2027-02-30\" is not a calendar date "
      "YYYY-MM-DD. Write it as expires = 2027-03-01.");
  EXPECT_NE(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires='next spring'\n")
                .find("expires = \"next spring\" is not a calendar date"),
            std::string::npos);
  EXPECT_NE(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires='2027-3-1'\n")
                .find("is not a calendar date"),
            std::string::npos);
  for (const char* value : {"2027-03-01T00:00:00", "2027-03-01T00:00:00Z", "12:00:00", "20270301", "true"})
    EXPECT_EQ(
        error_line(std::string("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires=") + value + "\n"),
        "libcdiff: error: libcdiff.toml:1: acknowledge #1: 'expires' must be a date without a time. Write "
        "it as expires = 2027-03-01.")
        << value;
  // TOML itself refuses a local date the calendar does not have.
  EXPECT_NE(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nexpires=2027-02-30\n")
                .find("libcdiff: error: libcdiff.toml:4: is not valid TOML"),
            std::string::npos);
}

TEST(AcknowledgementsToml, DuplicateCaseAndSideNamesBothEntries) {
  EXPECT_EQ(
      error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\n[[acknowledge]]\ncase='A.B'\nreason='again'\n"),
      "libcdiff: error: libcdiff.toml:4: acknowledge #2: acknowledges case 'A.B' on any side again "
      "(libcdiff.toml:1: acknowledge #1 already does). Keep one entry per case and side.");
  EXPECT_EQ(error_line("[[acknowledge]]\ncase='A.B'\nreason='r'\nside='musl'\n"
                       "[[acknowledge]]\ncase='A.C'\nreason='r'\n"
                       "[[acknowledge]]\ncase='A.B'\nreason='q'\nside='musl'\n"),
            "libcdiff: error: libcdiff.toml:8: acknowledge #3: acknowledges case 'A.B' on side 'musl' again "
            "(libcdiff.toml:1: acknowledge #1 already does). Keep one entry per case and side.");
}

TEST(AcknowledgementsToml, InvalidTomlNamesTheLine) {
  EXPECT_NE(
      error_line("[[acknowledge]]\ncase='A.B\n").find("libcdiff: error: libcdiff.toml:2: is not valid TOML"),
      std::string::npos);
}

TEST(AcknowledgementsToml, LoadsAFile) {
  testing::TempDir dir;
  testing::write_text(dir / "libcdiff.toml", "[[acknowledge]]\ncase='A.B'\nreason='r'\n");
  const auto acks = load_acknowledgements(dir / "libcdiff.toml");
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].source, (dir / "libcdiff.toml").string() + ":1: acknowledge #1");
}

TEST(AcknowledgementsToml, AFileNamedButMissingIsAnInputError) {
  testing::TempDir dir;
  const auto missing = dir / "libcdiff.toml";
  try {
    load_acknowledgements(missing);
    FAIL() << "no error";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_EQ(e.line(), "libcdiff: error: " + missing.string() +
                            ": does not exist. Create it, or name an existing acknowledgement file.");
  }
  try {
    load_acknowledgements(dir.path());
    FAIL() << "no error";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.line(), "libcdiff: error: " + dir.path().string() +
                            ": is not a file. Name the acknowledgement file itself.");
  }
}

std::vector<Acknowledgement> acks_for(const std::vector<std::string>& ids) {
  std::vector<Acknowledgement> out;
  int n = 0;
  for (const auto& id : ids)
    out.push_back({id, "r", "", std::nullopt, "f:1: acknowledge #" + std::to_string(++n)});
  return out;
}

TEST(AcknowledgementsToml, UnknownCasesAreListedOnceInFileOrder) {
  const std::set<std::string> known = {"A.B", "A.C"};
  const auto is_known = [&](const std::string& id) { return known.count(id) > 0; };
  EXPECT_TRUE(unknown_cases(acks_for({"A.B", "A.C"}), is_known).empty());
  EXPECT_EQ(unknown_cases(acks_for({"Z.Z", "A.B", "Y.Y", "Z.Z"}), is_known),
            (std::vector<std::string>{"Z.Z", "Y.Y"}));
  EXPECT_NO_THROW(require_known_cases(acks_for({"A.B"}), is_known));
  try {
    require_known_cases(acks_for({"A.B", "Z.Z", "Y.Y"}), is_known);
    FAIL() << "no error";
  } catch (const Fatal& e) {
    EXPECT_EQ(
        e.line(),
        "libcdiff: error: f:1: acknowledge #2: names case 'Z.Z', which this libcdiff does not know (and 1 "
        "more unknown case ids). Fix the id or remove the entry (see 'libcdiff list cases').");
  }
}

TEST(AcknowledgementsToml, KnownCasesComeFromTheRealCatalog) {
  const auto catalog = load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  ASSERT_FALSE(catalog.cases.empty());
  const auto acks = acks_for({catalog.cases.begin()->first, "Locale.NoSuchCase"});
  EXPECT_EQ(unknown_cases(acks, [&](const std::string& id) { return catalog.find(id) != nullptr; }),
            std::vector<std::string>{"Locale.NoSuchCase"});
}

}  // namespace
}  // namespace libcdiff::store
