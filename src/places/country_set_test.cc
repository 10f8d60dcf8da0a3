#include "places/country_set.h"

#include <gtest/gtest.h>

namespace crosscheck::places {
namespace {

constexpr uint16_t Key(char first, char second) {
  return static_cast<uint16_t>((static_cast<unsigned char>(first) << 8) | static_cast<unsigned char>(second));
}

TEST(CountrySetTest, HoldsExactlyTheKeysAdded) {
  CountrySet set;
  set.Add(Key('S', 'Y'));
  set.Add(Key('A', 'Z'));
  set.Add(Key('Z', 'A'));
  for (uint16_t key : {Key('S', 'Y'), Key('A', 'Z'), Key('Z', 'A')}) EXPECT_TRUE(set.Has(key)) << key;
  for (uint16_t key : {Key('Y', 'S'), Key('A', 'A'), Key('Z', 'Z'), Key('S', 'Z'), Key('T', 'Y')}) {
    EXPECT_FALSE(set.Has(key)) << key;
  }
}

TEST(CountrySetTest, KeysOtherThanTwoCapitalsAreKeptApart) {
  CountrySet set;
  set.Add(Key('S', '\0'));  // a one-letter code
  set.Add(Key('s', 'y'));
  set.Add(Key('s', 'y'));
  EXPECT_TRUE(set.Has(Key('S', '\0')));
  EXPECT_TRUE(set.Has(Key('s', 'y')));
  EXPECT_FALSE(set.Has(Key('S', 'Y')));
  EXPECT_FALSE(set.Has(Key('[', 'A')));  // the byte after 'Z'
  EXPECT_FALSE(set.Has(Key('@', 'A')));  // the byte before 'A'
}

TEST(CountrySetTest, NoCountryIsNeverAMember) {
  CountrySet set;
  set.Add(0);
  EXPECT_FALSE(set.Has(0));
}

}  // namespace
}  // namespace crosscheck::places
