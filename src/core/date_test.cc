#include "core/date.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(Date, RoundTripsAndKnowsWeekdays) {
  CivilDate date{2018, 6, 18};
  int64_t days = DaysFromCivil(date);
  EXPECT_EQ(CivilFromDays(days), date);
  EXPECT_EQ(Weekday(days), 0);                       // a Monday
  EXPECT_EQ(Weekday(DaysFromCivil({2024, 2, 29})), 3);  // a Thursday
  EXPECT_EQ(FormatIsoDate(days - 1), "2018-06-17");
}

TEST(Date, ParsesIsoDatesAndRejectsImpossibleOnes) {
  ASSERT_TRUE(ParseIsoDate("2019-07-03T01:02:03Z").ok());
  EXPECT_EQ(*ParseIsoDate("2019/07/03"), (CivilDate{2019, 7, 3}));
  EXPECT_EQ(ParseIsoDate("2019-02-29").status().code(), StatusCode::kBadDate);
  EXPECT_EQ(ParseIsoDate("yesterday").status().code(), StatusCode::kBadDate);
}

}  // namespace
}  // namespace crosscheck
