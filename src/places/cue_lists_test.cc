#include "places/cue_lists.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crosscheck::places {
namespace {

std::vector<uint32_t> ListOf(const CueLists& lists, std::string_view word) {
  std::span<const uint32_t> list = lists.Of(word);
  return std::vector<uint32_t>(list.begin(), list.end());
}

TEST(CueListsTest, KeepsEachWordsCuesInTheOrderAdded) {
  CueLists lists;
  lists.Add("of", 3);
  lists.Add("near", 1);
  lists.Add("of", 0);
  lists.Add("outskirts", 7);  // longer than a packed word
  lists.Add("of", 5);
  lists.Add("outskirts", 2);
  EXPECT_EQ(ListOf(lists, "of"), (std::vector<uint32_t>{3, 0, 5}));
  EXPECT_EQ(ListOf(lists, "near"), (std::vector<uint32_t>{1}));
  EXPECT_EQ(ListOf(lists, "outskirts"), (std::vector<uint32_t>{7, 2}));
  EXPECT_EQ(lists.word_count(), 3u);
  ASSERT_NE(lists.ListOf("near"), nullptr);
  EXPECT_EQ(*lists.ListOf("near"), (std::vector<uint32_t>{1}));
}

TEST(CueListsTest, OtherWordsHaveNone) {
  CueLists lists;
  lists.Add("of", 0);
  lists.Add("outskirts", 1);
  for (const char* word : {"", "o", "off", "ofs", "outskirt", "outskirtss", "near"}) {
    EXPECT_TRUE(lists.Of(word).empty()) << word;
    EXPECT_EQ(lists.ListOf(word), nullptr) << word;
  }
  EXPECT_TRUE(lists.Of(std::string("of\0", 3)).empty());  // the length is part of the word
}

}  // namespace
}  // namespace crosscheck::places
