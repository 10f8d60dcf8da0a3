#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include "core/tsv.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::ingest {
namespace {

// CLD2 is confident long before this; more text only costs time (about 40 ns a byte).
constexpr size_t kSampleBytes = 16 * 1024;

// Marker words longer than this are never looked up: packed words are eight bytes.
constexpr size_t kMaxPackableLength = 8;
// The sample is called English without asking CLD2 when it holds at least
// kMinChunksForShortcut chunks of about kChunkBytes, in each of which at least
// kMarkerPercent of the words are markers, and no stretch of about kStretchBytes
// (kMinStretchWords words or more) falls under kStretchMarkerPercent. English news
// runs at 14-25 % over a document; text in another language has next to no markers, so
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

// Letters for the marker count: ASCII letters and every non-ASCII byte (so that
// "café" stays one word and no script is skipped).
bool IsLetterByte(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26 || c >= 0x80; }

// Bit i set when block[i] is a letter, for a block of up to 64 bytes.
uint64_t LetterBits(const char* block, size_t length) {
  uint64_t bits = 0;
  size_t byte_idx = 0;
#if defined(__SSE2__)
  const __m128i lower_case_bit = _mm_set1_epi8(0x20);
  // (c | 0x20) - 'a' + 128 lands below 128 + 26 - 256 = -102 (signed) exactly for the 26 letters.
  const __m128i shift = _mm_set1_epi8(static_cast<char>(128 - 'a'));
  const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  for (; byte_idx + sizeof(__m128i) <= length; byte_idx += sizeof(__m128i)) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + byte_idx));
    const __m128i ascii_letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(bytes, lower_case_bit), shift), limit);
    // movemask of the bytes themselves: their high bits, the non-ASCII bytes.
    const auto letter_bits = static_cast<uint32_t>(_mm_movemask_epi8(ascii_letter) | _mm_movemask_epi8(bytes));
    bits |= static_cast<uint64_t>(letter_bits) << byte_idx;
  }
#endif
  for (; byte_idx < length; ++byte_idx) {
    bits |= static_cast<uint64_t>(IsLetterByte(static_cast<unsigned char>(block[byte_idx]))) << byte_idx;
  }
  return bits;
}

// Setting this bit lower-cases an ASCII letter; it leaves bytes >= 0x80 >= 0x80,
// which no marker holds.
constexpr uint64_t kLowerCaseBits = 0x2020202020202020ULL;

// A word of the sample packed like PackWord, lower case.
uint64_t PackedLowerWord(std::string_view sample, size_t begin, size_t length) {
  uint64_t packed = 0;
  if (begin + sizeof(packed) <= sample.size()) {
    std::memcpy(&packed, sample.data() + begin, sizeof(packed));
    packed &= ~uint64_t{0} >> (8 * (sizeof(packed) - length));  // little-endian: keep the first `length` bytes
  } else {
    for (size_t byte_idx = 0; byte_idx < length; ++byte_idx) {
      packed |= static_cast<uint64_t>(static_cast<unsigned char>(sample[begin + byte_idx])) << (8 * byte_idx);
    }
  }
  return packed | (kLowerCaseBits & (~uint64_t{0} >> (8 * (sizeof(packed) - length))));
}

constexpr size_t kBlockBytes = 64;  // one bit a byte in a uint64_t
static_assert(kChunkBytes % kBlockBytes == 0 && kStretchBytes % kBlockBytes == 0);

