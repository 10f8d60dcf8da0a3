// The typed token stream every later stage reads: one pass over the cleaned text
// gives word, number and punctuation tokens with byte spans and folded forms.
// A TokenStream owns the arena its folded views point into; it is immutable after
// Tokenize() and safe to read from several threads.
#pragma once

#include <cstdint>
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

struct TokenStream {
  TokenStream() = default;
  TokenStream(TokenStream&&) = default;
  TokenStream& operator=(TokenStream&&) = default;
  // Copies would leave Token::folded pointing into the original's arena.
  TokenStream(const TokenStream&) = delete;
  TokenStream& operator=(const TokenStream&) = delete;

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string fold_arena;      // backing store of every Token::folded; heap-allocated so moves keep views valid
};

}  // namespace crosscheck::text
