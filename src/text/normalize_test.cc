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

}  // namespace
}  // namespace crosscheck::text
