#include "claims/sentence_context.h"

#include <gtest/gtest.h>

#include "claims/dates.h"
#include "claims/numbers.h"
#include "claims/test_lexicon.h"
#include "text/tokenize.h"

namespace crosscheck::claims {
namespace {

// One document of the given text, with no actor or place mentions.
struct OneDocument {
  explicit OneDocument(const std::string& text) {
    doc.text = text;
    tokens = text::Tokenize(doc.text);
    view.doc = &doc;
    view.tokens = &tokens;
  }
  Document doc;
  text::TokenStream tokens;
  DocumentView view;
};

// The readers of counts, years and dates pass by a sentence without digits only when it
// has none of their cues either: number words and month names still count.
TEST(SentenceContextTest, NumbersAreToldFromNumberWords) {
  OneDocument digits("Gunmen killed 12 villagers in June 2018.");
  SentenceContext with_digits(digits.view, TestLexicon(), 0);
  EXPECT_TRUE(with_digits.HasNumber());
  EXPECT_EQ(YearIn(with_digits), 2018);
  ASSERT_FALSE(FindCounts(with_digits).empty());
  EXPECT_EQ(FindCounts(with_digits).front().value, 12);

  OneDocument words("Gunmen killed five villagers on Tuesday.");
  SentenceContext without_digits(words.view, TestLexicon(), 0);
  EXPECT_FALSE(without_digits.HasNumber());
  EXPECT_FALSE(YearIn(without_digits).has_value());
  ASSERT_EQ(FindCounts(without_digits).size(), 1u);
  EXPECT_EQ(FindCounts(without_digits).front().value, 5);
  ASSERT_EQ(ReadDates(without_digits, DateContext{}).size(), 1u);
  EXPECT_EQ(ReadDates(without_digits, DateContext{}).front().weekday, 1);  // Monday is 0

  OneDocument neither("The group denied any role.");
  SentenceContext plain(neither.view, TestLexicon(), 0);
  EXPECT_FALSE(plain.HasNumber());
  EXPECT_TRUE(FindCounts(plain).empty());
  EXPECT_TRUE(ReadDates(plain, DateContext{}).empty());
}

}  // namespace
}  // namespace crosscheck::claims
