#include "claims/lexicon.h"

#include <gtest/gtest.h>

#include "claims/test_lexicon.h"
#include "text/tokenize.h"

namespace crosscheck::claims {
namespace {

struct Tagged {
  std::vector<CueHit> cues;
  std::vector<uint64_t> marks;
};

Tagged TagAll(const std::string& sentence) {
  text::TokenStream stream = text::Tokenize(sentence);
  Tagged tagged;
  TestLexicon().Tag(stream.tokens, 0, static_cast<uint32_t>(stream.tokens.size()), &tagged.cues, &tagged.marks);
  return tagged;
}

bool HasCue(const Tagged& tagged, Cue cue, uint32_t first, uint32_t end) {
  for (const CueHit& hit : tagged.cues) {
    if (hit.cue == cue && hit.first_token == first && hit.end_token == end) return true;
  }
  return false;
}

// "civilians" starts no longer phrase (Tag reads it from its one-word table); "killed"
// ("killed or wounded"), "according" and "claimed" do (Tag walks the trie). Both ways give
// the same kinds of answer.
TEST(LexiconTest, OneWordCuesAndPhrasesAreBothTagged) {
  Tagged tagged = TagAll("Gunmen killed five civilians, according to police.");
  EXPECT_TRUE(HasCue(tagged, Cue::kKill, 1, 2));
  EXPECT_TRUE(HasCue(tagged, Cue::kCardinal, 2, 3));
  EXPECT_TRUE(HasCue(tagged, Cue::kVictim, 3, 4));
  EXPECT_TRUE(HasCue(tagged, Cue::kAccordingTo, 5, 7));
  // Stopwords and bridge words are marks on their token, not hits.
  ASSERT_EQ(tagged.marks.size(), 9u);
  EXPECT_NE(tagged.marks[1] & CueBit(Cue::kStopword), 0u);
  EXPECT_NE(tagged.marks[1] & CueBit(Cue::kBridgeWord), 0u);
  for (const CueHit& hit : tagged.cues) EXPECT_EQ(kMarkCues & CueBit(hit.cue), 0u) << CueName(hit.cue);

  Tagged claimed = TagAll("The group claimed responsibility.");
  EXPECT_TRUE(HasCue(claimed, Cue::kClaimResponsibility, 2, 4));
}

// Cues come in token order, and at one token in ascending class order.
TEST(LexiconTest, CuesComeInTokenThenClassOrder) {
  Tagged tagged = TagAll("The army said an air strike killed 12 civilians and wounded dozens in the town.");
  for (size_t hit_idx = 1; hit_idx < tagged.cues.size(); ++hit_idx) {
    const CueHit& before = tagged.cues[hit_idx - 1];
    const CueHit& hit = tagged.cues[hit_idx];
    EXPECT_TRUE(before.first_token < hit.first_token ||
                (before.first_token == hit.first_token && before.cue < hit.cue));
  }
}

}  // namespace
}  // namespace crosscheck::claims
