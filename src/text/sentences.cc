#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/string_table.h"
#include "core/tsv.h"
#include "text/sentence_breaks.h"
#include "text/tokenize.h"

namespace crosscheck::text {
namespace {

std::mutex g_abbreviations_mutex;
std::vector<std::string> g_abbreviations;
std::atomic<int> g_abbreviations_version{0};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// UAX #29 Sentence_Break classes of the ASCII characters, plus kSlow for the bytes
// the ASCII path leaves to ICU (non-ASCII bytes, CR, any class ASCII text lacks).
enum class SentenceClass : uint8_t {
  kOther, kSp, kLf, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kSlow
};
using ClassTable = std::array<SentenceClass, 256>;

// Read from ICU's own property data, so that the ASCII path follows the ICU it stands in for.
ClassTable BuildClassTable() {
  ClassTable table;
  table.fill(SentenceClass::kSlow);
  for (UChar32 c = 0; c < 0x80; ++c) {
    SentenceClass cls = SentenceClass::kSlow;
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_OTHER: cls = SentenceClass::kOther; break;
      case U_SB_SP: cls = SentenceClass::kSp; break;
      case U_SB_LF: cls = SentenceClass::kLf; break;
      case U_SB_LOWER: cls = SentenceClass::kLower; break;
      case U_SB_UPPER: cls = SentenceClass::kUpper; break;
      case U_SB_NUMERIC: cls = SentenceClass::kNumeric; break;
      case U_SB_ATERM: cls = SentenceClass::kATerm; break;
      case U_SB_STERM: cls = SentenceClass::kSTerm; break;
      case U_SB_CLOSE: cls = SentenceClass::kClose; break;
      case U_SB_SCONTINUE: cls = SentenceClass::kSContinue; break;
      default: break;  // CR, Sep, Extend, Format, OLetter
    }
    table[static_cast<size_t>(c)] = cls;
  }
  return table;
}

const ClassTable& Classes() {
  static const ClassTable table = BuildClassTable();
  return table;
}

// The bytes the line scan stops at: LF, the sentence terminators and whatever ICU
// must handle. SIMD search needs them to be exactly these (true with every ICU so
// far); otherwise the scan looks at every byte.
bool StopBytesAreTheUsual() {
  const ClassTable& classes = Classes();
  for (int c = 0; c < 0x80; ++c) {
    const SentenceClass cls = classes[static_cast<size_t>(c)];
    const bool stops = cls == SentenceClass::kLf || cls == SentenceClass::kATerm || cls == SentenceClass::kSTerm ||
                       cls == SentenceClass::kSlow;
    const bool usual = c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?';
    if (stops != usual) return false;
  }
  return true;
}

bool IsStop(SentenceClass cls) {
  return cls == SentenceClass::kLf || cls == SentenceClass::kATerm || cls == SentenceClass::kSTerm ||
         cls == SentenceClass::kSlow;
}

// The first position in [pos, end) holding a stop byte (see StopBytesAreTheUsual), or end.
uint32_t NextStop(std::string_view text, uint32_t pos, uint32_t end) {
#if defined(__SSE2__)
  static const bool usual = StopBytesAreTheUsual();
  if (usual) {
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i full_stop = _mm_set1_epi8('.');
    const __m128i exclamation = _mm_set1_epi8('!');
    const __m128i question = _mm_set1_epi8('?');
    for (; pos + sizeof(__m128i) <= end; pos += sizeof(__m128i)) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
      const __m128i hits = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(block, lf), _mm_cmpeq_epi8(block, cr)),
          _mm_or_si128(_mm_cmpeq_epi8(block, full_stop),
                       _mm_or_si128(_mm_cmpeq_epi8(block, exclamation), _mm_cmpeq_epi8(block, question))));
      // movemask of the block itself gives the high bits: the non-ASCII bytes.
      const int stop_bits = _mm_movemask_epi8(hits) | _mm_movemask_epi8(block);
      if (stop_bits != 0) return pos + static_cast<uint32_t>(__builtin_ctz(static_cast<unsigned>(stop_bits)));
    }
  }
#endif
  const ClassTable& classes = Classes();
  while (pos < end && !IsStop(classes[static_cast<unsigned char>(text[pos])])) ++pos;
  return pos;
}

using StringSet = StringTableSet;

