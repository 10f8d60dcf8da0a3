#include "core/date.h"

#include <cstdio>

namespace crosscheck {

// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int Weekday(int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool IsValidDate(const CivilDate& date) {
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  if (date.day > kDaysInMonth[date.month - 1]) return false;
  if (date.month == 2 && date.day == 29) {
    bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    return leap;
  }
  return true;
}

Result<CivilDate> ParseIsoDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  CivilDate date;
  int consumed = 0;
  std::string head(text.substr(0, 10));
  if (std::sscanf(head.c_str(), "%4d-%2d-%2d%n", &date.year, &date.month, &date.day, &consumed) != 3 &&
      std::sscanf(head.c_str(), "%4d/%2d/%2d%n", &date.year, &date.month, &date.day, &consumed) != 3) {
    return Status(StatusCode::kBadDate, "not an ISO date: '" + std::string(text.substr(0, 40)) + "'");
  }
  if (consumed != 10 || !IsValidDate(date)) {
    return Status(StatusCode::kBadDate, "no such date: '" + std::string(text.substr(0, 40)) + "'");
  }
  return date;
}

std::string FormatIsoDate(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatIsoDate(int64_t days) { return FormatIsoDate(CivilFromDays(days)); }

}  // namespace crosscheck
