#include "claims/phrase_trie.h"

#include <gtest/gtest.h>

#include "text/tokenize.h"

namespace crosscheck::claims {
namespace {

// Payloads of every phrase starting at each token of `sentence`, as "token:payload" pairs.
std::vector<std::string> MatchAll(const PhraseTrie& trie, const std::string& sentence) {
  text::TokenStream stream = text::Tokenize(sentence);
  const uint32_t end = static_cast<uint32_t>(stream.tokens.size());
  std::vector<uint32_t> ids;
  trie.WordIds(stream.tokens, 0, end, &ids);
  std::vector<std::string> found;
  for (uint32_t token_idx = 0; token_idx < end; ++token_idx) {
    std::vector<PhraseTrie::Hit> hits;
    trie.Match(stream.tokens, ids, 0, token_idx, end, &hits);
    for (const PhraseTrie::Hit& hit : hits) {
      found.push_back(std::to_string(token_idx) + ":" + std::to_string(hit.payload) + "-" + std::to_string(hit.end_token));
    }
  }
  return found;
}

TEST(PhraseTrieTest, WordsOfEveryLengthAreNumberedAndFound) {
  PhraseTrie trie;
  trie.Add({"a"}, 1);                        // one byte
  trie.Add({"drone"}, 2);                    // packed
  trie.Add({"bombed"}, 3);                   // packed, six bytes
  trie.Add({"airstrike"}, 4);                // longer than a packed word
  trie.Add({"carried", "out"}, 5);           // seven bytes, then three
  trie.Add({"responsibility", "for"}, 6);    // long, then short
  trie.Pack();
  EXPECT_EQ(MatchAll(trie, "A drone bombed it."), (std::vector<std::string>{"0:1-1", "1:2-2", "2:3-3"}));
  EXPECT_EQ(MatchAll(trie, "The airstrike was carried out"), (std::vector<std::string>{"1:4-2", "3:5-5"}));
  EXPECT_EQ(MatchAll(trie, "claimed responsibility for it"), (std::vector<std::string>{"1:6-3"}));
  // Words that share their first and last bytes and length are still told apart.
  EXPECT_TRUE(MatchAll(trie, "drove bombad airstroke carried in").empty());
}

TEST(PhraseTrieTest, MediumAndLongWordsAreToldApart) {
  PhraseTrie trie;
  trie.Add({"airstrike"}, 1);                // eight to sixteen bytes: first and last eight
  trie.Add({"counterattack"}, 2);
  trie.Add({"paramilitarygroup"}, 3);        // seventeen bytes: hashed as a string
  trie.Add({"airstrikes", "killed"}, 4);
  trie.Add({"airstrike"}, 5);                // added again: the same word, the same id
  trie.Pack();
  EXPECT_EQ(MatchAll(trie, "airstrike counterattack paramilitarygroup"),
            (std::vector<std::string>{"0:1-1", "0:5-1", "1:2-2", "2:3-3"}));
  EXPECT_EQ(MatchAll(trie, "airstrikes killed"), (std::vector<std::string>{"0:4-2"}));
  // Same first and last eight bytes, other lengths or middles: not the words above.
  EXPECT_TRUE(MatchAll(trie, "airstrikeairstrike counterXattack paramilitarygroupp paramilitaryXgroup").empty());
}

TEST(PhraseTrieTest, UnknownWordsGetNoId) {
  PhraseTrie trie;
  trie.Add({"killed"}, 0);
  trie.Pack();
  text::TokenStream stream = text::Tokenize("Gunmen killed x extraordinarily");
  std::vector<uint32_t> ids;
  trie.WordIds(stream.tokens, 0, static_cast<uint32_t>(stream.tokens.size()), &ids);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0], PhraseTrie::kUnknownWord);
  EXPECT_NE(ids[1], PhraseTrie::kUnknownWord);
  EXPECT_EQ(ids[2], PhraseTrie::kUnknownWord);
  EXPECT_EQ(ids[3], PhraseTrie::kUnknownWord);
}

TEST(PhraseTrieTest, OneWordOnlyTellsWordsThatStartNoLongerPhrase) {
  PhraseTrie trie;
  trie.Add({"killed"}, 1);
  trie.Add({"killed"}, 2);
  trie.Add({"claimed"}, 3);
  trie.Add({"claimed", "responsibility"}, 4);
  trie.Pack();
  text::TokenStream stream = text::Tokenize("killed claimed responsibility");
  std::vector<uint32_t> ids;
  trie.WordIds(stream.tokens, 0, 3, &ids);
  std::span<const uint32_t> payloads;
  ASSERT_TRUE(trie.OneWordOnly(ids[0], &payloads));
  EXPECT_EQ(std::vector<uint32_t>(payloads.begin(), payloads.end()), (std::vector<uint32_t>{1, 2}));
  EXPECT_FALSE(trie.OneWordOnly(ids[1], &payloads));  // "claimed responsibility" starts there
  ASSERT_TRUE(trie.OneWordOnly(ids[2], &payloads));   // only ever a second word
  EXPECT_TRUE(payloads.empty());
}

TEST(PhraseTrieTest, FirstWordNodeAndContinuesAtTellWhereALongerPhraseGoesOn) {
  PhraseTrie trie;
  trie.Add({"claimed"}, 3);
  trie.Add({"claimed", "responsibility"}, 4);
  trie.Add({"twenty", "two"}, 7);
  trie.Pack();
  text::TokenStream stream = text::Tokenize("claimed responsibility, claimed it, twenty-two, twenty");
  const uint32_t end = static_cast<uint32_t>(stream.tokens.size());
  std::vector<uint32_t> ids;
  trie.WordIds(stream.tokens, 0, end, &ids);
  std::span<const uint32_t> payloads;
  const uint32_t claimed = trie.FirstWordNode(ids[0], &payloads);  // a phrase of its own and the start of another
  ASSERT_NE(claimed, 0u);
  EXPECT_EQ(std::vector<uint32_t>(payloads.begin(), payloads.end()), (std::vector<uint32_t>{3}));
  EXPECT_TRUE(trie.ContinuesAt(stream.tokens, ids, 0, claimed, 1, end));   // "responsibility"
  EXPECT_FALSE(trie.ContinuesAt(stream.tokens, ids, 0, claimed, 4, end));  // "it"
  const uint32_t twenty = trie.FirstWordNode(ids[6], &payloads);
  ASSERT_NE(twenty, 0u);
  EXPECT_TRUE(payloads.empty());
  EXPECT_TRUE(trie.ContinuesAt(stream.tokens, ids, 0, twenty, 7, end));        // past the hyphen to "two"
  EXPECT_FALSE(trie.ContinuesAt(stream.tokens, ids, 0, twenty, end, end));     // nothing after the last word
  EXPECT_EQ(trie.FirstWordNode(ids[1], &payloads), 0u);                        // only ever a second word
  EXPECT_TRUE(payloads.empty());
}

TEST(PhraseTrieTest, HyphensInsideAPhraseAreSkipped) {
  PhraseTrie trie;
  trie.Add({"twenty", "two"}, 7);
  trie.Pack();
  EXPECT_EQ(MatchAll(trie, "twenty-two people"), (std::vector<std::string>{"0:7-3"}));
}

}  // namespace
}  // namespace crosscheck::claims
