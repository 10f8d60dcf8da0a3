#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string_view>

#include "text/fold.h"

namespace crosscheck::text {
namespace {

std::vector<std::string> Folded(const TokenStream& stream) {
  std::vector<std::string> out;
  for (const Token& token : stream.tokens) out.emplace_back(token.folded);
  return out;
}

std::vector<std::string> SentenceTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& sentence : SplitSentences(text)) out.emplace_back(sentence.span.Of(text));
  return out;
}

TEST(Tokenize, WordsNumbersAbbreviationsAndPossessives) {
  TokenStream stream = Tokenize("The U.S. hit Kata'ib Hezbollah's 45th site at 22:00, killing 37,980.");
  EXPECT_EQ(Folded(stream), (std::vector<std::string>{"the", "us", "hit", "kataib", "hezbollah", "'s", "45th", "site",
                                                       "at", "22:00", ",", "killing", "37980", "."}));
  EXPECT_TRUE(stream.tokens[1].all_caps);
  EXPECT_TRUE(stream.tokens[3].capitalized);
  EXPECT_EQ(stream.tokens[8].kind, TokenKind::kWord);
  EXPECT_EQ(stream.tokens[9].kind, TokenKind::kNumber);
}

TEST(Tokenize, HyphensSplitAndDiacriticsFold) {
  TokenStream stream = Tokenize("Al-Bukamal and \u0100lb\u016b Kam\u0101l");
  EXPECT_EQ(Folded(stream), (std::vector<std::string>{"al", "-", "bukamal", "and", "albu", "kamal"}));
  EXPECT_FALSE(stream.tokens[2].space_before);
}

// The ASCII word path reads sixteen bytes at a time: words longer than that, words that
// stop inside a block or at the text's end, capitals on either side of a block's edge.
TEST(Tokenize, LongWordsAndBlockEdgesFoldAndCountCapitals) {
  TokenStream stream = Tokenize("Supercalifragilisticexpialidocious ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 "
                                "abcdefghijklmnoP Zy9 x{AbCd} WORD");
  EXPECT_EQ(Folded(stream), (std::vector<std::string>{"supercalifragilisticexpialidocious",
                                                       "abcdefghijklmnopqrstuvwxyz0123", "abcdefghijklmnop", "zy9",
                                                       "x", "{", "abcd", "}", "word"}));
  EXPECT_TRUE(stream.tokens[0].capitalized);
  EXPECT_FALSE(stream.tokens[0].all_caps);
  EXPECT_TRUE(stream.tokens[1].all_caps);
  EXPECT_FALSE(stream.tokens[2].capitalized);
  EXPECT_FALSE(stream.tokens[2].all_caps);
  EXPECT_FALSE(stream.tokens[3].all_caps);
  EXPECT_FALSE(stream.tokens[6].all_caps);
  EXPECT_TRUE(stream.tokens[8].all_caps);
  EXPECT_EQ(stream.tokens[1].span.end - stream.tokens[1].span.begin, 30u);
  // A word running into a non-ASCII letter or an apostrophe leaves the fast path whole.
  TokenStream mixed = Tokenize("ABCDEFGHIJKLMNOPQRS\u00c9T Abcdefghijklmnopq'rs");
  EXPECT_EQ(Folded(mixed), (std::vector<std::string>{"abcdefghijklmnopqrset", "abcdefghijklmnopqrs"}));
  EXPECT_TRUE(mixed.tokens[0].all_caps);
}

// Every folded view must point into the stream's own arena, also when transliteration made
// the folded forms outgrow the arena's first size (one ligature here folds to a phrase).
TEST(Tokenize, FoldedViewsPointIntoTheArenaAfterItGrows) {
  std::string text;
  for (int repeat = 0; repeat < 200; ++repeat) text += "Peace \uFDFA and ";
  TokenStream stream = Tokenize(text);
  ASSERT_EQ(stream.tokens.size(), 600u);
  EXPECT_GT(stream.tokens[1].folded.size(), 3 * 3u) << stream.tokens[1].folded;  // longer than the 3 bytes it came from
  EXPECT_GT(stream.fold_arena.size(), text.size() + text.size() / 2 + 16);
  const char* const begin = stream.fold_arena.data();
  const char* const end = begin + stream.fold_arena.size();
  for (const Token& token : stream.tokens) {
    ASSERT_TRUE(token.folded.data() >= begin && token.folded.data() + token.folded.size() <= end);
  }
  EXPECT_EQ(stream.tokens[0].folded, "peace");
  EXPECT_EQ(stream.tokens[599].folded, "and");
  EXPECT_EQ(stream.tokens[598].folded, stream.tokens[1].folded);
}

TEST(FoldStore, GrowKeepsTheBytesAskedForAndTruncateTheSize) {
  FoldStore store;
  store.Allocate(4);
  ASSERT_EQ(store.size(), 4u);
  std::memcpy(store.data(), "abcd", 4);
  store.Grow(16, 3);
  ASSERT_EQ(store.size(), 16u);
  EXPECT_EQ(std::string_view(store.data(), 3), "abc");
  store.Truncate(2);
  EXPECT_EQ(store.size(), 2u);
  EXPECT_EQ(std::string_view(store.data(), 2), "ab");
  // Room already there is reused: views into it stay where they were.
  const char* const before = store.data();
  store.Allocate(10);
  EXPECT_EQ(store.data(), before);
  EXPECT_EQ(store.size(), 10u);
  store.Allocate(32);
  EXPECT_EQ(store.size(), 32u);
}

TEST(Tokenize, SpansPointIntoTheText) {
  std::string text = "Russia said. Iraq denied.";
  TokenStream stream = Tokenize(text);
  ASSERT_EQ(stream.sentences.size(), 2u);
  const Sentence& second = stream.sentences[1];
  EXPECT_EQ(second.span.Of(text), "Iraq denied.");
  EXPECT_EQ(stream.tokens[second.first_token].span.Of(text), "Iraq");
  EXPECT_EQ(second.end_token, stream.tokens.size());
}

TEST(Sentences, SurviveAbbreviationsDecimalsDatesAndHeadlines) {
  SetSentenceAbbreviations({"Dr.", "Maj.", "Gen.", "Lt.", "No."});
  EXPECT_EQ(SentenceTexts("Maj. Gen. Yuri Popov spoke on Monday (18.06.2018) about the U.S. strike. It killed 2.5 percent."),
            (std::vector<std::string>{"Maj. Gen. Yuri Popov spoke on Monday (18.06.2018) about the U.S. strike.",
                                      "It killed 2.5 percent."}));
  EXPECT_EQ(SentenceTexts("Headline Without Stop\n\nDr. Smith treated No. 4 ward. Done"),
            (std::vector<std::string>{"Headline Without Stop", "Dr. Smith treated No. 4 ward.", "Done"}));
  EXPECT_EQ(SentenceTexts("- first bullet\n- second bullet"),
            (std::vector<std::string>{"- first bullet", "- second bullet"}));
}

TEST(Fold, PhrasesJoinWordsWithSpaces) {
  EXPECT_EQ(FoldPhrase("Kata\u2019ib Sayyid al-Shuhada"), "kataib sayyid al shuhada");
  EXPECT_EQ(FoldPhrase("U.S. Central Command"), "us central command");
}

}  // namespace
}  // namespace crosscheck::text
