#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "text/tokenize.h"

namespace crosscheck::actors {
namespace {

const std::string kDataDir = std::string(CROSSCHECK_SOURCE_DIR) + "/data/actors";

const ActorDictionary& Dict() {
  static const ActorDictionary* dict = [] {
    Result<ActorDictionary> loaded = ActorDictionary::Load(kDataDir);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return new ActorDictionary(std::move(loaded).value());
  }();
  return *dict;
}

TEST(ActorDictionaryTest, LoadsTheShippedData) {
  EXPECT_GE(Dict().size(), 450u);
  EXPECT_FALSE(Dict().version().empty());
}

// MayStartValue only rules out walks: whatever LongestAt finds starting at a word, the word
// may start.
TEST(ActorDictionaryTest, CueWordsMayStartTheirKinds) {
  text::TokenStream stream = text::Tokenize("the so-called group said a little-known militia");
  std::vector<uint32_t> ids = Dict().vocabulary().Encode(stream);
  const PhraseTrie& cues = Dict().cues();
  for (uint32_t token_idx = 0; token_idx < stream.tokens.size(); ++token_idx) {
    PhraseTrie::Match match;
    if (ids[token_idx] == Vocabulary::kUnknown ||
        !cues.LongestAt(stream, ids, token_idx, static_cast<uint32_t>(stream.tokens.size()), &match)) {
      continue;
    }
    for (const PhraseTrie::Entry* entry : match.entries) {
      EXPECT_TRUE(cues.MayStartValue(ids, token_idx, entry->value)) << stream.tokens[token_idx].folded;
    }
  }
  const uint32_t the = 0, so = 1;
  EXPECT_TRUE(cues.MayStartValue(ids, the, static_cast<int32_t>(CueKind::kDefinite)));
  EXPECT_FALSE(cues.MayStartValue(ids, the, static_cast<int32_t>(CueKind::kIntroducer)));
  EXPECT_TRUE(cues.MayStartValue(ids, so, static_cast<int32_t>(CueKind::kIntroducer)));
}

// Words of every length class (one byte, packed, medium, long) are found with their own id,
// and a word differing from an interned one in any byte or in length is not found.
TEST(VocabularyTest, FindsEveryInternedWordAndNoOther) {
  Vocabulary vocabulary;
  std::vector<std::string> words;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (size_t length = 1; length <= 20; ++length) {
    words.push_back(letters.substr(0, length));
    words.push_back(letters.substr(26 - length));
  }
  words.push_back("abcdefghXbcdefgh");  // same head and tail as other medium words of other lengths
  words.push_back("abcdefghabcdefgh");
  std::vector<uint32_t> ids;
  for (const std::string& word : words) ids.push_back(vocabulary.Intern(word));
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    EXPECT_EQ(vocabulary.Find(words[word_idx]), ids[word_idx]) << words[word_idx];
    EXPECT_EQ(vocabulary.Intern(words[word_idx]), ids[word_idx]) << words[word_idx];
  }
  const auto interned = [&](const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  size_t misses = 0;
  for (const std::string& word : words) {
    for (size_t byte_idx = 0; byte_idx < word.size(); ++byte_idx) {
      std::string changed = word;
      changed[byte_idx] = '_';
      if (interned(changed)) continue;
      EXPECT_EQ(vocabulary.Find(changed), Vocabulary::kUnknown) << changed;
      ++misses;
    }
    std::string longer = word;
    longer.push_back('a');
    for (const std::string& other : {longer, word.substr(1)}) {
      if (!interned(other)) {
        EXPECT_EQ(vocabulary.Find(other), Vocabulary::kUnknown) << other;
      }
    }
  }
  EXPECT_GT(misses, 300u);
}

// A word's facts are what the tries answer of it, token by token.
TEST(ActorDictionaryTest, WordFactsAreTheTriesAnswers) {
  text::TokenStream stream = text::Tokenize(
      "The so-called AL group of the al-Shabaab Brigade, a SENIOR senior Senior official of the US army, "
      "Prime Minister Netanyahu said; Several troops, BIN bin Bin, zzyzx.");
  std::vector<uint32_t> ids = Dict().vocabulary().Encode(stream);
  const std::vector<WordFacts>& facts = Dict().word_facts();
  ASSERT_EQ(facts.size(), Dict().vocabulary().size());
  size_t starts_seen = 0;
  for (uint32_t token_idx = 0; token_idx < stream.tokens.size(); ++token_idx) {
    const uint32_t id = ids[token_idx];
    const text::Token& token = stream.tokens[token_idx];
    const WordFacts word = id < facts.size() ? facts[id] : WordFacts{};
    EXPECT_EQ(word.Cues(token), Dict().cues().OneWordValues(token, id)) << token.folded;
    EXPECT_EQ((word.starts & WordFacts::kStartsForm) != 0, Dict().forms().MayStartAt(ids, token_idx)) << token.folded;
    EXPECT_EQ((word.starts & WordFacts::kStartsRole) != 0,
              Dict().roles().MayStartAt(ids, token_idx) || Dict().titles().MayStartAt(ids, token_idx))
        << token.folded;
    EXPECT_EQ((word.starts & WordFacts::kStartsIntroducer) != 0,
              Dict().cues().MayStartValue(ids, token_idx, static_cast<int32_t>(CueKind::kIntroducer)))
        << token.folded;
    if (word.starts != 0) ++starts_seen;
  }
  EXPECT_GE(starts_seen, 5u);  // the sentence does start phrases of each kind
}

// OneWordValues is LongestAt over one token without the walk, case rules included.
TEST(ActorDictionaryTest, OneWordValuesAreTheOneTokenMatches) {
  text::TokenStream stream = text::Tokenize(
      "The AL group of the al-Shabaab Brigade, a SENIOR senior Senior official, said Several troops; BIN bin Bin.");
  std::vector<uint32_t> ids = Dict().vocabulary().Encode(stream);
  for (const PhraseTrie* trie : {&Dict().cues(), &Dict().titles(), &Dict().roles()}) {
    for (uint32_t token_idx = 0; token_idx < stream.tokens.size(); ++token_idx) {
      uint64_t expected = 0;
      PhraseTrie::Match match;
      if (ids[token_idx] != Vocabulary::kUnknown && trie->LongestAt(stream, ids, token_idx, token_idx + 1, &match)) {
        for (const PhraseTrie::Entry* entry : match.entries) expected |= uint64_t{1} << entry->value;
      }
      EXPECT_EQ(trie->OneWordValues(stream.tokens[token_idx], ids[token_idx]), expected)
          << stream.tokens[token_idx].folded;
    }
  }
}

TEST(ActorDictionaryTest, ParentsWalkToTheState) {
  const ActorDictionary& dict = Dict();
  int centcom = dict.FindById("centcom");
  int us = dict.FindById("united_states");
  int pentagon = dict.FindById("us_dod");
  int coalition = dict.FindById("global_coalition");
  int sana = dict.FindById("sana");
  ASSERT_GE(centcom, 0);
  ASSERT_GE(us, 0);
  EXPECT_EQ(dict.actor(centcom).name, "US Central Command");
  EXPECT_EQ(dict.actor(dict.actor(centcom).parent).id, "united_states_military");
  EXPECT_EQ(dict.Root(centcom), us);
  EXPECT_TRUE(dict.SameParty(centcom, pentagon));
  // A coalition led by one state counts on that state's side (MANIFEST).
  EXPECT_TRUE(dict.SameParty(centcom, coalition));
  EXPECT_FALSE(dict.SameParty(centcom, sana));
  EXPECT_TRUE(dict.IsWithin(centcom, us));
  EXPECT_FALSE(dict.IsWithin(us, centcom));
  EXPECT_EQ(dict.actor(dict.Root(sana)).id, "syria");
  EXPECT_EQ(dict.actor(dict.MilitaryOf(us)).id, "united_states_military");
  EXPECT_EQ(dict.FindById("no_such_actor"), -1);
}

struct FormCase {
  const char* surface;
  const char* id;
};

class FormTest : public ::testing::TestWithParam<FormCase> {};

TEST_P(FormTest, FindsTheActor) {
  const ActorDictionary& dict = Dict();
  std::vector<int> found = dict.FindByForm(GetParam().surface);
  int expected = dict.FindById(GetParam().id);
  ASSERT_GE(expected, 0) << GetParam().id;
  EXPECT_NE(std::find(found.begin(), found.end(), expected), found.end()) << GetParam().surface;
}

INSTANTIATE_TEST_SUITE_P(Forms, FormTest,
                         ::testing::Values(FormCase{"U.S.", "united_states"}, FormCase{"CENTCOM", "centcom"},
                                           FormCase{"Central Command", "centcom"},
                                           FormCase{"Hashd al-Shaabi", "pmf"},
                                           FormCase{"Kata’ib Hezbollah", "kataib_hezbollah"},
                                           FormCase{"Kataib Hezbollah", "kataib_hezbollah"},
                                           FormCase{"al Shabaab", "al_shabaab"},
                                           FormCase{"Al-Shabaab", "al_shabaab"},
                                           FormCase{"Daesh", "islamic_state"}, FormCase{"ISIL", "islamic_state"},
                                           FormCase{"Ansar Allah", "houthis"}, FormCase{"Tatmadaw", "myanmar_military"},
                                           FormCase{"CJTF-OIR", "global_coalition"},
                                           FormCase{"Arab coalition", "saudi_led_coalition"},
                                           FormCase{"Washington", "united_states_government"},
                                           FormCase{"Tehran", "iran_government"},
                                           FormCase{"UNSMIL", "unsmil"}, FormCase{"ATMIS", "atmis"},
                                           FormCase{"Wagner Group", "wagner"}, FormCase{"JNIM", "jnim"},
                                           FormCase{"Syrian Arab News Agency", "sana"},
                                           FormCase{"US Central Command", "centcom"}));

TEST(ActorDictionaryTest, SharedFormsListEveryOwner) {
  const ActorDictionary& dict = Dict();
  std::vector<int> found = dict.FindByForm("coalition");
  EXPECT_EQ(found.size(), 2u);
  EXPECT_TRUE(dict.FindByForm("us").empty()) << "the pronoun is not the country";
  EXPECT_TRUE(dict.FindByForm("is").empty());
}

// A scratch data folder whose actors.tsv the test writes; the other files are the real ones.
class BadDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cc_actors_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    for (const char* file : {"titles.tsv", "roles.tsv", "cues.tsv", "state_bodies.tsv", "MANIFEST"}) {
      std::filesystem::copy_file(kDataDir + "/" + file, dir_ / file,
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& file, const std::string& content) { std::ofstream(dir_ / file) << content; }

