#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace crosscheck::ingest {
namespace {

// CLD2 is confident long before this; more text only costs time (about 40 ns a byte).
constexpr size_t kSampleBytes = 16 * 1024;

// Words that make up a sixth of English news prose and are rare as words in
// other languages ("was", "of", "he", "for" are left out: German, Dutch, Finnish
// and Danish use them). All lower case, at most kMaxMarkerLength letters.
constexpr std::array<std::string_view, 20> kEnglishMarkers = {
    "the", "and", "that", "with", "said", "from", "which", "have", "has", "been",
    "their", "this", "were", "they", "would", "its", "it", "are", "who", "not"};
constexpr size_t kMaxMarkerLength = 5;
// The sample is called English without asking CLD2 when it holds at least
// kMinChunksForShortcut chunks of about kChunkBytes, in each of which at least
// kMarkerPercent of the words are markers, and no stretch of about kStretchBytes
// (kMinStretchWords words or more) falls under kStretchMarkerPercent. English news
// runs at 14-25 % throughout; text in another language has next to no markers, so
// a document that mixes languages (a translated page with English left in, a long
// quotation) fails somewhere and goes to CLD2, which weighs the whole sample.
constexpr size_t kChunkBytes = 512;
constexpr uint32_t kMinChunksForShortcut = 2;
constexpr uint32_t kMarkerPercent = 8;
constexpr size_t kStretchBytes = 256;
constexpr uint32_t kMinStretchWords = 10;
constexpr uint32_t kStretchMarkerPercent = 4;

// Words and markers counted over a span of the sample.
struct MarkerCount {
  uint32_t words = 0;
  uint32_t markers = 0;
  size_t begin = 0;
  bool Below(uint32_t percent) const { return markers * 100 < words * percent; }
};

// A word of up to eight lower-case bytes packed into an integer, first byte lowest:
// comparing packed words is one integer compare.
constexpr uint64_t PackWord(std::string_view word) {
  uint64_t packed = 0;
  for (size_t byte_idx = 0; byte_idx < word.size(); ++byte_idx) {
    packed |= static_cast<uint64_t>(static_cast<unsigned char>(word[byte_idx])) << (8 * byte_idx);
  }
  return packed;
}

constexpr std::array<uint64_t, kEnglishMarkers.size()> PackMarkers() {
  std::array<uint64_t, kEnglishMarkers.size()> packed{};
  for (size_t marker_idx = 0; marker_idx < kEnglishMarkers.size(); ++marker_idx) {
    packed[marker_idx] = PackWord(kEnglishMarkers[marker_idx]);
  }
  return packed;
}
constexpr std::array<uint64_t, kEnglishMarkers.size()> kPackedMarkers = PackMarkers();

bool IsMarker(uint64_t packed_word) {
  return std::find(kPackedMarkers.begin(), kPackedMarkers.end(), packed_word) != kPackedMarkers.end();
}

// One pass over the sample: words are runs of letters (any non-ASCII byte counts as
// a letter, so that "café" stays one word and no script is skipped).
bool PlainlyEnglish(std::string_view sample) {
  uint32_t chunks = 0;
  MarkerCount chunk;
  MarkerCount stretch;
  uint64_t packed = 0;  // the word so far, lower case, while it is short enough to be a marker
  size_t length = 0;
  for (size_t byte_idx = 0; byte_idx <= sample.size(); ++byte_idx) {
    const unsigned char c = byte_idx < sample.size() ? static_cast<unsigned char>(sample[byte_idx]) : ' ';
    const bool upper = c >= 'A' && c <= 'Z';
    if ((c >= 'a' && c <= 'z') || upper || c >= 0x80) {
      if (length < kMaxMarkerLength) packed |= static_cast<uint64_t>(upper ? c + ('a' - 'A') : c) << (8 * length);
      ++length;
      continue;
    }
    if (length == 0) continue;
    const uint32_t marker = length <= kMaxMarkerLength && IsMarker(packed) ? 1 : 0;
    length = 0;
    packed = 0;
    ++chunk.words;
    chunk.markers += marker;
    ++stretch.words;
    stretch.markers += marker;
    // Spans end at a word boundary once long enough; what is left at the end counts
    // on its own when it holds a few words (a page's last lines may be another language).
    const bool at_end = byte_idx == sample.size();
    if (byte_idx - stretch.begin >= kStretchBytes || at_end) {
      if (stretch.words >= kMinStretchWords && stretch.Below(kStretchMarkerPercent)) return false;
      stretch = MarkerCount{0, 0, byte_idx};
    }
    if (byte_idx - chunk.begin >= kChunkBytes || (at_end && chunk.words >= kMinStretchWords)) {
      if (chunk.Below(kMarkerPercent)) return false;
      ++chunks;
      chunk = MarkerCount{0, 0, byte_idx};
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
