#include "claims/same_word.h"

#include <gtest/gtest.h>

#include <string>

namespace crosscheck::claims {
namespace {

TEST(SameWordTest, ComparesLengthAndEveryByte) {
  EXPECT_TRUE(SameWord("in", "in"));
  EXPECT_FALSE(SameWord("on", "in"));
  EXPECT_FALSE(SameWord("it", "in"));  // same length and first byte
  EXPECT_FALSE(SameWord("inside", "in"));
  EXPECT_FALSE(SameWord("i", "in"));
  EXPECT_TRUE(SameWord("", ""));
  EXPECT_FALSE(SameWord("", "in"));
  const std::string relation = "southeast_of";
  EXPECT_TRUE(SameWord(relation, "southeast_of"));
  EXPECT_FALSE(SameWord(relation, "southwest_of"));
}

}  // namespace
}  // namespace crosscheck::claims