// The decision ICU's SimpleFilteredSentenceBreakIterator (filteredbrk.cpp) takes with
// its two tries, taken with hash sets of the same strings: a break is suppressed when
// the text before it, less one space, ends with a listed abbreviation. An abbreviation
// with an inner full stop ("U.S.") is listed backwards by its first part ("U.") and must
// then match one of the full forms sharing that part, read forwards from where it starts.
class AbbreviationFilter {
 public:
  AbbreviationFilter() = default;
  explicit AbbreviationFilter(const std::vector<std::string>& list) {
    const std::unordered_set<std::string> all(list.begin(), list.end());
    std::unordered_set<std::string> first_parts;
    for (const std::string& abbreviation : all) {
      const size_t stop = abbreviation.find('.');
      if (stop != std::string::npos && stop + 1 != abbreviation.size()) {
        first_parts.insert(abbreviation.substr(0, stop + 1));
      }
    }
    for (const std::string& abbreviation : all) {
      const bool shares_first_part = std::any_of(first_parts.begin(), first_parts.end(), [&](const std::string& part) {
        return abbreviation.compare(0, part.size(), part) == 0;
      });
      if (!shares_first_part) {
        AddBackward(abbreviation, /*first_part=*/false);
        continue;
      }
      forward_[abbreviation] |= kEntry;
      for (size_t length = 1; length < abbreviation.size(); ++length) forward_[abbreviation.substr(0, length)] |= kPath;
    }
    for (const std::string& part : first_parts) AddBackward(part, /*first_part=*/true);
  }

  bool Suppresses(std::string_view text, uint32_t boundary) const {
    if (boundary == 0 || boundary >= text.size() || backward_.empty()) return false;  // ICU never filters the end
    // ICU assumes a space follows the full stop ("Mr. |Brown") and steps back over one.
    const uint32_t end = text[boundary - 1] == ' ' ? boundary - 1 : boundary;
    if (end == 0 || !last_bytes_[static_cast<unsigned char>(text[end - 1])]) return false;  // the usual case
    uint32_t best_length = 0;
    bool best_is_first_part = false;
    // One look-up a length: a suffix that is neither an entry nor a path has no longer entry
    // ending this way either.
    for (uint32_t length = 1; length <= end; ++length) {
      auto it = backward_.find(text.substr(end - length, length));
      if (it == backward_.end()) break;
      if (it->second & kEntry) {
        best_length = length;
        best_is_first_part = (it->second & kFirstPart) != 0;
      }
      if (!(it->second & kPath)) break;
    }
    if (best_length == 0) return false;
    if (!best_is_first_part) return true;
    const uint32_t start = end - best_length;
    bool matched = false;
    for (uint32_t length = 1; start + length <= text.size(); ++length) {
      auto it = forward_.find(text.substr(start, length));
      matched = it != forward_.end() && (it->second & kEntry) != 0;
      if (it == forward_.end() || !(it->second & kPath)) break;
    }
    return matched;
  }

 private:
  void AddBackward(const std::string& entry, bool first_part) {
    if (entry.empty()) return;
    uint8_t& bits = backward_[entry];
    // An entry added twice keeps its first reading of "first part".
    if (!(bits & kEntry)) bits |= kEntry | (first_part ? kFirstPart : 0);
    last_bytes_.set(static_cast<unsigned char>(entry.back()));
    for (size_t length = 1; length < entry.size(); ++length) backward_[entry.substr(entry.size() - length)] |= kPath;
  }

  // What a string is to a table: an entry (and a first part of other entries), a path to a
  // longer entry, or both; a string neither is absent.
  static constexpr uint8_t kEntry = 1;
  static constexpr uint8_t kFirstPart = 2;
  static constexpr uint8_t kPath = 4;
  StringTable<uint8_t> backward_;  // backward entries and their proper suffixes
  StringTable<uint8_t> forward_;   // forward entries and their proper prefixes
  std::bitset<256> last_bytes_;  // last bytes of backward entries: no other can end a match
};

// CLDR's English sentence-break exceptions, as ICU's "en@ss=standard" loads them.
std::vector<std::string> CldrEnglishAbbreviations(bool* ok) {
  std::vector<std::string> out;
  *ok = false;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", "en", &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* breaks = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  if (U_SUCCESS(status)) {
    const int32_t count = ures_getSize(breaks);
    for (int32_t entry_idx = 0; entry_idx < count && U_SUCCESS(status); ++entry_idx) {
      int32_t length = 0;
      const UChar* entry = ures_getStringByIndex(breaks, entry_idx, &length, &status);
      if (U_SUCCESS(status)) icu::UnicodeString(entry, length).toUTF8String(out.emplace_back());
    }
    *ok = U_SUCCESS(status) && !out.empty();
  }
  ures_close(breaks);
  ures_close(exceptions);
  ures_close(bundle);
  return out;
}

struct ThreadSplitter {
  std::unique_ptr<icu::BreakIterator> iterator;
  StringSet abbreviations;
  // The ASCII path's stand-ins for the two filters ICU stacks: the one "ss=standard"
  // puts on the base iterator (CLDR's list) and ours (CLDR's list and the project's).
  AbbreviationFilter cldr_filter;
  AbbreviationFilter project_filter;
  bool ascii_path = false;
  int built_version = -1;
};

