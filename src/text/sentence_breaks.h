// Raw sentence boundaries of cleaned text: UAX #29 sentence breaks with ICU's
// abbreviation suppressions (CLDR's English list and data/lexicon/abbreviations.tsv),
// before SplitSentences trims and joins them. Lines of printable ASCII take a
// one-pass path that gives exactly ICU's answer; other lines go through ICU.
// Thread-safe: per-thread state, rebuilt when the abbreviation list changes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace crosscheck::text {

enum class BreakEngine {
  kFast,     // the ASCII path where a line allows it, ICU elsewhere
  kIcuOnly,  // ICU's filtered iterator over the whole text: the reference
};

// Boundaries after position 0, strictly increasing; the last is text.size()
// (none for empty text).
std::vector<uint32_t> SentenceBoundaries(std::string_view text, BreakEngine engine);

}  // namespace crosscheck::text