  Status LoadStatus() {
    Result<ActorDictionary> loaded = ActorDictionary::Load(dir_.string());
    return loaded.ok() ? Status::Ok() : loaded.status();
  }

  std::filesystem::path dir_;
};

constexpr const char* kHeader = "# format: crosscheck.actors v1\nid\tname\ttype\tcountry\tparent\taliases\tadjectives\n";

TEST_F(BadDataTest, AcceptsAMinimalFile) {
  Write("actors.tsv", std::string(kHeader) + "a_state\tA State\tstate\tAS\t\tAS|A-State\tAsian\n");
  EXPECT_TRUE(LoadStatus().ok()) << LoadStatus().ToString();
}

TEST_F(BadDataTest, StateBodiesComeFromTemplatesUnlessWrittenByHand) {
  Write("actors.tsv", std::string(kHeader) +
                          "a_state\tA State\tstate\tAS\t\t\tAsian\n"
                          "a_state_government\tAsian government\tgovernment\tAS\ta_state\t\t\n"
                          "a_state_health\tAsian Health Ministry\tgovernment\tAS\ta_state_government\t\t\n"
                          "b_state\tB State\tstate\tBS\t\t\tBeeish\n");
  Write("state_bodies.tsv", "# format: crosscheck.state_bodies v1\nbody\tname\ttype\taliases\n"
                            "foreign_ministry\t{adj} Foreign Ministry\tgovernment\t{state}'s foreign ministry\n"
                            "health_ministry\t{adj} Health Ministry\tgovernment\tMinistry of Health of {state}\n");
  Result<ActorDictionary> loaded = ActorDictionary::Load(dir_.string());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<int> foreign = loaded->FindByForm("A State's foreign ministry");
  ASSERT_EQ(foreign.size(), 1u);
  EXPECT_EQ(loaded->actor(foreign[0]).name, "Asian Foreign Ministry");
  EXPECT_EQ(loaded->actor(loaded->actor(foreign[0]).parent).id, "a_state_government");
  std::vector<int> health = loaded->FindByForm("Ministry of Health of A State");
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(loaded->actor(health[0]).id, "a_state_health") << "the hand-written ministry gains the form";
  std::vector<int> other = loaded->FindByForm("Beeish Health Ministry");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(loaded->actor(loaded->actor(other[0]).parent).id, "b_state") << "no government row: the state";
}

TEST_F(BadDataTest, RejectsAStateBodyWithoutAdjective) {
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\t\t\t\t\n");
  Write("state_bodies.tsv", "# format: crosscheck.state_bodies v1\nbody\tname\ttype\taliases\n"
                            "army\tThe Army\tmilitary\t\n");
  EXPECT_NE(LoadStatus().message().find("state_bodies.tsv:3"), std::string::npos) << LoadStatus().message();
}

TEST_F(BadDataTest, RejectsAWrongFormatLine) {
  Write("actors.tsv", "id\tname\n");
  Status status = LoadStatus();
  EXPECT_EQ(status.code(), StatusCode::kDataFormat);
  EXPECT_NE(status.message().find("actors.tsv:1"), std::string::npos) << status.message();
}

TEST_F(BadDataTest, RejectsAnotherVersion) {
  Write("actors.tsv", "# format: crosscheck.actors v2\nid\tname\ttype\tcountry\tparent\taliases\tadjectives\n");
  EXPECT_EQ(LoadStatus().code(), StatusCode::kUnsupported);
}

TEST_F(BadDataTest, ReportsTheLineOfAShortRow) {
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\t\t\t\t\nb\tB\tstate\n");
  Status status = LoadStatus();
  EXPECT_EQ(status.code(), StatusCode::kDataFormat);
  EXPECT_NE(status.message().find("actors.tsv:4"), std::string::npos) << status.message();
}

TEST_F(BadDataTest, RejectsUnknownParentTypeAndOrder) {
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\t\tnobody\t\t\n");
  EXPECT_NE(LoadStatus().message().find("unknown parent"), std::string::npos);
  Write("actors.tsv", std::string(kHeader) + "a\tA\tplanet\t\t\t\t\n");
  EXPECT_NE(LoadStatus().message().find("unknown type"), std::string::npos);
  Write("actors.tsv", std::string(kHeader) + "b\tB\tstate\t\t\t\t\na\tA\tstate\t\t\t\t\n");
  EXPECT_NE(LoadStatus().message().find("sorted"), std::string::npos);
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\tUSA\t\t\t\n");
  EXPECT_NE(LoadStatus().message().find("ISO"), std::string::npos);
}

TEST_F(BadDataTest, RejectsAParentCycle) {
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\t\tb\t\t\nb\tB\tstate\t\ta\t\t\n");
  EXPECT_NE(LoadStatus().message().find("cycle"), std::string::npos);
}

TEST_F(BadDataTest, ReportsABadRoleKind) {
  Write("actors.tsv", std::string(kHeader) + "a\tA\tstate\t\t\t\t\n");
  Write("roles.tsv", "# format: crosscheck.roles v1\nrole\tkind\nspokesman\tpuppet\n");
  Status status = LoadStatus();
  EXPECT_NE(status.message().find("roles.tsv:3"), std::string::npos) << status.message();
}

TEST_F(BadDataTest, ReportsAMissingFile) {
  std::filesystem::remove(dir_ / "cues.tsv");
  Write("actors.tsv", std::string(kHeader));
  EXPECT_EQ(LoadStatus().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace crosscheck::actors
