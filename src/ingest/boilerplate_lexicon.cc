#include "ingest/boilerplate_lexicon.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck {
namespace {

// A notice ("Share this article", "Sign up for our newsletter") is a few
// words; a real sentence that happens to mention a newsletter is longer.
constexpr size_t kMaxNoticeWords = 14;
// Menu lines ("Home", "World", "Sport") are one to three words each and come
// in runs; a single short line can be a heading, so only runs are dropped.
constexpr size_t kMaxMenuWords = 3;
constexpr size_t kMinMenuRun = 4;

std::string_view Trim(std::string_view s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && static_cast<unsigned char>(s[begin]) <= ' ') ++begin;
  while (end > begin && static_cast<unsigned char>(s[end - 1]) <= ' ') --end;
  return s.substr(begin, end - begin);
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = static_cast<unsigned char>(c) <= ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool HasSentencePunctuation(std::string_view line) {
  return line.find_first_of(".!?;:") != std::string_view::npos;
}

// Set bits of a 16-bit mask, without a library call (no -mpopcnt): pairs, nibbles, bytes.
constexpr uint32_t CountBits16(uint32_t bits) {
  bits = bits - ((bits >> 1) & 0x5555u);
  bits = (bits & 0x3333u) + ((bits >> 2) & 0x3333u);
  bits = (bits + (bits >> 4)) & 0x0F0Fu;
  return (bits + (bits >> 8)) & 0x1Fu;
}

}  // namespace

// Every paragraph of every article is counted: sixteen bytes at a time, a word starting
// at each byte above ' ' whose previous byte is not.
size_t CountWordsUpTo(std::string_view s, size_t limit) {
  size_t words = 0;
  bool in_word = false;
  size_t pos = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (; pos + sizeof(__m128i) <= s.size(); pos += sizeof(__m128i)) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
    // Unsigned byte <= ' ': the minimum with ' ' is the byte itself.
    const auto spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(bytes, space), bytes)));
    const uint32_t word_bytes = ~spaces & 0xFFFFu;
    const uint32_t starts = word_bytes & ~((word_bytes << 1) | static_cast<uint32_t>(in_word));
    words += CountBits16(starts);
    if (words > limit) return limit + 1;
    in_word = (word_bytes >> 15) != 0;
  }
#endif
  for (; pos < s.size(); ++pos) {
    const bool space = static_cast<unsigned char>(s[pos]) <= ' ';
    if (!space && !in_word && ++words > limit) return words;
    in_word = !space;
  }
  return words;
}

BoilerplateLexicon::BoilerplateLexicon(std::vector<std::string> phrases) {
  for (auto& phrase : phrases) {
    std::string norm = NormalizeForMatch(phrase);
    if (!norm.empty()) phrases_.push_back(std::move(norm));
  }
  std::sort(phrases_.begin(), phrases_.end());
  phrases_.erase(std::unique(phrases_.begin(), phrases_.end()), phrases_.end());
  for (uint32_t phrase_idx = 0; phrase_idx < phrases_.size(); ++phrase_idx) {
    const std::string& phrase = phrases_[phrase_idx];
    by_first_word_[phrase.substr(0, phrase.find(' '))].push_back(phrase_idx);
  }
}

std::string NormalizeForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool separator = u < 0x80 && !std::isalnum(u);
    if (separator) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(u < 0x80 ? static_cast<char>(std::tolower(u)) : c);
  }
  return out;
}

bool BoilerplateLexicon::Matches(std::string_view line) const {
  const std::string norm = NormalizeForMatch(line);
  // A phrase matches on word boundaries only, so it starts where a word of the line
  // starts and that word is its first word.
  size_t word_begin = 0;
  while (word_begin < norm.size()) {
    size_t word_end = norm.find(' ', word_begin);
    if (word_end == std::string::npos) word_end = norm.size();
    auto it = by_first_word_.find(std::string_view(norm).substr(word_begin, word_end - word_begin));
    if (it != by_first_word_.end()) {
      for (uint32_t phrase_idx : it->second) {
        const std::string& phrase = phrases_[phrase_idx];
        const size_t phrase_end = word_begin + phrase.size();
        if (phrase_end <= norm.size() && norm.compare(word_begin, phrase.size(), phrase) == 0 &&
            (phrase_end == norm.size() || norm[phrase_end] == ' ')) {
          return true;
        }
      }
    }
    word_begin = word_end + 1;
  }
  return false;
}