// Blocks of 64 bytes, each read as a bit mask of letters: word starts are the
// letter bits whose left neighbour is not one, so most words cost a few bit
// operations, and only those short enough to be markers are read. A word counts
// in the block where it starts; spans are whole blocks.
bool PlainlyEnglish(std::string_view sample, const EnglishMarkers& markers_list) {
  uint32_t chunks = 0;
  MarkerCount chunk;
  MarkerCount stretch;
  uint64_t previous_last_bit = 0;  // was the byte before this block a letter?
  const size_t size = sample.size();
  for (size_t block_begin = 0; block_begin < size; block_begin += kBlockBytes) {
    const size_t block_length = std::min(kBlockBytes, size - block_begin);
    const uint64_t letters = LetterBits(sample.data() + block_begin, block_length);
    uint64_t starts = letters & ~((letters << 1) | previous_last_bit);
    previous_last_bit = (letters >> (block_length - 1)) & 1;
    // Counted in the walk over the starts: without -mpopcnt, __builtin_popcountll is a call.
    uint32_t words = 0;
    uint32_t markers = 0;
    for (; starts != 0; starts &= starts - 1, ++words) {
      const size_t offset = static_cast<size_t>(__builtin_ctzll(starts));
      const uint64_t after = ~letters >> offset;  // bit j: the byte offset + j is not a letter
      size_t length = after != 0 ? static_cast<size_t>(__builtin_ctzll(after)) : block_length - offset;
      if (offset + length >= block_length) {  // runs into the next block: count the rest
        size_t end = block_begin + offset + length;
        while (end < size && IsLetterByte(static_cast<unsigned char>(sample[end]))) ++end;
        length = end - block_begin - offset;
      }
      if (length <= markers_list.max_length() && markers_list.Contains(PackedLowerWord(sample, block_begin + offset, length))) {
        ++markers;
      }
    }
    chunk.words += words;
    chunk.markers += markers;
    stretch.words += words;
    stretch.markers += markers;
    const size_t block_end = block_begin + block_length;
    const bool at_end = block_end >= size;
    // What is left at the end counts on its own when it holds a few words (a
    // page's last lines may be in another language).
    if (block_end - stretch.begin >= kStretchBytes || at_end) {
      if (stretch.words >= kMinStretchWords && stretch.Below(kStretchMarkerPercent)) return false;
      stretch = MarkerCount{0, 0, block_end};
    }
    if (block_end - chunk.begin >= kChunkBytes || (at_end && chunk.words >= kMinStretchWords)) {
      if (chunk.Below(kMarkerPercent)) return false;
      ++chunks;
      chunk = MarkerCount{0, 0, block_end};
    }
  }
  return chunks >= kMinChunksForShortcut;
}

}  // namespace

Result<EnglishMarkers> EnglishMarkers::Load(const std::string& path) {
  Result<TsvTable> table = ReadTsv(path, "crosscheck.english-markers", 1);
  if (!table.ok()) return table.status();
  EnglishMarkers markers;
  const size_t slot_count = std::bit_ceil(std::max<size_t>(2, table->rows.size() * kSlotsPerMarker));
  markers.slots_.assign(slot_count, kEmptySlot);
  markers.slot_mask_ = slot_count - 1;
  markers.slot_shift_ = 64 - std::countr_zero(slot_count);  // the product's top bits index the slots
  for (const TsvRow& row : table->rows) {
    const std::string& word = row.fields.at(0);
    if (word.empty() || word.size() > kMaxPackableLength) {
      return Status(StatusCode::kDataFormat, path + ":" + std::to_string(row.line) + ": a marker is 1 to 8 letters");
    }
    markers.Insert(PackWord(word));
    markers.max_length_ = std::max(markers.max_length_, word.size());
  }
  return markers;
}

void EnglishMarkers::Insert(uint64_t packed_word) {
  uint64_t slot = Slot(packed_word);
  for (; slots_[slot] != kEmptySlot; slot = (slot + 1) & slot_mask_) {
    if (slots_[slot] == packed_word) return;  // listed twice
  }
  slots_[slot] = packed_word;
  ++count_;
}

std::string DetectLanguage(std::string_view text, const EnglishMarkers* markers) {
  size_t length = std::min(text.size(), kSampleBytes);
  // Do not cut a UTF-8 sequence in half.
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  const std::string_view sample = text.substr(0, length);
  // Most news arrives in English: answering that without CLD2 when the sample
  // plainly is English is most of ingest's speed (bench/, docs/performance.md).
  if (markers != nullptr && !markers->empty() && PlainlyEnglish(sample, *markers)) return "en";
  bool reliable = false;
  CLD2::Language language = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true,
                                                 &reliable);
  if (language == CLD2::UNKNOWN_LANGUAGE) return "un";
  return CLD2::LanguageCode(language);
}

}  // namespace crosscheck::ingest
