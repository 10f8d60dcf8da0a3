#include "claims/dates.h"

#include <cstdio>
#include <cstdlib>

#include "core/date.h"

namespace crosscheck::claims {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr int kDaysInWeek = 7;
// The classes ReadDates asks of every word after its numeric dates.
constexpr uint64_t kDateCues = CueBit(Cue::kMonth) | CueBit(Cue::kRelativeDay) | CueBit(Cue::kRelativeSpan) |
                               CueBit(Cue::kPreviousMonth) | CueBit(Cue::kWeekday);

std::optional<int> AsYear(std::string_view folded) {
  if (folded.size() != 4) return std::nullopt;
  for (char c : folded) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int year = std::atoi(std::string(folded).c_str());
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return year;
}

std::optional<int> AsDay(std::string_view folded) {
  std::string digits;
  for (char c : folded) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      break;
    }
  }
  if (digits.empty() || digits.size() > 2) return std::nullopt;
  int day = std::atoi(digits.c_str());
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

DateRange Exact(int64_t days, std::string words) {
  DateRange range;
  range.earliest = days;
  range.latest = days;
  range.precision = 1;
  range.words = std::move(words);
  return range;
}

uint8_t NightBit(int weekday) { return static_cast<uint8_t>(1u << ((weekday + kDaysInWeek) % kDaysInWeek)); }

// Which nights a weekday expression allows: "late Tuesday", "Tuesday night" -> Tuesday's;
// "early Wednesday", "Wednesday morning" -> the night before; a plain day -> either.
uint8_t NightMask(const SentenceContext& s, uint32_t t, int weekday) {
  auto word_before = [&](std::string_view w) {
    for (uint32_t back = t; back > s.first() && t - back < 3;) {
      --back;
      if (s.IsWord(back, w)) return true;
    }
    return false;
  };
  bool late = word_before("late") || s.IsWord(t + 1, "night") || s.IsWord(t + 1, "evening");
  bool early = word_before("early") || word_before("dawn") || s.IsWord(t + 1, "morning") || word_before("hours");
  if (late && !early) return NightBit(weekday);
  if (early && !late) return NightBit(weekday - 1);
  return NightBit(weekday) | NightBit(weekday - 1);
}

// "since the 2021 coup", "since 2014", "the 2020 ceasefire": a year that names an era or
// a thing, not when the sentence's event happened.
bool NamesAnEra(const SentenceContext& s, uint32_t t) {
  // "since 2023", "since the 2021 coup", "since August 2023", "since early 2022"; but
  // "since March 2025, when militias overran the garrison" dates the event told after it.
  const bool dates_a_when_clause = t + 2 < s.end() && s.IsPunct(t + 1, ",") && s.IsWord(t + 2, "when");
  for (uint32_t back = t; back > s.first() && t - back < 3 && !dates_a_when_clause;) {
    --back;
    if (s.IsWord(back, "since")) return true;
    if (!(s.IsWord(back, "the") || s.IsWord(back, "early") || s.IsWord(back, "late") || s.At(back, Cue::kMonth))) break;
  }
  bool determiner = t > s.first() && (s.IsWord(t - 1, "the") || s.IsWord(t - 1, "a") || s.IsWord(t - 1, "its") ||
                                      s.IsWord(t - 1, "their"));
  return determiner && t + 1 < s.end() && s.token(t + 1).kind == text::TokenKind::kWord && !s.token(t + 1).capitalized;
}

// "May" and "March" are verbs too: a month only written as a name after a preposition
// ("In March, ...", "since May").
bool MonthNotVerb(const SentenceContext& s, uint32_t t) {
  if (s.folded(t) != "may" && s.folded(t) != "march") return true;
  return s.token(t).capitalized && t > s.first() &&
         (s.IsWord(t - 1, "in") || s.IsWord(t - 1, "since") || s.IsWord(t - 1, "early") || s.IsWord(t - 1, "late") ||
          s.IsWord(t - 1, "mid") || s.IsWord(t - 1, "until") || s.IsWord(t - 1, "last"));
}

}  // namespace

std::optional<int> YearIn(const SentenceContext& s, bool event_years_only) {
  if (!s.HasNumber()) return std::nullopt;  // years are digits
  for (uint32_t t = s.first(); t < s.end(); ++t) {
    if (s.token(t).kind != text::TokenKind::kNumber) continue;  // years are digits; skip the rest cheaply
    if (event_years_only && NamesAnEra(s, t)) continue;
    std::string_view w = s.folded(t);
    if (auto year = AsYear(w)) return year;
    if (w.find('.') == std::string_view::npos) continue;
    int d, m, y;
    if (std::sscanf(std::string(w).c_str(), "%d.%d.%d", &d, &m, &y) == 3 && y >= kMinYear && y <= kMaxYear) return y;
  }
  return std::nullopt;
}

