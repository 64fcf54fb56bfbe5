#include "util/iso_date.hpp"

#include <gtest/gtest.h>

namespace libcdiff::util {
namespace {

TEST(IsoDate, AcceptsCalendarDates) {
  EXPECT_TRUE(is_iso_date("2027-03-01"));
  EXPECT_TRUE(is_iso_date("2027-12-31"));
  EXPECT_TRUE(is_iso_date("0001-01-01"));
  EXPECT_TRUE(is_iso_date("2028-02-29"));  // leap year
  EXPECT_TRUE(is_iso_date("2000-02-29"));  // divisible by 400
}

TEST(IsoDate, RejectsDaysTheCalendarDoesNotHave) {
  EXPECT_FALSE(is_iso_date("2027-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));  // divisible by 100, not by 400
  EXPECT_FALSE(is_iso_date("2027-04-31"));
  EXPECT_FALSE(is_iso_date("2027-13-01"));
  EXPECT_FALSE(is_iso_date("2027-00-10"));
  EXPECT_FALSE(is_iso_date("2027-01-00"));
  EXPECT_FALSE(is_iso_date("2027-01-32"));
}

TEST(IsoDate, RejectsOtherSpellings) {
  EXPECT_FALSE(is_iso_date(""));
  EXPECT_FALSE(is_iso_date("2027-3-1"));
  EXPECT_FALSE(is_iso_date("2027/03/01"));
  EXPECT_FALSE(is_iso_date("01-03-2027"));
  EXPECT_FALSE(is_iso_date("2027-03-01T00:00:00"));
  EXPECT_FALSE(is_iso_date(" 2027-03-01"));
  EXPECT_FALSE(is_iso_date("2027-03-0a"));
  EXPECT_FALSE(is_iso_date("+027-03-01"));
  EXPECT_FALSE(is_iso_date("20270301"));
}

TEST(IsoDate, FormatsZeroPadded) {
  EXPECT_EQ(iso_date(2027, 3, 1), "2027-03-01");
  EXPECT_EQ(iso_date(999, 12, 31), "0999-12-31");
}

}  // namespace
}  // namespace libcdiff::util
