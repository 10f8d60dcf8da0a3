// The typed token stream every later stage reads: one pass over the cleaned text
// gives word, number and punctuation tokens with byte spans and folded forms.
// A TokenStream owns the arena its folded views point into; it is immutable after
// Tokenize() and safe to read from several threads.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace crosscheck::text {

enum class TokenKind : uint8_t {
  kWord,    // letters, with inner apostrophes ("Kata'ib") and dotted abbreviations ("U.S.")
  kNumber,  // digits with inner , . : / ("37,980", "22:00", "18.06.2018"); ordinals "45th" are words
  kPunct,   // one punctuation character (hyphens and quotes included)
};

struct Token {
  ByteSpan span;               // into the cleaned text
  std::string_view folded;     // lower case, no diacritics, no apostrophes or dots: "kataib", "us"
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;    // first letter upper case in the text
  bool all_caps = false;       // every letter upper case and more than one letter ("SANA", "U.S.")
  bool space_before = false;   // white space separates it from the previous token
  uint32_t sentence = 0;       // index into TokenStream::sentences
};

struct Sentence {
  ByteSpan span;               // trimmed of surrounding white space
  uint32_t first_token = 0;    // [first_token, end_token) in TokenStream::tokens
  uint32_t end_token = 0;
  uint32_t paragraph = 0;      // blank-line separated block the sentence sits in
};

// The bytes every Token::folded views: on the heap, so that moving the stream keeps the views
// valid, and allocated without zero-filling, since the tokenizer writes each byte a view covers
// before taking the view (a zero-fill was a second pass over 1.5 times the text).
class FoldStore {
 public:
  const char* data() const { return bytes_.get(); }
  char* data() { return bytes_.get(); }
  size_t size() const { return size_; }
  // Room for `size` bytes, whose contents are unspecified.
  void Allocate(size_t size) {
    if (size > capacity_) {
      bytes_ = std::make_unique_for_overwrite<char[]>(size);
      capacity_ = size;
    }
    size_ = size;
  }
  // Room for `size` bytes, the first `keep` (at most the current size) as they were.
  void Grow(size_t size, size_t keep) {
    std::unique_ptr<char[]> grown = std::make_unique_for_overwrite<char[]>(size);
    if (keep != 0) std::memcpy(grown.get(), bytes_.get(), keep);
    bytes_ = std::move(grown);
    capacity_ = size_ = size;
  }
  // Keeps the first `size` bytes (at most the current size).
  void Truncate(size_t size) { size_ = size; }

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

struct TokenStream {
  TokenStream() = default;
  TokenStream(TokenStream&&) = default;
  TokenStream& operator=(TokenStream&&) = default;
  // Copies would leave Token::folded pointing into the original's arena.
  TokenStream(const TokenStream&) = delete;
  TokenStream& operator=(const TokenStream&) = delete;

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  FoldStore fold_arena;        // backing store of every Token::folded
};

}  // namespace crosscheck::text
