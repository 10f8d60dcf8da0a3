#include "text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "text/fold.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::text {
namespace {

struct CodePoint {
  UChar32 value = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd(uint32_t pos) const { return pos >= text_.size(); }

  CodePoint At(uint32_t pos) const {
    CodePoint cp;
    cp.begin = pos;
    unsigned char byte = static_cast<unsigned char>(text_[pos]);
    if (byte < 0x80) {  // ASCII fast path: most news text
      cp.value = byte;
      cp.end = pos + 1;
      return cp;
    }
    int32_t offset = static_cast<int32_t>(pos);
    UChar32 value;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text_.data()), offset, static_cast<int32_t>(text_.size()), value);
    cp.value = value < 0 ? 0xFFFD : value;
    cp.end = static_cast<uint32_t>(offset);
    return cp;
  }

 private:
  std::string_view text_;
};

bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}
bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
bool IsSpace(UChar32 c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || (c >= 0x80 && u_isUWhiteSpace(c)); }
bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

constexpr bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiAlnum(unsigned char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// Per-byte facts for the ASCII word path, one table look-up a byte: bit 0 a letter,
// bit 1 an upper-case letter, bit 2 a letter or digit; zero for every non-ASCII byte.
constexpr uint8_t kLetterBit = 1;
constexpr uint8_t kUpperBit = 2;
constexpr uint8_t kAlnumBit = 4;
constexpr std::array<uint8_t, 256> MakeAsciiWordTable() {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 0x80; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    table[c] = static_cast<uint8_t>((IsAsciiLetter(byte) ? kLetterBit : 0) | (IsAsciiUpper(byte) ? kUpperBit : 0) |
                                    (IsAsciiAlnum(byte) ? kAlnumBit : 0));
  }
  return table;
}
constexpr std::array<uint8_t, 256> kAsciiWord = MakeAsciiWordTable();

// What the ASCII word path learns of a run of letters and digits for Token::all_caps: where
// it stops, whether it holds two letters or more, and whether any letter is lower case.
struct AsciiRun {
  uint32_t end = 0;
  uint32_t letters = 0;  // exact in the byte loop; the block loop adds at most two a block
  bool has_lower = false;
  bool AllCaps() const { return !has_lower && letters >= 2; }
};

// Scans the letters and digits from `begin` and writes them lower-cased to `folded`, which
// must have room for size - begin bytes. Sixteen bytes at a time where the text allows: a
// word of news text is about six bytes, and the byte loop spent several instructions on each.
AsciiRun ScanAsciiRun(const char* data, uint32_t begin, uint32_t size, char* folded) {
  AsciiRun run;
  uint32_t end = begin;
#if defined(__SSE2__)
  // (c | 0x20) - 'a' + 128 is below -128 + 26 (signed) exactly for the 26 letters; likewise
  // c - 'A' + 128 for the capitals and c - '0' + 128 for the ten digits.
  const __m128i lower_case_bit = _mm_set1_epi8(0x20);
  const __m128i letter_shift = _mm_set1_epi8(static_cast<char>(128 - 'a'));
  const __m128i upper_shift = _mm_set1_epi8(static_cast<char>(128 - 'A'));
  const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(128 - '0'));
  const __m128i letter_limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digit_limit = _mm_set1_epi8(static_cast<char>(-128 + 10));
  while (end + sizeof(__m128i) <= size) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + end));
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(bytes, lower_case_bit), letter_shift), letter_limit);
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(bytes, upper_shift), letter_limit);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(bytes, digit_shift), digit_limit);
    // All sixteen bytes are written; only the run's count as folded.
    _mm_storeu_si128(reinterpret_cast<__m128i*>(folded + (end - begin)),
                     _mm_or_si128(bytes, _mm_and_si128(upper, lower_case_bit)));
    const auto alnum_bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    const auto length = static_cast<uint32_t>(__builtin_ctz(~alnum_bits));  // bit 16 is always clear
    const uint32_t in_run = (1u << length) - 1;
    const uint32_t letter_bits = static_cast<uint32_t>(_mm_movemask_epi8(letter)) & in_run;
    const uint32_t upper_bits = static_cast<uint32_t>(_mm_movemask_epi8(upper));
    // Whether a block holds one letter or two is enough, and cheaper than a count: without
    // -mpopcnt, __builtin_popcount is a library call.
    run.letters += static_cast<uint32_t>(letter_bits != 0) + static_cast<uint32_t>((letter_bits & (letter_bits - 1)) != 0);
    run.has_lower |= (letter_bits & ~upper_bits) != 0;
    end += length;
    if (length < sizeof(__m128i)) {
      run.end = end;
      return run;
    }
  }
