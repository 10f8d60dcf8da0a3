// Folded lookup keys shared by the index builder and the matcher, so that both sides fold
// a name the same way: words folded as the tokenizer folds them and joined by one space,
// and a "variant" key without Arabic articles and with one spelling of Abu/Albu/Al Bu.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "places/places_data.h"

namespace crosscheck::places {

// Marks variant keys so they never collide with plain keys.
inline constexpr char kVariantMark = '~';

// Splits a name into folded words the way text::Tokenize folds word tokens ("Deir ez-Zor"
// -> {"deir", "ez", "zor"}; "U.S." -> {"us"}). Empty when the name is in a script other
// than Latin or Arabic: such names never occur in English news.
std::vector<std::string> FoldNameWords(std::string_view name);

// "deir ez zor" from its words.
std::string JoinKey(const std::vector<std::string>& words);

// The variant key of folded words, or "" when it would be empty. Sets *transformed when an
// article or an Abu form was removed or rewritten.
std::string VariantKey(const std::vector<std::string>& words, const PlacesData& data, bool* transformed);

// The same variant key written into *out (cleared first), for the matcher's hot loop: no
// allocation once *out has grown. Returns whether an article or Abu form was removed or
// rewritten; when it was not, *out is kVariantMark followed by the words run together (or
// empty), which the matcher relies on to hash it as the words come.
bool VariantKeyInto(std::span<const std::string_view> words, const PlacesData& data, std::string* out);

// True only when VariantKeyInto(words) leaves the words as they are and is not empty: no word
// is an article, and no Abu form or attached article opens the words run together. The
// matcher then knows the variant key's hash without writing the key, and asks the index's
// filter before writing it. False may also mean "do not know": VariantKeyInto decides.
bool VariantKeyIsPlain(std::span<const std::string_view> words, const PlacesData& data);

// VariantKeyIsPlain for a name that grows a word at a time, as the matcher extends it: each
// word is looked up among the articles once, when added, and the words are walked again only
// when the first word's first byte opens an Abu form or attached article.
class GrowingName {
 public:
  explicit GrowingName(const PlacesData& data) : data_(data) {}
  void Clear() {
    words_.clear();
    has_article_ = false;
  }
  void Add(std::string_view word) {
    words_.push_back(word);
    if (word.size() <= data_.max_article_length && data_.articles.count(word) != 0) has_article_ = true;
  }
  std::span<const std::string_view> words() const { return words_; }
  size_t size() const { return words_.size(); }
  // VariantKeyIsPlain(words(), data).
  bool VariantKeyIsPlain() const;

 private:
  const PlacesData& data_;
  std::vector<std::string_view> words_;
  bool has_article_ = false;
};

}  // namespace crosscheck::places
