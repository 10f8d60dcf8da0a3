// Cleaning of extracted text: NFC, typographic quotes, apostrophes, dashes and
// unusual spaces folded to ASCII, white space collapsed, paragraphs kept as blank
// lines. Every span in every output is a byte range of CleanText::text; the offset
// map leads back to the input the cleaner was given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace crosscheck::text {

struct CleanText {
  std::string text;
  std::vector<OffsetAnchor> anchors;  // sorted by clean offset; a new one wherever the shift changes

  // The input offset a cleaned-text offset came from.
  uint32_t SourceOffset(uint32_t clean_offset) const;
};

CleanText Clean(std::string_view input);

}  // namespace crosscheck::text
