#include "places/short_word_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crosscheck::places {
namespace {

TEST(ShortWordSetTest, FindsExactlyTheWordsAdded) {
  ShortWordSet set;
  for (const char* word : {"al", "el", "ash", "abu", "albu", "bu"}) EXPECT_TRUE(set.insert(word));
  for (const char* word : {"al", "el", "ash", "abu", "albu", "bu"}) EXPECT_EQ(set.count(word), 1u) << word;
  for (const char* word : {"", "a", "the", "als", "b", "albus", "ab", "ashes"}) EXPECT_EQ(set.count(word), 0u) << word;
  EXPECT_EQ(set.max_length(), 4u);
}

TEST(ShortWordSetTest, LengthIsPartOfTheWord) {
  ShortWordSet set;
  EXPECT_TRUE(set.insert("a"));
  EXPECT_EQ(set.count(std::string("a\0", 2)), 0u);
}

TEST(ShortWordSetTest, RejectsEmptyAndLongWords) {
  ShortWordSet set;
  EXPECT_FALSE(set.insert(""));
  EXPECT_FALSE(set.insert("abcdefgh"));
  EXPECT_TRUE(set.insert("abcdefg"));
  EXPECT_EQ(set.count("abcdefg"), 1u);
}

TEST(ShortWordSetTest, IteratesInInsertionOrderWithoutDuplicates) {
  ShortWordSet set;
  for (const char* word : {"bu", "abu", "bu", "albu"}) set.insert(word);
  std::vector<std::string> words(set.begin(), set.end());
  EXPECT_EQ(words, (std::vector<std::string>{"bu", "abu", "albu"}));
}

}  // namespace
}  // namespace crosscheck::places