std::vector<DateRange> ReadDates(const SentenceContext& s, const DateContext& context) {
  std::vector<DateRange> out;
  uint32_t start = s.first();
  auto push = [&](DateRange range) {
    range.first_token = start;
    out.push_back(std::move(range));
  };
  // A date is written in digits or opens at a date cue: most sentences have neither.
  if (!s.HasNumber() && !s.HasAny(kDateCues)) return out;
  for (uint32_t t = s.first(); t < s.end(); ++t) {
    start = t;
    const text::Token& token = s.token(t);
    std::string_view word = token.folded;
    // Numeric dates: 18.06.2018, 2018-06-17 (tokenized as 2018 - 06 - 17), 17/06/2018.
    if (token.kind == text::TokenKind::kNumber) {
      int a, b, c;
      bool separated = word.find_first_of("./") != std::string_view::npos;
      std::string digits = separated ? std::string(word) : std::string();
      if (separated &&
          (std::sscanf(digits.c_str(), "%d.%d.%d", &a, &b, &c) == 3 || std::sscanf(digits.c_str(), "%d/%d/%d", &a, &b, &c) == 3) &&
          c >= kMinYear && c <= kMaxYear) {
        CivilDate date{c, b, a};
        if (IsValidDate(date)) push(Exact(DaysFromCivil(date), std::string(s.Text(t, t + 1))));
        continue;
      }
      if (auto year = AsYear(word); year && t + 4 < s.end() && s.IsPunct(t + 1, "-") && s.IsPunct(t + 3, "-")) {
        CivilDate date{*year, std::atoi(std::string(s.folded(t + 2)).c_str()), std::atoi(std::string(s.folded(t + 4)).c_str())};
        if (IsValidDate(date)) push(Exact(DaysFromCivil(date), std::string(s.Text(t, t + 5))));
        t += 4;
        continue;
      }
    }
    if (!s.StartsAny(t, kDateCues)) continue;
    // "June 17[, 2018]" and "17 June [2018]".
    if (const CueHit* month = s.At(t, Cue::kMonth)) {
      // "May" is also a verb: only with a day next to it.
      int month_number = static_cast<int>(s.Entry(*month).number);
      uint32_t after = month->end_token;
      if (s.IsPunct(after, ".")) ++after;
      std::optional<int> day;
      uint32_t last = after;
      if (after < s.end()) day = AsDay(s.folded(after));
      if (day) {
        last = after + 1;
      } else if (t > s.first() && s.token(t - 1).kind != text::TokenKind::kPunct) {
        day = AsDay(s.folded(t - 1));
        if (day && s.token(t - 1).kind == text::TokenKind::kNumber) {
          last = after;
        } else {
          day.reset();
        }
      }
      std::optional<int> year;
      uint32_t probe = last;
      if (s.IsPunct(probe, ",")) ++probe;
      if (probe < s.end()) year = AsYear(s.folded(probe));
      if (year) last = probe + 1;
      if (!year) year = context.year;
      if (!year && context.published) year = CivilFromDays(*context.published).year;
      if (day && year) {
        CivilDate date{*year, month_number, *day};
        if (IsValidDate(date)) {
          int64_t days = DaysFromCivil(date);
          // Without a written year, a date after publication is last year's.
          if (!AsYear(s.folded(probe < s.end() ? probe : t)) && context.published && days > *context.published) {
            date.year -= 1;
            if (IsValidDate(date)) days = DaysFromCivil(date);
          }
          push(Exact(days, std::string(s.Text(day && last > after ? t : t - 1, last))));
        }
      } else if (year && !day && MonthNotVerb(s, t)) {
        // Without a written year, a month after the publication's is last year's.
        if (!AsYear(s.folded(probe < s.end() ? probe : t)) && context.published &&
            DaysFromCivil(CivilDate{*year, month_number, 1}) > *context.published) {
          year = *year - 1;
        }
        CivilDate first{*year, month_number, 1};
        CivilDate next_month{month_number == 12 ? *year + 1 : *year, month_number == 12 ? 1 : month_number + 1, 1};
        DateRange range;
        range.earliest = DaysFromCivil(first);
        range.latest = DaysFromCivil(next_month) - 1;
        range.precision = 4;
        range.words = std::string(s.Text(t, last));
        push(range);
      }
      t = std::max(t, last > 0 ? last - 1 : t);
      continue;
    }
    if (const CueHit* relative = s.At(t, Cue::kRelativeDay)) {
      if (context.published) {
        DateRange range = Exact(*context.published + s.Entry(*relative).number,
                                std::string(s.Text(relative->first_token, relative->end_token)));
        push(range);
      }
      t = relative->end_token - 1;
      continue;
    }
    if (const CueHit* span = s.At(t, Cue::kRelativeSpan)) {
      if (context.published) {
        DateRange range;
        range.latest = *context.published;
        range.earliest = *context.published - s.Entry(*span).number;
        range.precision = 3;
        range.words = std::string(s.Text(span->first_token, span->end_token));
        push(range);
      }
      t = span->end_token - 1;
      continue;
    }
    // "Last month, an Israeli raid ...": the calendar month before the report's.
    if (const CueHit* month = s.At(t, Cue::kPreviousMonth)) {
      if (context.published) {
        CivilDate first_of_this = CivilFromDays(*context.published);
        first_of_this.day = 1;
        DateRange range;
        range.latest = DaysFromCivil(first_of_this) - 1;
        CivilDate first_of_previous = CivilFromDays(*range.latest);
        first_of_previous.day = 1;
        range.earliest = DaysFromCivil(first_of_previous);
        range.precision = 3;
        range.words = std::string(s.Text(month->first_token, month->end_token));
        push(range);
      }
      t = month->end_token - 1;
      continue;
    }
    if (const CueHit* weekday = s.At(t, Cue::kWeekday)) {
      int target = static_cast<int>(s.Entry(*weekday).number);
      bool last_week = t > s.first() && s.IsWord(t - 1, "last");
      DateRange range;
      range.weekday = target;
      range.night_mask = NightMask(s, t, target);
      range.words = std::string(s.Text(t > s.first() && (s.IsWord(t - 1, "on") || last_week) ? t - 1 : t, t + 1));
      if (context.published) {
        int published_weekday = Weekday(*context.published);
        int back = (published_weekday - target + kDaysInWeek) % kDaysInWeek;
        if (back == 0 && last_week) back = kDaysInWeek;
        range.earliest = range.latest = *context.published - back;
        range.precision = 1;
      }
      push(range);
      continue;
    }
  }
  return out;
}

}  // namespace crosscheck::claims
