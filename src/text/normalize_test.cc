#include "text/normalize.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

TEST(Clean, FoldsTypographyAndCollapsesSpace) {
  CleanText clean = Clean("  Kata\u2019ib   said \u201cno\u201d \u2014 twice\u00a0more.  \r\n\r\n\r\n\r\nNext  line");
  EXPECT_EQ(clean.text, "Kata'ib said \"no\" - twice more.\n\nNext line");
}

TEST(Clean, MapsCleanOffsetsBackToTheInput) {
  std::string input = "A  \u2018b\u2019\n\n\n  c";
  CleanText clean = Clean(input);
  ASSERT_EQ(clean.text, "A 'b'\n\nc");
  EXPECT_EQ(clean.SourceOffset(0), 0u);
  EXPECT_EQ(input.substr(clean.SourceOffset(3), 1), "b");
  EXPECT_EQ(input.substr(clean.SourceOffset(static_cast<uint32_t>(clean.text.find('c'))), 1), "c");
}

TEST(Clean, ComposesToNfcAndDropsInvisibles) {
  CleanText clean = Clean("Albu\u200b Kama\u0304l");
  EXPECT_EQ(clean.text, "Albu Kam\u0101l");
}

// Long runs of plain words are skipped sixteen bytes at a time and resumed after each byte
// tested alone: a space at every offset of a block, double spaces, tabs, a control byte and a
// non-ASCII letter deep in the run must come out as from a byte-at-a-time reading, with their
// offsets.
TEST(Clean, LongPlainRunsKeepEveryByteAndOffset) {
  std::string input;
  std::string expected;
  for (int word_length = 1; word_length <= 20; ++word_length) {
    const std::string word(static_cast<size_t>(word_length), static_cast<char>('a' + word_length % 26));
    input += word + " ";
    expected += word + " ";
  }
  input += "x  y\tz\x01w\x7Fv \u00e9t\u00e9 end";
  expected += "x y zwv \u00e9t\u00e9 end";
  CleanText clean = Clean(input);
  EXPECT_EQ(clean.text, expected);
  const auto end_at = static_cast<uint32_t>(clean.text.rfind("end"));
  EXPECT_EQ(input.substr(clean.SourceOffset(end_at), 3), "end");
  const auto v_at = static_cast<uint32_t>(clean.text.rfind('v'));
  EXPECT_EQ(input.substr(clean.SourceOffset(v_at), 1), "v");
}

}  // namespace
}  // namespace crosscheck::text
