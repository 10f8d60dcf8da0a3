#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace crosscheck::ingest {
namespace {
// CLD2 is confident long before this; more text only costs time.
constexpr size_t kSampleBytes = 16 * 1024;
}  // namespace

std::string DetectLanguage(std::string_view text) {
  size_t length = std::min(text.size(), kSampleBytes);
  // Do not cut a UTF-8 sequence in half.
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  bool reliable = false;
  CLD2::Language language = CLD2::DetectLanguage(text.data(), static_cast<int>(length), /*is_plain_text=*/true,
                                                 &reliable);
  if (language == CLD2::UNKNOWN_LANGUAGE) return "un";
  return CLD2::LanguageCode(language);
}

}  // namespace crosscheck::ingest