// One ICU sentence iterator per thread, rebuilt when the abbreviation list changes.
ThreadSplitter& ThreadSentenceSplitter() {
  thread_local ThreadSplitter splitter;
  int version = g_abbreviations_version.load();
  if (splitter.iterator && splitter.built_version == version) return splitter;
  std::unique_ptr<icu::BreakIterator>& iterator = splitter.iterator;
  splitter.abbreviations.clear();
  splitter.ascii_path = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale("en@ss=standard");
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return splitter;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_SUCCESS(status)) {
    std::lock_guard<std::mutex> lock(g_abbreviations_mutex);
    for (const std::string& abbreviation : g_abbreviations) {
      UErrorCode add_status = U_ZERO_ERROR;
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), add_status);
      splitter.abbreviations.insert(abbreviation);
    }
    iterator.reset(builder->wrapIteratorWithFilter(base.release(), status));
    bool cldr_ok = false;
    std::vector<std::string> cldr = CldrEnglishAbbreviations(&cldr_ok);
    if (cldr_ok) {
      splitter.cldr_filter = AbbreviationFilter(cldr);
      cldr.insert(cldr.end(), g_abbreviations.begin(), g_abbreviations.end());
      splitter.project_filter = AbbreviationFilter(cldr);
      splitter.ascii_path = true;
    }
  } else {
    iterator = std::move(base);
  }
  splitter.built_version = version;
  return splitter;
}

// ICU's boundaries over text[begin, end), appended as offsets into text.
void IcuBoundaries(icu::BreakIterator* iterator, std::string_view text, uint32_t begin, uint32_t end,
                   std::vector<uint32_t>* out) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  if (U_FAILURE(status)) {
    out->push_back(end);
    return;
  }
  iterator->setText(utext, status);
  iterator->first();
  for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE; boundary = iterator->next()) {
    out->push_back(begin + static_cast<uint32_t>(boundary));
  }
  utext_close(utext);
  if (out->empty() || out->back() != end) out->push_back(end);
}

bool IsCased(SentenceClass cls) { return cls == SentenceClass::kUpper || cls == SentenceClass::kLower; }

// What rule SB8 skips over on its way to a lower-case letter.
bool EndsLowerCaseLookahead(SentenceClass cls) {
  return cls == SentenceClass::kUpper || cls == SentenceClass::kLower || cls == SentenceClass::kLf ||
         cls == SentenceClass::kATerm || cls == SentenceClass::kSTerm || cls == SentenceClass::kSlow;
}

// UAX #29 sentence boundaries (rules SB3-SB11; SB5 has nothing to do in ASCII) over
// the line text[begin, end), which ends after its LF or at the end of the text. Returns
// false, leaving `out` as it found it, when the line holds a byte only ICU handles.
bool AsciiLineBoundaries(const ThreadSplitter& splitter, std::string_view text, uint32_t begin, uint32_t end,
                         std::vector<uint32_t>* out) {
  const ClassTable& classes = Classes();
  auto cls = [&](uint32_t pos) { return classes[static_cast<unsigned char>(text[pos])]; };
  const size_t old_size = out->size();
  auto keep = [&](uint32_t boundary) {
    if (!splitter.cldr_filter.Suppresses(text, boundary) && !splitter.project_filter.Suppresses(text, boundary)) {
      out->push_back(boundary);
    }
  };
  // Only stop bytes can start a boundary or send the line to ICU: jump between them.
  for (uint32_t pos = NextStop(text, begin, end); pos < end; pos = NextStop(text, pos + 1, end)) {
    const SentenceClass here = cls(pos);
    if (here == SentenceClass::kSlow) {
      out->resize(old_size);
      return false;
    }
    if (here == SentenceClass::kLf) {  // SB4
      keep(pos + 1);
      continue;
    }
    if (here != SentenceClass::kATerm && here != SentenceClass::kSTerm) continue;
    const uint32_t next = pos + 1;
    if (here == SentenceClass::kATerm && next < end) {
      if (cls(next) == SentenceClass::kNumeric) continue;                                      // SB6
      if (cls(next) == SentenceClass::kUpper && pos > 0 && IsCased(cls(pos - 1))) continue;  // SB7
    }
    uint32_t after = next;
    while (after < end && cls(after) == SentenceClass::kClose) ++after;  // SB9
    while (after < end && cls(after) == SentenceClass::kSp) ++after;     // SB10
    if (after >= end) continue;  // the end of the text is a boundary anyway
    const SentenceClass following = cls(after);
    if (following == SentenceClass::kLf) continue;  // SB10, then SB4 after the LF
    if (following == SentenceClass::kSContinue || following == SentenceClass::kATerm ||
        following == SentenceClass::kSTerm) {
      continue;  // SB8a
    }
    if (here == SentenceClass::kATerm) {  // SB8: no break before a lower-case continuation
      uint32_t probe = after;
      while (probe < end && !EndsLowerCaseLookahead(cls(probe))) ++probe;
      if (probe < end && cls(probe) == SentenceClass::kLower) continue;
    }
    keep(after);  // SB11
  }
  return true;
}

