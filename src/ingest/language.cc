#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace crosscheck::ingest {
namespace {

// CLD2 is confident long before this (no answer on the corpora of bench/ and
// ../shared changed below 512 bytes); it costs about 40 ns a byte, so more text
// only costs time.
constexpr size_t kSampleBytes = 4 * 1024;

// Words that make up a sixth of English news prose and are rare as words in
// other languages ("was", "of", "he", "for" are left out: German, Dutch, Finnish
// and Danish use them). All lower case, at most kMaxMarkerLength letters.
constexpr std::array<std::string_view, 20> kEnglishMarkers = {
    "the", "and", "that", "with", "said", "from", "which", "have", "has", "been",
    "their", "this", "were", "they", "would", "its", "it", "are", "who", "not"};
constexpr size_t kMaxMarkerLength = 5;
// The sample is called English without asking CLD2 when it has at least
// kMinChunksForShortcut chunks of about kChunkBytes and in every one of them at
// least kMarkerPercent of the words are markers. English news runs at 14-25 % in
// every chunk; a chunk of another language has next to none, so a document that
// mixes languages (a translated page with English left in, a long quotation) fails
// in some chunk and goes to CLD2, which weighs the whole sample.
constexpr size_t kChunkBytes = 512;
constexpr uint32_t kMinChunksForShortcut = 2;
constexpr uint32_t kMarkerPercent = 10;
constexpr uint32_t kMinTailWords = 10;

bool IsMarker(const char* word, size_t length) {
  for (std::string_view marker : kEnglishMarkers) {
    if (marker.size() == length && std::equal(marker.begin(), marker.end(), word)) return true;
  }
  return false;
}

// One pass over the sample: words are runs of letters (any non-ASCII byte counts as
// a letter, so that "café" stays one word and no script is skipped).
bool PlainlyEnglish(std::string_view sample) {
  uint32_t chunks = 0;
  uint32_t words = 0;
  uint32_t markers = 0;
  size_t chunk_begin = 0;
  char lower[kMaxMarkerLength];
  size_t length = 0;
  for (size_t byte_idx = 0; byte_idx <= sample.size(); ++byte_idx) {
    const unsigned char c = byte_idx < sample.size() ? static_cast<unsigned char>(sample[byte_idx]) : ' ';
    const bool upper = c >= 'A' && c <= 'Z';
    if ((c >= 'a' && c <= 'z') || upper || c >= 0x80) {
      if (length < kMaxMarkerLength) lower[length] = static_cast<char>(upper ? c + ('a' - 'A') : c);
      ++length;
      continue;
    }
    if (length > 0) {
      ++words;
      if (length <= kMaxMarkerLength && IsMarker(lower, length)) ++markers;
      length = 0;
    }
    // A chunk ends at a word boundary once it is long enough; the tail is a chunk of
    // its own when it holds a few words (a page's last lines may be in another language).
    const bool at_end = byte_idx == sample.size();
    if (byte_idx - chunk_begin >= kChunkBytes || (at_end && words >= kMinTailWords)) {
      if (words == 0 || markers * 100 < words * kMarkerPercent) return false;
      ++chunks;
      words = 0;
      markers = 0;
      chunk_begin = byte_idx;
    }
  }
  return chunks >= kMinChunksForShortcut;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  size_t length = std::min(text.size(), kSampleBytes);
  // Do not cut a UTF-8 sequence in half.
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  const std::string_view sample = text.substr(0, length);
  // Most news arrives in English: answering that without CLD2 when the sample
  // plainly is English is most of ingest's speed (bench/, docs/performance.md).
  if (PlainlyEnglish(sample)) return "en";
  bool reliable = false;
  CLD2::Language language = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true,
                                                 &reliable);
  if (language == CLD2::UNKNOWN_LANGUAGE) return "un";
  return CLD2::LanguageCode(language);
}

}  // namespace crosscheck::ingest
