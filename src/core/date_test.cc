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

TEST(Date, ReadsPublicationDatesAsSitesWriteThem) {
  EXPECT_EQ(*ParseLooseDate("24 November 2016"), (CivilDate{2016, 11, 24}));
  EXPECT_EQ(*ParseLooseDate("Dec 17, 2016 8:46 AM ET"), (CivilDate{2016, 12, 17}));
  EXPECT_EQ(*ParseLooseDate("Wed Nov 23, 2016 | 4:58pm EST"), (CivilDate{2016, 11, 23}));
  EXPECT_EQ(*ParseLooseDate("9:55 AM ET, Sun January 4, 2015"), (CivilDate{2015, 1, 4}));
  EXPECT_EQ(*ParseLooseDate("2016 Oct 10"), (CivilDate{2016, 10, 10}));
  EXPECT_EQ(*ParseLooseDate("11/28/2016"), (CivilDate{2016, 11, 28}));
  EXPECT_EQ(*ParseLooseDate("2018-06-18T09:00:00Z"), (CivilDate{2018, 6, 18}));
  EXPECT_FALSE(ParseLooseDate("yesterday").ok());
  EXPECT_FALSE(ParseLooseDate("Feb 30, 2016").ok());
}

}  // namespace
}  // namespace crosscheck
