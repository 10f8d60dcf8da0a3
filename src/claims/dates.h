// Date expressions in a sentence, resolved against the publication date: "18.06.2018",
// "June 17", "17 June 2018", "2018-06-17", "yesterday", "late last night", "on Saturday",
// "last Thursday", "last week". No anchor means no date, never today's.
#pragma once

#include <optional>
#include <vector>

#include "claims/claim_types.h"
#include "claims/sentence_context.h"

namespace crosscheck::claims {

struct DateContext {
  std::optional<int64_t> published;   // days since 1970-01-01
  std::optional<int> year;            // a year the document names, for "June 17" without one
};

std::vector<DateRange> ReadDates(const SentenceContext& sentence, const DateContext& context);

// A year written in the sentence ("in 2018", "18.06.2018"), to anchor other dates. With
// event_years_only, not one naming an era or a thing ("since 2014", "the 2021 coup").
std::optional<int> YearIn(const SentenceContext& sentence, bool event_years_only = false);

}  // namespace crosscheck::claims