// ICU does not suppress a break after an abbreviation that opens a paragraph ("Dr."
// after a blank line): such a piece is joined to what follows on the same line.
bool EndsWithAbbreviation(std::string_view sentence, const StringSet& abbreviations) {
  size_t space = sentence.find_last_of(" \n");
  std::string_view last = space == std::string_view::npos ? sentence : sentence.substr(space + 1);
  return abbreviations.find(last) != abbreviations.end();
}

uint32_t CountParagraphBreaks(std::string_view text, uint32_t from, uint32_t to) {
  uint32_t breaks = 0;
  for (uint32_t i = from; i + 1 < to; ++i) {
    if (text[i] == '\n' && text[i + 1] == '\n') {
      ++breaks;
      while (i + 1 < to && text[i + 1] == '\n') ++i;
    }
  }
  return breaks;
}

}  // namespace

void SetSentenceAbbreviations(std::vector<std::string> abbreviations) {
  std::lock_guard<std::mutex> lock(g_abbreviations_mutex);
  g_abbreviations = std::move(abbreviations);
  ++g_abbreviations_version;
}

Status LoadSentenceAbbreviations(const std::string& path) {
  Result<TsvTable> table = ReadTsv(path, "crosscheck.abbreviations", 1);
  if (!table.ok()) return table.status();
  std::vector<std::string> abbreviations;
  for (const TsvRow& row : table->rows) abbreviations.push_back(row.fields.at(0));
  SetSentenceAbbreviations(std::move(abbreviations));
  return Status::Ok();
}

std::vector<uint32_t> SentenceBoundaries(std::string_view text, BreakEngine engine) {
  std::vector<uint32_t> boundaries;
  const uint32_t size = static_cast<uint32_t>(text.size());
  if (size == 0) return boundaries;
  ThreadSplitter& splitter = ThreadSentenceSplitter();
  icu::BreakIterator* iterator = splitter.iterator.get();
  if (iterator == nullptr) {
    boundaries.push_back(size);
    return boundaries;
  }
  if (engine == BreakEngine::kIcuOnly || !splitter.ascii_path) {
    IcuBoundaries(iterator, text, 0, size, &boundaries);
    return boundaries;
  }
  // Every LF ends a sentence (SB4) and no rule looks across one, so each line can be
  // split on its own: by the ASCII path, or by ICU when it holds other text.
  boundaries.reserve(size / 64 + 4);
  uint32_t line_begin = 0;
  while (line_begin < size) {
    const void* newline = std::memchr(text.data() + line_begin, '\n', size - line_begin);
    const uint32_t line_end =
        newline == nullptr ? size : static_cast<uint32_t>(static_cast<const char*>(newline) - text.data()) + 1;
    if (!AsciiLineBoundaries(splitter, text, line_begin, line_end, &boundaries)) {
      IcuBoundaries(iterator, text, line_begin, line_end, &boundaries);
    }
    line_begin = line_end;
  }
  if (boundaries.empty() || boundaries.back() != size) boundaries.push_back(size);
  return boundaries;
}

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  auto add = [&](uint32_t begin, uint32_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin < end) sentences.push_back(Sentence{ByteSpan{begin, end}, 0, 0, 0});
  };
  const std::vector<uint32_t> boundaries = SentenceBoundaries(text, BreakEngine::kFast);
  if (boundaries.empty()) return sentences;
  const ThreadSplitter& splitter = ThreadSentenceSplitter();
  sentences.reserve(boundaries.size());
  uint32_t begin = 0;
  for (uint32_t end : boundaries) {
    add(begin, end);
    begin = end;
  }
  std::vector<Sentence> joined;
  joined.reserve(sentences.size());
  for (const Sentence& sentence : sentences) {
    if (!joined.empty()) {
      Sentence& previous = joined.back();
      std::string_view gap = text.substr(previous.span.end, sentence.span.begin - previous.span.end);
      if (gap.find('\n') == std::string_view::npos &&
          EndsWithAbbreviation(previous.span.Of(text), splitter.abbreviations)) {
        previous.span.end = sentence.span.end;
        continue;
      }
    }
    joined.push_back(sentence);
  }
  sentences = std::move(joined);
  uint32_t paragraph = 0;
  uint32_t previous_end = 0;
  for (Sentence& sentence : sentences) {
    paragraph += CountParagraphBreaks(text, previous_end, sentence.span.begin);
    sentence.paragraph = paragraph;
    previous_end = sentence.span.end;
  }
  return sentences;
}

}  // namespace crosscheck::text