#endif
  for (uint8_t facts; end < size && ((facts = kAsciiWord[static_cast<unsigned char>(data[end])]) & kAlnumBit); ++end) {
    run.letters += facts & kLetterBit;
    run.has_lower |= (facts & (kLetterBit | kUpperBit)) == kLetterBit;
    // Setting 0x20 lower-cases an ASCII capital: kUpperBit (2) shifted by 4.
    folded[end - begin] = static_cast<char>(data[end] | ((facts & kUpperBit) << 4));
  }
  run.end = end;
  return run;
}

// Inner separators that keep a number whole: "37,980", "22:00", "18.06.2018", "3/4".
bool IsNumberJoiner(UChar32 c) { return c == ',' || c == '.' || c == ':' || c == '/'; }

// The fold arena filled through a cursor: sized once, written in place, trimmed at
// the end, so that the hot path does no per-byte or per-word string bookkeeping.
class FoldArena {
 public:
  FoldArena(FoldStore* store, size_t expected_bytes) : store_(store) { store_->Allocate(expected_bytes); }
  uint32_t size() const { return static_cast<uint32_t>(used_); }
  // Room for `count` more bytes, not yet counted as used.
  char* Reserve(size_t count) {
    if (used_ + count > store_->size()) [[unlikely]] Grow(count);
    return store_->data() + used_;
  }
  void Commit(size_t count) { used_ += count; }
  void Append(std::string_view bytes) {
    std::memcpy(Reserve(bytes.size()), bytes.data(), bytes.size());
    Commit(bytes.size());
  }
  void Push(char c) {
    *Reserve(1) = c;
    Commit(1);
  }
  // Whether the store was reallocated, and its size then: views taken before point nowhere.
  bool grew() const { return grew_; }
  size_t capacity() const { return store_->size(); }
  void Finish() { store_->Truncate(used_); }

 private:
  // Only a transliteration longer than its word can get here.
  [[gnu::noinline]] void Grow(size_t count) {
    store_->Grow(std::max(store_->size() * 2, used_ + count), used_);
    grew_ = true;
  }

  FoldStore* store_;
  size_t used_ = 0;
  bool grew_ = false;
};

// A generous guess at bytes per token, to reserve the token vectors once.
constexpr size_t kBytesPerTokenGuess = 5;

