#include "places/place_keys.h"

#include <algorithm>

#include "text/fold.h"

namespace crosscheck::places {
namespace {

// Minimum length of what is left after an attached article ("al" + "raqqa"): shorter
// remainders are more likely ordinary names that start with those letters.
constexpr size_t kMinAttachedRemainder = 4;
// Minimum length after an Abu form ("abu" + "kamal").
constexpr size_t kMinAbuRemainder = 3;
constexpr char kCanonicalAbu[] = "bu";

struct CodePointInfo {
  char32_t value;
  size_t length;
};

CodePointInfo Decode(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return {c, 1};
  size_t length = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
  if (pos + length > s.size()) return {0xFFFD, 1};
  char32_t value = c & (0xFF >> (length + 1));
  for (size_t i = 1; i < length; ++i) value = (value << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
  return {value, length};
}

// Latin (with diacritics and combining marks), general punctuation and Arabic are indexed;
// other scripts are not.
bool IsIndexedScript(char32_t cp) {
  return cp < 0x250 || (cp >= 0x300 && cp < 0x370) || (cp >= 0x1E00 && cp < 0x1F00) ||
         (cp >= 0x2000 && cp < 0x2070) || (cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) ||
         (cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00);
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0x2000 && cp < 0x2070) return false;
  return cp != 0xA0 && cp != 0xAB && cp != 0xBB && cp != 0xB7;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC || cp == 0x60; }

}  // namespace

std::vector<std::string> FoldNameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string raw;
  auto flush = [&] {
    if (raw.empty()) return;
    std::string folded;
    text::AppendFoldedWord(raw, &folded);
    if (!folded.empty()) words.push_back(std::move(folded));
    raw.clear();
  };
  for (size_t pos = 0; pos < name.size();) {
    CodePointInfo cp = Decode(name, pos);
    if (!IsIndexedScript(cp.value)) return {};
    std::string_view bytes = name.substr(pos, cp.length);
    pos += cp.length;
    if (IsWordChar(cp.value)) {
      raw.append(bytes);
      continue;
    }
    // Inner apostrophes and abbreviation dots stay in the word, as in the tokenizer.
    bool next_is_word = pos < name.size() && IsWordChar(Decode(name, pos).value);
    if ((IsApostrophe(cp.value) || cp.value == '.') && !raw.empty() && next_is_word) {
      raw.append(bytes);
      continue;
    }
    flush();
  }
  flush();
  return words;
}

std::string JoinKey(const std::vector<std::string>& words) {
  std::string key;
  for (const std::string& word : words) {
    if (!key.empty()) key.push_back(' ');
    key.append(word);
  }
  return key;
}

bool VariantKeyInto(std::span<const std::string_view> words, const PlacesData& data, std::string* out) {
  bool transformed = false;
  out->assign(1, kVariantMark);
  for (std::string_view word : words) {
    if (word.size() <= data.max_article_length && data.articles.count(word) != 0) {
      transformed = true;
      continue;
    }
    out->append(word);
  }
  std::string_view joined = std::string_view(*out).substr(1);
  // Longest Abu form first: "albu" before "abu" before "bu". The first letter is compared
  // inline: most keys share it with no form, and a library compare call costs more.
  size_t best = 0;
  const char first = joined.empty() ? '\0' : joined.front();
  for (const std::string& form : data.abu_forms) {
    if (form.size() > best && joined.size() >= form.size() + kMinAbuRemainder && form.front() == first &&
        joined.compare(0, form.size(), form) == 0) {
      best = form.size();
    }
  }
  if (best > 0) {
    constexpr std::string_view kAbu = kCanonicalAbu;
    if (joined.substr(0, best) != kAbu) transformed = true;
    out->replace(1, best, kAbu);
    return transformed;
  }
  for (const std::string& article : data.attached_articles) {
    if (joined.size() >= article.size() + kMinAttachedRemainder && (article.empty() || article.front() == first) &&
        joined.compare(0, article.size(), article) == 0) {
      out->erase(1, article.size());
      return true;
    }
  }
  if (out->size() == 1) out->clear();
  return transformed;
}

namespace {

// Whether the words run together start with `prefix` and go on for at least `remainder` bytes
// after it, without running them together.
bool JoinedStartsWith(std::span<const std::string_view> words, size_t joined_size, std::string_view prefix,
                      size_t remainder) {
  if (joined_size < prefix.size() + remainder) return false;
  // Byte by byte: prefixes are a few bytes, shorter than a library compare call.
  size_t matched = 0;
  for (std::string_view word : words) {
    for (size_t byte_idx = 0; byte_idx < word.size() && matched < prefix.size(); ++byte_idx, ++matched) {
      if (word[byte_idx] != prefix[matched]) return false;
    }
    if (matched == prefix.size()) return true;
  }
  return matched == prefix.size();
}

}  // namespace

bool VariantKeyIsPlain(std::span<const std::string_view> words, const PlacesData& data) {
  size_t joined_size = 0;
  for (std::string_view word : words) {
    if (word.size() <= data.max_article_length && data.articles.count(word) != 0) return false;
    joined_size += word.size();
  }
  if (joined_size == 0) return false;
  // Most names start with a byte that opens no Abu form or attached article.
  if (words.front().empty() || !data.variant_openers.test(static_cast<unsigned char>(words.front().front()))) {
    return !words.front().empty();
  }
  // Most of the others with their first two bytes ("Army", "Egypt"): the run-together words
  // start with the first word's.
  if (data.variant_pairs_known && words.front().size() >= 2 &&
      std::find(data.variant_opener_pairs.begin(), data.variant_opener_pairs.end(), BytePair(words.front())) ==
          data.variant_opener_pairs.end()) {
    return true;
  }
  for (const std::string& form : data.abu_forms) {
    if (JoinedStartsWith(words, joined_size, form, kMinAbuRemainder)) return false;
  }
  for (const std::string& article : data.attached_articles) {
    if (JoinedStartsWith(words, joined_size, article, kMinAttachedRemainder)) return false;
  }
  return true;
}

bool GrowingName::VariantKeyIsPlain() const {
  if (has_article_ || words_.empty()) return false;
  const std::string_view first = words_.front();
  // The common case, as in VariantKeyIsPlain: no article, and a first byte that opens nothing.
  if (first.empty() || !data_.variant_openers.test(static_cast<unsigned char>(first.front()))) return !first.empty();
  return places::VariantKeyIsPlain(words_, data_);
}

std::string VariantKey(const std::vector<std::string>& words, const PlacesData& data, bool* transformed) {
  std::vector<std::string_view> views(words.begin(), words.end());
  std::string key;
  *transformed = VariantKeyInto(views, data, &key);
  return key.size() > 1 ? key : std::string();
}

}  // namespace crosscheck::places
