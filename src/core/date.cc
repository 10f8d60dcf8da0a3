#include "core/date.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

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

namespace {

// English month names by their first three letters: the format of the dates, like
// strptime's %b, not knowledge about the world.
constexpr std::string_view kMonthPrefixes[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                               "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthFromWord(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string prefix;
  for (size_t i = 0; i < 3; ++i) prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(word[i]))));
  for (size_t m = 0; m < 12; ++m) {
    if (kMonthPrefixes[m] == prefix) return static_cast<int>(m) + 1;
  }
  return 0;
}

}  // namespace

Result<CivilDate> ParseLooseDate(std::string_view text) {
  if (Result<CivilDate> iso = ParseIsoDate(text); iso.ok()) return iso;
  // Split into words and numbers; a clock time ("8:46") is skipped whole.
  std::vector<std::string> words;
  std::vector<int> numbers;
  size_t pos = 0;
  int month = 0;
  int slash_m = 0, slash_d = 0, slash_y = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (std::isalpha(c)) {
      size_t end = pos;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      if (month == 0) month = MonthFromWord(text.substr(pos, end - pos));
      pos = end;
    } else if (std::isdigit(c)) {
      size_t end = pos;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      int value = std::atoi(std::string(text.substr(pos, end - pos)).c_str());
      if (end < text.size() && text[end] == ':') {  // a time of day
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ':')) ++end;
      } else if (end < text.size() && text[end] == '/' && slash_m == 0) {
        // 11/28/2016: month first, as US sites write it.
        if (std::sscanf(std::string(text.substr(pos, 10)).c_str(), "%d/%d/%d", &slash_m, &slash_d, &slash_y) != 3) {
          slash_m = 0;
        }
        numbers.push_back(value);
      } else {
        numbers.push_back(value);
      }
      pos = end;
    } else {
      ++pos;
    }
  }
  if (slash_m > 0) {
    CivilDate date{slash_y, slash_m, slash_d};
    if (IsValidDate(date)) return date;
  }
  int year = 0, day = 0;
  for (int n : numbers) {
    if (n >= 1900 && n <= 2100 && year == 0) {
      year = n;
    } else if (n >= 1 && n <= 31 && day == 0) {
      day = n;
    }
  }
  CivilDate date{year, month, day};
  if (year == 0 || month == 0 || day == 0 || !IsValidDate(date)) {
    return Status(StatusCode::kBadDate, "not a date: '" + std::string(text.substr(0, 40)) + "'");
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
