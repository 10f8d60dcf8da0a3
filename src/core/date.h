// Calendar dates as day numbers: parsing of ISO and news formats, weekday
// arithmetic for resolving "on Saturday" against a publication date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (proleptic Gregorian).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days);
bool IsValidDate(const CivilDate& date);

// "2018-06-18", "2018-06-18T09:30:00Z", "2018/06/18"; the date part only.
Result<CivilDate> ParseIsoDate(std::string_view text);
// Publication dates as sites and feeds write them: ISO, "24 November 2016", "Dec 17, 2016
// 8:46 AM ET", "Wed Nov 23, 2016 | 4:58pm EST", "2016 Oct 10", "11/28/2016" (US order).
Result<CivilDate> ParseLooseDate(std::string_view text);

std::string FormatIsoDate(const CivilDate& date);
std::string FormatIsoDate(int64_t days);

}  // namespace crosscheck
