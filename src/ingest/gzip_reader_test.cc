#include "ingest/gzip_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace crosscheck {
namespace {

std::string Compress(const std::string& data, bool gzip) {
  z_stream zs{};
  // 15 window bits; +16 writes a gzip header instead of a zlib one.
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

constexpr size_t kLimit = 1 << 20;

TEST(Gunzip, RoundTripsGzipAndZlib) {
  const std::string text = "A drone struck a fuel depot near Example Town late on Tuesday.";
  auto from_gzip = Gunzip(Compress(text, true), kLimit);
  ASSERT_TRUE(from_gzip.ok()) << from_gzip.status().ToString();
  EXPECT_EQ(*from_gzip, text);
  auto from_zlib = Gunzip(Compress(text, false), kLimit);
  ASSERT_TRUE(from_zlib.ok());
  EXPECT_EQ(*from_zlib, text);
}

TEST(Gunzip, ReadsConcatenatedMembers) {
  auto out = Gunzip(Compress("first part, ", true) + Compress("second part", true), kLimit);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "first part, second part");
}

TEST(Gunzip, LargeOutputSpansManyChunks) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "line " + std::to_string(i) + "\n";
  auto out = Gunzip(Compress(text, true), kLimit);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, text);
}

TEST(Gunzip, RefusesABomb) {
  const std::string bomb = Compress(std::string(8 << 20, 'A'), true);
  auto out = Gunzip(bomb, kLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kTooLarge);
}

TEST(Gunzip, ExactlyAtTheLimitIsFine) {
  auto out = Gunzip(Compress(std::string(1000, 'b'), true), 1000);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->size(), 1000u);
  EXPECT_EQ(Gunzip(Compress(std::string(1001, 'b'), true), 1000).status().code(), StatusCode::kTooLarge);
}

TEST(Gunzip, TruncatedStreamIsReported) {
  const std::string whole = Compress("A drone struck a fuel depot near Example Town late on Tuesday.", true);
  auto out = Gunzip(whole.substr(0, whole.size() / 2), kLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kBadEncoding);
  EXPECT_NE(out.status().message().find("cut short"), std::string::npos);
}

TEST(Gunzip, PlainTextIsNotGzip) {
  auto out = Gunzip("just some plain text named .gz", kLimit);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kBadEncoding);
}

TEST(Gunzip, EmptyInputIsKEmpty) { EXPECT_EQ(Gunzip("", kLimit).status().code(), StatusCode::kEmpty); }

TEST(Gunzip, TrailingGarbageAfterTheStreamIsIgnored) {
  auto out = Gunzip(Compress("payload", true) + std::string(16, '\0'), kLimit);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "payload");
}

TEST(LooksGzipped, ChecksMagicBytes) {
  EXPECT_TRUE(LooksGzipped(Compress("x", true)));
  EXPECT_FALSE(LooksGzipped(Compress("x", false)));
  EXPECT_FALSE(LooksGzipped("\x1f"));
  EXPECT_FALSE(LooksGzipped(""));
}

}  // namespace
}  // namespace crosscheck
