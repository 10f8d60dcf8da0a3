#include "core/tsv.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(Tsv, ReadsRowsAfterFormatAndHeader) {
  Result<TsvTable> table = ParseTsv("# format: demo v1\n# a comment\nname\tvalue\nalpha\t1\nbeta\n", "demo.tsv", "demo", 1);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].fields[1], "1");
  EXPECT_EQ(table->rows[1].fields[1], "");  // padded to the header's width
  EXPECT_EQ(table->rows[1].line, 5);
  EXPECT_EQ(table->Column("value"), 1);
}

TEST(Tsv, RejectsWrongFormatNewerVersionAndWideRows) {
  EXPECT_EQ(ParseTsv("name\n", "x.tsv", "demo", 1).status().code(), StatusCode::kDataFormat);
  EXPECT_EQ(ParseTsv("# format: other v1\nname\n", "x.tsv", "demo", 1).status().code(), StatusCode::kDataFormat);
  EXPECT_EQ(ParseTsv("# format: demo v3\nname\n", "x.tsv", "demo", 2).status().code(), StatusCode::kDataFormat);
  Result<TsvTable> wide = ParseTsv("# format: demo v1\na\tb\n1\t2\t3\n", "x.tsv", "demo", 1);
  ASSERT_FALSE(wide.ok());
  EXPECT_NE(wide.status().message().find("x.tsv:3"), std::string::npos);
}

TEST(Tsv, SplitListTrimsAndDropsEmpty) {
  EXPECT_EQ(SplitList(" a | b||c "), (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace crosscheck