// The tokens of `text` into stream->tokens, without their sentences, and their folded
// forms in an arena of *arena_bytes. The views into the arena are taken as the tokens come;
// false when a transliteration made the arena grow, which moved it: *arena_bytes is then
// the size it grew to, with which a second call cannot grow it again.
bool TokenizeInto(std::string_view text, size_t* arena_bytes, TokenStream* out) {
  TokenStream& stream = *out;
  stream.tokens.clear();
  FoldArena arena(&stream.fold_arena, *arena_bytes);
  const char* const arena_base = stream.fold_arena.data();
  std::string scratch;  // the general path's folded form, before it goes into the arena
  // News text averages a token every six bytes or so: reserve once, not as it grows.
  const size_t expected_tokens = text.size() / kBytesPerTokenGuess + 16;
  stream.tokens.reserve(expected_tokens);
  // Locals the compiler can keep in registers: the folded bytes are chars, which may
  // alias anything, so members read through `stream` would be reloaded after each store.
  const char* const data = text.data();
  // Token::sentence is left for Tokenize, which walks the tokens once more anyway.
  auto push = [&](Token& token, uint32_t fold_begin) {
    token.folded = std::string_view(arena_base + fold_begin, arena.size() - fold_begin);
    stream.tokens.push_back(token);
  };
  Scanner scanner(text);
  uint32_t pos = 0;
  bool space_before = true;
  const uint32_t size = static_cast<uint32_t>(text.size());
  while (pos < size) {
    if (data[pos] == ' ') {  // most spaces: skip them without decoding
      space_before = true;
      ++pos;
      continue;
    }
    CodePoint cp = scanner.At(pos);
    if (IsSpace(cp.value)) {
      space_before = true;
      pos = cp.end;
      continue;
    }
    Token token;
    token.space_before = space_before;
    space_before = false;
    // ASCII fast path for the two commonest tokens: plain words (letters and digits,
    // not a dotted abbreviation, no apostrophe or non-ASCII letter after them) and
    // ASCII punctuation other than the apostrophe. Anything else, or a word that
    // turns out not to be plain, takes the general path below, which gives the same.
    if (const unsigned char first = static_cast<unsigned char>(data[pos]); first < 0x80) {
      if (IsAsciiLetter(first) && !(pos + 1 < size && data[pos + 1] == '.')) {
        // Scanned, counted and folded in one loop; the folded bytes only count once
        // the word turns out to be plain. A word is never longer than the rest of the text.
        const AsciiRun run = ScanAsciiRun(data, pos, size, arena.Reserve(size - pos));
        const uint32_t end = run.end;
        const unsigned char stop = end < size ? static_cast<unsigned char>(data[end]) : ' ';
        if (stop < 0x80 && stop != '\'') {
          token.kind = TokenKind::kWord;
          token.span = ByteSpan{pos, end};
          token.capitalized = IsAsciiUpper(first);
          token.all_caps = run.AllCaps();
          const uint32_t fold_begin = arena.size();
          arena.Commit(end - pos);
          push(token, fold_begin);
          // Most words end at a space: step over it here rather than in a turn of the loop.
          space_before = end < size && stop == ' ';
          pos = end + (space_before ? 1 : 0);
          continue;
        }
      } else if (!IsAsciiAlnum(first) && first != '\'') {
        token.kind = TokenKind::kPunct;
        token.span = ByteSpan{pos, pos + 1};
        const uint32_t fold_begin = arena.size();
        arena.Push(static_cast<char>(first));
        push(token, fold_begin);
        pos = pos + 1;
        continue;
      }
    }
    uint32_t end = cp.end;
    if (IsLetter(cp.value)) {
      token.kind = TokenKind::kWord;
      // A dotted abbreviation: single letters joined by dots ("U.S.", "U.N.").
      bool dotted = false;
      {
        uint32_t probe = cp.end;
        int letters = 1;
        while (probe + 1 < size && text[probe] == '.' && IsLetter(scanner.At(probe + 1).value)) {
          CodePoint next = scanner.At(probe + 1);
          uint32_t after = next.end;
          if (after < size && IsLetter(scanner.At(after).value)) break;  // not a single letter
          probe = after;
          ++letters;
        }
        if (letters >= 2) {
          dotted = true;
          end = probe;
          if (end < size && text[end] == '.') ++end;
        }
      }
      if (!dotted) {
        while (end < size) {
          CodePoint next = scanner.At(end);
          if (IsLetter(next.value) || IsDigit(next.value)) {
            end = next.end;
            continue;
          }
          if (IsApostrophe(next.value) && next.end < size) {
            CodePoint after = scanner.At(next.end);
            if (!IsLetter(after.value)) break;
            // A possessive "'s" ends the word: "Iraq's" -> "Iraq" + "'s".
            bool possessive = (after.value == 's' || after.value == 'S') &&
                              (after.end >= size || !IsLetter(scanner.At(after.end).value));
            if (possessive) break;
            end = after.end;
            continue;
          }
          break;
        }
      }
    } else if (IsDigit(cp.value)) {
      token.kind = TokenKind::kNumber;
      while (end < size) {
        CodePoint next = scanner.At(end);
        if (IsDigit(next.value)) {
          end = next.end;
        } else if (IsNumberJoiner(next.value) && next.end < size && IsDigit(scanner.At(next.end).value)) {
          end = next.end;
        } else {
          break;
        }
      }
      // Ordinals and codes that start with digits read as words: "45th", "1C".
      while (end < size && IsLetter(scanner.At(end).value)) {
        token.kind = TokenKind::kWord;
        end = scanner.At(end).end;
      }
    } else if (IsApostrophe(cp.value) && end < size && (text[end] == 's' || text[end] == 'S') &&
               (end + 1 >= size || !IsLetter(scanner.At(end + 1).value))) {
      token.kind = TokenKind::kWord;  // the possessive "'s"
      end = end + 1;
    } else {
      token.kind = TokenKind::kPunct;
    }
    token.span = ByteSpan{pos, end};
    std::string_view raw = text.substr(pos, end - pos);
    if (token.kind == TokenKind::kWord) {
      CodePoint first = scanner.At(pos);
      token.capitalized = first.value < 0x80 ? (first.value >= 'A' && first.value <= 'Z') : u_isupper(first.value);
      int letters = 0;
      bool all_upper = true;
      for (uint32_t p = pos; p < end;) {
        CodePoint c = scanner.At(p);
        if (IsLetter(c.value)) {
          ++letters;
          if (c.value < 0x80 ? !(c.value >= 'A' && c.value <= 'Z') : !u_isupper(c.value)) all_upper = false;
        }
        p = c.end;
      }
      token.all_caps = all_upper && letters >= 2;
    }
    uint32_t fold_begin = arena.size();
    if (token.kind == TokenKind::kWord && IsApostrophe(scanner.At(pos).value)) {  // the possessive, any apostrophe
      arena.Append("'s");
    } else if (token.kind == TokenKind::kWord) {
      scratch.clear();
      AppendFoldedWord(raw, &scratch);
      arena.Append(scratch);
    } else if (token.kind == TokenKind::kNumber) {
      for (char c : raw) {
        if (c != ',') arena.Push(c);  // "37,980" -> "37980"
      }
    } else {
      UChar32 v = cp.value;
      // Dashes fold to one hyphen and typographic quotes to ASCII: the text stage already
      // does this, but dictionary phrases come here unnormalised.
      if (v == 0x2010 || v == 0x2011 || v == 0x2012 || v == 0x2013 || v == 0x2014 || v == 0x2212) {
        arena.Push('-');
      } else if (v == 0x201C || v == 0x201D || v == 0x201E) {
        arena.Push('"');
      } else if (v == 0x2018 || v == 0x2019) {
        arena.Push('\'');
      } else {
        arena.Append(raw);
      }
    }
    push(token, fold_begin);
    pos = end;
  }
  if (arena.grew()) {
    *arena_bytes = arena.capacity();
    return false;
  }
  arena.Finish();
  return true;
}

}  // namespace

