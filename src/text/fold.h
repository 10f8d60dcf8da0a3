// Folding for dictionary matching: lower case, Latin script without diacritics,
// no apostrophes, dots or hyphens inside a word. "Kata’ib" -> "kataib", "U.S." -> "us",
// "Ālbū" -> "albu", "البو" -> its Latin transliteration. Thread-safe (per-thread ICU state).
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::text {

// Appends the folded form of one word to *out.
void AppendFoldedWord(std::string_view word, std::string* out);

// Folds a phrase: words folded and joined by single spaces; punctuation other than
// inner apostrophes and dots separates words. Used to build dictionary keys.
std::string FoldPhrase(std::string_view phrase);

// True when every byte is ASCII: the fast path of most news text.
inline bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace crosscheck::text
