#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif


namespace crosscheck::text {
namespace {

// What a code point becomes in cleaned text.
enum class Fold { kKeep, kSpace, kNewline, kDrop, kApostrophe, kQuote, kHyphen, kEllipsis };

Fold Classify(UChar32 c) {
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return Fold::kSpace;
    case 0x2028: case 0x2029: case 0x0085: return Fold::kNewline;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return Fold::kDrop;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return Fold::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return Fold::kQuote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return Fold::kHyphen;
    case 0x2026: return Fold::kEllipsis;
    default: break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Fold::kSpace;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return c == '\n' ? Fold::kNewline : (c == '\t' ? Fold::kSpace : Fold::kDrop);
  return Fold::kKeep;
}

// Printable ASCII other than the space: copied as it is.
bool IsPrintableAscii(unsigned char byte) { return byte > ' ' && byte < 0x7F; }

// How far from `pos` a run of words is certain to go on: printable ASCII, and single
// spaces followed by printable ASCII. Sixteen bytes at a time; the scalar loop in
// Clean decides the byte it stops at, so this may stop early but never late.
uint32_t SkipPlainRun(std::string_view input, uint32_t pos) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i del = _mm_set1_epi8(0x7F);
  constexpr unsigned kLastByteBit = 1u << 15;
  while (pos + sizeof(__m128i) <= input.size()) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(input.data() + pos));
    // Signed compare: bytes >= 0x80 are negative, so below ' ' too.
    const auto bad = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(block, space), _mm_cmpeq_epi8(block, del))));
    const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, space)));
    // A space ends the run unless a printable byte follows; the last one is left to the scalar loop.
    const unsigned stop = bad | (spaces & ((spaces | bad) >> 1)) | (spaces & kLastByteBit);
    if (stop != 0) return pos + static_cast<uint32_t>(__builtin_ctz(stop));
    pos += sizeof(__m128i);
  }
#endif
  return pos;
}

class Builder {
 public:
  explicit Builder(CleanText* out) : out_(out) {}

  void Space() { pending_space_ = true; }
  void Newline() {
    pending_space_ = false;
    ++pending_newlines_;
  }
  void Emit(std::string_view bytes, uint32_t source) {
    std::string& text = out_->text;
    if (!text.empty()) {
      if (pending_newlines_ > 0) {
        text.append(pending_newlines_ >= 2 ? "\n\n" : "\n");
      } else if (pending_space_) {
        text.push_back(' ');
      }
    }
    pending_space_ = false;
    pending_newlines_ = 0;
    uint32_t clean = static_cast<uint32_t>(text.size());
    if (out_->anchors.empty() || static_cast<int64_t>(source) - clean != shift_) {
      out_->anchors.push_back(OffsetAnchor{clean, source});
      shift_ = static_cast<int64_t>(source) - clean;
    }
    text.append(bytes);
  }

 private:
  CleanText* out_;
  bool pending_space_ = false;
  int pending_newlines_ = 0;
  int64_t shift_ = 0;
};

// Recomposes to NFC only where needed; the rare changed run maps back to its start.
void NormalizeNfc(CleanText* clean, bool has_non_ascii) {
  if (!has_non_ascii) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  if (nfc->isNormalizedUTF8(clean->text, status) || U_FAILURE(status)) return;
  CleanText out;
  out.text.reserve(clean->text.size());
  const std::string& text = clean->text;
  size_t pos = 0;
  while (pos < text.size()) {
    // A segment: one starter and the non-ASCII bytes after it.
    size_t end = pos + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) >= 0x80)) ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    std::string_view segment(text.data() + pos, end - pos);
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    UErrorCode seg_status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), sink, nullptr,
                       seg_status);
    if (U_FAILURE(seg_status)) normalized.assign(segment);
    uint32_t source = clean->SourceOffset(static_cast<uint32_t>(pos));
    uint32_t clean_at = static_cast<uint32_t>(out.text.size());
    if (out.anchors.empty() || static_cast<int64_t>(source) - clean_at !=
                                   static_cast<int64_t>(out.anchors.back().source) - out.anchors.back().clean) {
      out.anchors.push_back(OffsetAnchor{clean_at, source});
    }
    out.text.append(normalized);
    pos = end;
  }
  *clean = std::move(out);
}

}  // namespace

uint32_t CleanText::SourceOffset(uint32_t clean_offset) const {
  if (anchors.empty()) return clean_offset;
  auto it = std::upper_bound(anchors.begin(), anchors.end(), clean_offset,
                             [](uint32_t value, const OffsetAnchor& anchor) { return value < anchor.clean; });
  if (it == anchors.begin()) return clean_offset;
  --it;
  return it->source + (clean_offset - it->clean);
}

CleanText Clean(std::string_view input) {
  CleanText out;
  out.text.reserve(input.size());
  Builder builder(&out);
  bool has_non_ascii = false;  // only then can NFC change anything
  const uint32_t size = static_cast<uint32_t>(input.size());
  uint32_t pos = 0;
  while (pos < size) {
    unsigned char byte = static_cast<unsigned char>(input[pos]);
    if (byte < 0x80) {
      if (byte == '\r') {
        builder.Newline();
        pos += (pos + 1 < size && input[pos + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (byte == '\n') {
        builder.Newline();
      } else if (byte == ' ' || byte == '\t' || byte == '\f' || byte == '\v') {
        builder.Space();
      } else if (byte < 0x20 || byte == 0x7F) {
        // control characters carry nothing readable
      } else {
        // Runs of ordinary ASCII are copied whole, single spaces between words
        // included (a space then a word is what Space() and Emit() would give, at
        // the same shift): the hot path.
        // Past each byte the scalar test decides (most often a space at a block's last byte),
        // the sixteen-byte skip takes over again: the run is usually a whole paragraph.
        uint32_t end = SkipPlainRun(input, pos + 1);
        while (end < size) {
          unsigned char next = static_cast<unsigned char>(input[end]);
          if (next == ' ' && end + 1 < size && IsPrintableAscii(static_cast<unsigned char>(input[end + 1]))) {
            end = SkipPlainRun(input, end + 2);
            continue;
          }
          if (!IsPrintableAscii(next)) break;
          end = SkipPlainRun(input, end + 1);
        }
        builder.Emit(input.substr(pos, end - pos), pos);
        pos = end;
        continue;
      }
      ++pos;
      continue;
    }
    int32_t offset = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(input.data()), offset, static_cast<int32_t>(size), c);
    uint32_t next = static_cast<uint32_t>(offset);
    switch (c < 0 ? Fold::kKeep : Classify(c)) {
      case Fold::kSpace: builder.Space(); break;
      case Fold::kNewline: builder.Newline(); break;
      case Fold::kDrop: break;
      case Fold::kApostrophe: builder.Emit("'", pos); break;
      case Fold::kQuote: builder.Emit("\"", pos); break;
      case Fold::kHyphen: builder.Emit("-", pos); break;
      case Fold::kEllipsis: builder.Emit("...", pos); break;
      case Fold::kKeep:
        has_non_ascii = true;
        // Invalid sequences were repaired at ingest; any left become U+FFFD.
        builder.Emit(c < 0 ? std::string_view("\xEF\xBF\xBD") : input.substr(pos, next - pos), pos);
        break;
    }
    pos = next;
  }
  NormalizeNfc(&out, has_non_ascii);
  return out;
}

}  // namespace crosscheck::text