Result<BoilerplateLexicon> LoadBoilerplate(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open boilerplate phrases: " + path);
  std::string line;
  if (!std::getline(in, line) || Trim(line) != kBoilerplateFormatTag) {
    return Status(StatusCode::kDataFormat,
                  path + ": first line must be '" + std::string(kBoilerplateFormatTag) + "'");
  }
  bool header_seen = false;
  std::vector<std::string> phrases;
  while (std::getline(in, line)) {
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (!header_seen) {
      if (trimmed != "phrase") {
        return Status(StatusCode::kDataFormat, path + ": expected header line 'phrase'");
      }
      header_seen = true;
      continue;
    }
    phrases.emplace_back(trimmed);
  }
  if (!header_seen) return Status(StatusCode::kDataFormat, path + ": missing header line 'phrase'");
  return BoilerplateLexicon(std::move(phrases));
}

bool IsShortNoticeLine(std::string_view line) { return CountWords(line) <= kMaxNoticeWords; }

bool EndsLikeSentence(std::string_view line) {
  line = Trim(line);
  while (!line.empty()) {
    const char last = line.back();
    if (last == '.' || last == '!' || last == '?') return true;
    // Closing quotes and brackets after the full stop: ASCII or U+201D/U+2019 (E2 80 9D/99).
    if (last == '"' || last == '\'' || last == ')') {
      line.remove_suffix(1);
      continue;
    }
    if (line.size() >= 3 && static_cast<unsigned char>(line[line.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(line[line.size() - 2]) == 0x80 &&
        (static_cast<unsigned char>(last) == 0x9D || static_cast<unsigned char>(last) == 0x99)) {
      line.remove_suffix(3);
      continue;
    }
    return false;
  }
  return false;
}

std::string StripPlainTextBoilerplate(std::string_view text, const BoilerplateLexicon& lexicon) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<bool> drop(lines.size(), false);
  std::vector<bool> menu_like(lines.size(), false);
  for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
    const std::string_view line = Trim(lines[line_idx]);
    if (line.empty()) continue;
    const size_t words = CountWordsUpTo(line, kMaxNoticeWords);
    if (words > kMaxNoticeWords) continue;  // IsShortNoticeLine: neither a notice nor a menu line
    // Menu-like: at most a few words with no punctuation at all.
    menu_like[line_idx] = words <= kMaxMenuWords && !HasSentencePunctuation(line) && line.find(',') == std::string_view::npos;
    if (HasSentencePunctuation(line.substr(0, line.size() - 1))) continue;
    if (!EndsLikeSentence(line) && lexicon.Matches(line)) drop[line_idx] = true;
  }
  // Runs of menu-like lines: consecutive non-empty lines of at most a few words
  // with no punctuation at all.
  size_t run_begin = 0;
  for (size_t line_idx = 0; line_idx <= lines.size(); ++line_idx) {
    if (line_idx < lines.size() && menu_like[line_idx]) continue;
    if (line_idx - run_begin >= kMinMenuRun) {
      for (size_t idx = run_begin; idx < line_idx; ++idx) drop[idx] = true;
    }
    run_begin = line_idx + 1;
  }
  std::string out;
  out.reserve(text.size());
  bool previous_blank = false;
  bool dropped_since_text = false;
  for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
    if (drop[line_idx]) {
      dropped_since_text = true;
      continue;
    }
    const bool blank = Trim(lines[line_idx]).empty();
    // Dropping a line must not leave a double blank line where there was one.
    if (blank && (previous_blank || (dropped_since_text && out.empty()))) continue;
    if (line_idx > 0 && !out.empty()) out.push_back('\n');
    out.append(lines[line_idx]);
    previous_blank = blank;
    dropped_since_text = false;
  }
  return out;
}

}  // namespace crosscheck
