// Comparing a word with a literal in place. std::string_view's == calls compare() out of
// line, and memcmp, whenever the lengths agree; the frames compare words with literals
// millions of times, most of them of the literal's length ("in", "on", "of").
#pragma once

#include <cstring>
#include <string_view>

namespace crosscheck::claims {

// `word == literal`, with the literal's length known where it is inlined, so that the
// compiler compares the few bytes itself.
[[gnu::always_inline]] inline bool SameWord(std::string_view word, std::string_view literal) {
  return word.size() == literal.size() && (literal.empty() || std::memcmp(word.data(), literal.data(), literal.size()) == 0);
}

}  // namespace crosscheck::claims
