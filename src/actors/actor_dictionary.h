// The actor dictionary: states, governments, forces, armed groups, monitors and news
// outlets with their aliases and adjectives (data/actors/actors.tsv), plus the titles,
// roles and cue words that attach people and anonymous sources to them. Loaded once,
// immutable afterwards, safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/phrase_trie.h"
#include "core/status.h"

namespace crosscheck::actors {

struct Actor {
  std::string id;        // stable snake_case id
  std::string name;      // canonical name, as the ledger prints it
  std::string type;      // state, government, military, coalition, armed_group, militia,
                         // monitor, news_agency, media, international_org, official
  std::string country;   // ISO 3166 alpha-2, or empty
  int parent = -1;       // index of the parent actor, -1 at a root
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;
};

enum class TitleKind : uint8_t { kRank, kOffice, kHonorific };
enum class RoleKind : uint8_t { kSpokesperson, kOfficial, kLeader, kLocal, kMedical, kWitness, kMedia, kAnonymous };
enum class CueKind : uint8_t {
  kForce,       // "troops": an actor adjective before it names that actor's force
  kWeapon,      // "warplanes"
  kAttack,      // "strike"
  kOrgHead,     // "group", "militia": "the X group", "X, a militia"
  kOrgSuffix,   // "Brigade", "Front": "X Brigade"
  kIntroducer,  // "so-called"
  kIndefinite,  // "a", "an", "several": the source is not named
  kDefinite,    // "the"
  kLink,        // "for", "of": "spokesman for the X"
  kModifier,    // "senior", "local": before a role
  kParticle,    // "al", "bin": lower-case words inside personal names
  kStateForce,  // "army", "troops": after a state's possessive ("Mali's army") its military
};
inline constexpr size_t kCueKindCount = static_cast<size_t>(CueKind::kStateForce) + 1;  // keep it the last kind

// What a form in actors.tsv is: a name for the actor or an adjective of it.
enum class FormKind : uint8_t { kAlias = 1, kAdjective = 2 };

// What the recogniser asks of every token, answered once per vocabulary word at load: its
// one-word cues (a bit per CueKind) by the case they ask of the token, as
// PhraseTrie::OneWordValues reads them, and which phrases may start with it.
struct WordFacts {
  static constexpr uint8_t kStartsForm = 1;        // forms().WordMayStart
  static constexpr uint8_t kStartsRole = 2;        // roles() or titles().WordMayStart
  static constexpr uint8_t kStartsIntroducer = 4;  // cues().WordMayStartValue(kIntroducer)
  uint16_t cues_any_case = 0, cues_capital = 0, cues_all_caps = 0;
  uint8_t starts = 0;
  // The cue bits a token of this word carries, by its case.
  uint16_t Cues(const text::Token& token) const {
    uint16_t cues = cues_any_case;
    if (token.capitalized || token.all_caps) cues |= cues_capital;
    if (token.all_caps) cues |= cues_all_caps;
    return cues;
  }
};

class ActorDictionary {
 public:
  // Reads actors.tsv, titles.tsv, roles.tsv and cues.tsv from `dir` and MANIFEST's
  // version line. Any malformed row is reported with its file and line.
  static Result<ActorDictionary> Load(const std::string& dir);

  size_t size() const { return actors_.size(); }
  const Actor& actor(int index) const { return actors_[static_cast<size_t>(index)]; }
  const std::string& version() const { return version_; }

  // -1 when absent.
  int FindById(std::string_view id) const;
  // Every actor one of whose names or adjectives folds like `surface` ("U.S." finds
  // the United States; "coalition" finds both coalitions).
  std::vector<int> FindByForm(std::string_view surface) const;
  // The top of the parent chain: US Central Command -> United States.
  int Root(int index) const;
  // True when `ancestor` is `index` or one of its parents.
  bool IsWithin(int index, int ancestor) const;
  // Same top-level party: CENTCOM and the Pentagon are; CENTCOM and the coalition are not.
  bool SameParty(int a, int b) const;
  // The actor's own military child ("United States" -> "US military"), or -1.
  int MilitaryOf(int index) const;

  const Vocabulary& vocabulary() const { return vocabulary_; }
  const PhraseTrie& forms() const { return forms_; }    // value = actor index, tag = FormKind
  const PhraseTrie& titles() const { return titles_; }  // value = TitleKind
  const PhraseTrie& roles() const { return roles_; }    // value = RoleKind
  const PhraseTrie& cues() const { return cues_; }      // value = CueKind (a word may have several)
  // By word id, for every id of vocabulary(); a token of an unknown word has none.
  const std::vector<WordFacts>& word_facts() const { return word_facts_; }

 private:
  void BuildWordFacts();
  Status AddStateBodies(const std::string& path, std::vector<std::string>* parent_ids, std::vector<size_t>* line_nos);

  std::vector<Actor> actors_;
  std::unordered_map<std::string, int> by_id_;
  std::string version_;
  Vocabulary vocabulary_;
  PhraseTrie forms_;
  PhraseTrie titles_;
  PhraseTrie roles_;
  PhraseTrie cues_;
  std::vector<WordFacts> word_facts_;
};

const char* RoleKindName(RoleKind kind);

}  // namespace crosscheck::actors