TokenStream Tokenize(std::string_view text) {
  TokenStream stream;
  stream.sentences = SplitSentences(text);
  // Folded forms are never longer than about the text itself; transliteration can grow
  // a few scripts: leave headroom, and tokenize again in the rare text that exceeds it.
  size_t arena_bytes = text.size() + text.size() / 2 + 16;
  if (!TokenizeInto(text, &arena_bytes, &stream)) TokenizeInto(text, &arena_bytes, &stream);
  // Each token's sentence (the first that ends after the token starts, or the last) and the
  // sentences' token ranges, a sentence at a time; any non-space text lies in some sentence.
  if (stream.sentences.empty()) return stream;
  Token* const tokens = stream.tokens.data();
  const auto token_count = static_cast<uint32_t>(stream.tokens.size());
  const auto sentence_count = static_cast<uint32_t>(stream.sentences.size());
  uint32_t token_idx = 0;
  for (uint32_t sentence_idx = 0; sentence_idx < sentence_count; ++sentence_idx) {
    Sentence& sentence = stream.sentences[sentence_idx];
    const uint32_t first = token_idx;
    const uint32_t end = sentence_idx + 1 < sentence_count ? sentence.span.end : UINT32_MAX;
    while (token_idx < token_count && tokens[token_idx].span.begin < end) tokens[token_idx++].sentence = sentence_idx;
    // A sentence without tokens keeps the empty range [0, 0).
    sentence.first_token = token_idx > first ? first : 0;
    sentence.end_token = token_idx > first ? token_idx : 0;
  }
  return stream;
}

}  // namespace crosscheck::text
