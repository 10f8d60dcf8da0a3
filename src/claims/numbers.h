// Counts in a sentence: digits ("37,980"), number words ("twenty-two", "a dozen",
// "two hundred"), "a"/"one" before a victim noun, vague counts ("dozens"), each with
// the qualifier before it ("at least", "up to"). Dates, times, ages, ordinals and
// measures are not counts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "claims/sentence_context.h"

namespace crosscheck::claims {

struct Count {
  uint32_t first_token = 0;  // including the qualifier
  uint32_t number_token = 0; // first token of the number itself
  uint32_t end_token = 0;
  int64_t value = 0;
  std::string qualifier = "exact";
  bool vague = false;        // "dozens", "several": a conventional value, not a reported figure
  bool singular = false;     // "a member", "one of its members"
};

std::vector<Count> FindCounts(const SentenceContext& sentence);

}  // namespace crosscheck::claims
