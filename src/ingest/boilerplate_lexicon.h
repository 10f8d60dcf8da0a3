// Boilerplate phrases (share/subscribe/cookie notices, "read more" lines) loaded
// from data/boilerplate/phrases.tsv, and the line filter for pasted plain text.
// A loaded lexicon is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace crosscheck {

inline constexpr std::string_view kBoilerplateFormatTag = "# format: crosscheck.boilerplate v1";

class BoilerplateLexicon {
 public:
  BoilerplateLexicon() = default;
  // `phrases` are normalised (see NormalizeForMatch) on construction.
  explicit BoilerplateLexicon(std::vector<std::string> phrases);

  // True when the normalised `line` contains one of the phrases. Callers
  // decide first whether the line is short enough to be a notice at all.
  bool Matches(std::string_view line) const;
  size_t size() const { return phrases_.size(); }

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };
  std::vector<std::string> phrases_;
  // Phrases by their first word: a phrase can only match where a line's word is its
  // first word, so a line is checked against a few phrases, not all of them.
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>> by_first_word_;
};

// Lower-cases ASCII, turns punctuation into spaces and collapses white space,
// so that "Share this:" and "SHARE  THIS" compare equal. Non-ASCII bytes are kept.
std::string NormalizeForMatch(std::string_view text);

// Reads the phrase file: the format tag line, a header line `phrase`, then one
// phrase a line; `#` lines and blank lines are skipped.
Result<BoilerplateLexicon> LoadBoilerplate(const std::string& path);

// Drops from pasted plain text the lines that are navigation or notices:
// short lines without sentence punctuation that match a phrase, and runs of
// menu-like lines (very short, no punctuation, several in a row). Paragraph
// breaks are kept; everything else is returned unchanged.
std::string StripPlainTextBoilerplate(std::string_view text, const BoilerplateLexicon& lexicon);

// Words (runs of bytes above ' ') in `s`, counted no further than `limit` + 1: a paragraph
// is known to be too long for a notice after a few words, not after all of them.
size_t CountWordsUpTo(std::string_view s, size_t limit);

// Shared by the HTML extractor: a line is "short" for boilerplate purposes.
bool IsShortNoticeLine(std::string_view line);
// True when the line ends like a sentence (. ! ? or a closing quote after one).
bool EndsLikeSentence(std::string_view line);

}  // namespace crosscheck
