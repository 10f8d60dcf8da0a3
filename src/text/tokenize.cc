#include "text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "text/fold.h"

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

// Inner separators that keep a number whole: "37,980", "22:00", "18.06.2018", "3/4".
bool IsNumberJoiner(UChar32 c) { return c == ',' || c == '.' || c == ':' || c == '/'; }

// The fold arena filled through a cursor: sized once, written in place, trimmed at
// the end, so that the hot path does no per-byte or per-word string bookkeeping.
class FoldArena {
 public:
  FoldArena(std::string* store, size_t expected_bytes) : store_(store) { store_->resize(expected_bytes); }
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
  void Finish() { store_->resize(used_); }

 private:
  // Only a transliteration longer than its word can get here.
  [[gnu::noinline]] void Grow(size_t count) { store_->resize(std::max(store_->size() * 2, used_ + count)); }

  std::string* store_;
  size_t used_ = 0;
};

// A generous guess at bytes per token, to reserve the token vectors once.
constexpr size_t kBytesPerTokenGuess = 5;

}  // namespace

TokenStream Tokenize(std::string_view text) {
  TokenStream stream;
  stream.sentences = SplitSentences(text);
  uint32_t sentence_idx = 0;
  // Folded forms are never longer than about the text itself; transliteration can grow
  // a few scripts, so leave headroom and fall back to a rebuild pass if it is exceeded.
  FoldArena arena(&stream.fold_arena, text.size() + text.size() / 2 + 16);
  std::string scratch;  // the general path's folded form, before it goes into the arena
  // News text averages a token every six bytes or so: reserve once, not as it grows.
  const size_t expected_tokens = text.size() / kBytesPerTokenGuess + 16;
  stream.tokens.reserve(expected_tokens);
  std::vector<std::pair<uint32_t, uint32_t>> fold_ranges;
  fold_ranges.reserve(expected_tokens);
  // Locals the compiler can keep in registers: the folded bytes are chars, which may
  // alias anything, so members read through `stream` would be reloaded after each store.
  const char* const data = text.data();
  const uint32_t sentence_count = static_cast<uint32_t>(stream.sentences.size());
  uint32_t sentence_end = sentence_count > 0 ? stream.sentences[0].span.end : 0;
  auto push = [&](Token& token, uint32_t fold_begin, uint32_t token_pos) {
    fold_ranges.emplace_back(fold_begin, arena.size() - fold_begin);
    while (sentence_idx + 1 < sentence_count && sentence_end <= token_pos) {
      sentence_end = stream.sentences[++sentence_idx].span.end;
    }
    token.sentence = sentence_idx;
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
        char* const folded = arena.Reserve(size - pos);
        uint32_t end = pos;
        int letters = 0;
        int upper_letters = 0;
        for (uint8_t facts; end < size && ((facts = kAsciiWord[static_cast<unsigned char>(data[end])]) & kAlnumBit); ++end) {
          letters += facts & kLetterBit;
          upper_letters += (facts & kUpperBit) >> 1;
          // Setting 0x20 lower-cases an ASCII capital: kUpperBit (2) shifted by 4.
          folded[end - pos] = static_cast<char>(data[end] | ((facts & kUpperBit) << 4));
        }
        const unsigned char stop = end < size ? static_cast<unsigned char>(data[end]) : ' ';
        if (stop < 0x80 && stop != '\'') {
          token.kind = TokenKind::kWord;
          token.span = ByteSpan{pos, end};
          token.capitalized = IsAsciiUpper(first);
          token.all_caps = upper_letters == letters && letters >= 2;
          const uint32_t fold_begin = arena.size();
          arena.Commit(end - pos);
          push(token, fold_begin, pos);
          pos = end;
          continue;
        }
      } else if (!IsAsciiAlnum(first) && first != '\'') {
        token.kind = TokenKind::kPunct;
        token.span = ByteSpan{pos, pos + 1};
        const uint32_t fold_begin = arena.size();
        arena.Push(static_cast<char>(first));
        push(token, fold_begin, pos);
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
    push(token, fold_begin, pos);
    pos = end;
  }
  arena.Finish();
  // Views are set last: the arena may have reallocated while it grew.
  for (size_t token_idx = 0; token_idx < stream.tokens.size(); ++token_idx) {
    stream.tokens[token_idx].folded =
        std::string_view(stream.fold_arena).substr(fold_ranges[token_idx].first, fold_ranges[token_idx].second);
  }
  // Sentence token ranges; any non-space text lies in some sentence.
  if (stream.sentences.empty()) return stream;
  for (Sentence& sentence : stream.sentences) sentence.first_token = sentence.end_token = 0;
  for (uint32_t token_idx = 0; token_idx < stream.tokens.size(); ++token_idx) {
    Sentence& sentence = stream.sentences[stream.tokens[token_idx].sentence];
    if (sentence.end_token == 0) sentence.first_token = token_idx;
    sentence.end_token = token_idx + 1;
  }
  return stream;
}

}  // namespace crosscheck::text
