// The claims stage's knowledge, loaded once from data/lexicon/*.tsv: cue phrases by
// class (attack nouns and verbs, weapons, casualty words, reporting verbs with their
// stance, hedges, negation...), number words and calendar words. Immutable after Load.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claims/phrase_trie.h"
#include "core/status.h"
#include "text/tokens.h"

namespace crosscheck::claims {

enum class Cue : uint8_t {
  kAttackNoun,
  kAttackVerb,
  kWeapon,
  kKill,
  kInjure,
  kVictim,
  kReport,
  kReportNoun,
  kAccordingTo,
  kClaimResponsibility,
  kDenyResponsibility,
  kHedge,
  kNegation,
  kNoComment,
  kUnknownPerpetrator,
  kQualifier,
  kCumulative,
  kGeneric,
  kSelfReference,
  kSubcount,
  kPassiveBy,
  kCardinal,
  kMultiplier,
  kSingular,
  kVague,
  kWeekday,
  kMonth,
  kRelativeDay,
  kRelativeSpan,
  kPreviousMonth,
  kPastShift,
  kOtherEvent,
  kHabitual,
  kAnaphor,
  kStopword,
  kRole,
  kOrgHead,  // "faction", "group", "forces" after a party's name
  kReaction, // "condemns", "mourned": verbs of reaction, never modifiers of an attack noun
  kNegationFiller,  // "any", "been": may stand between a negation and the attack it negates
  kDistanceUnit,    // "km", "miles": number = metres in one unit
  kCompass,         // "north-east": number = bearing in degrees, after a distance
  kPatron,          // "backed", "aligned" after a hyphen: the party before it backs the one after
  kDestination,     // "taken to", "moved to": the place after it is where people went, not the scene
  kVantage,         // "speaking from", "by telephone from": the place after it is the speaker's
  kThisPlace,       // "the city's", "the town": points back to a town, the dateline's when none is named
  kForceNoun,       // "military", "army" before an attack word: the report's military
  kMilitaryTarget,  // "a weapons facility", "militant positions": what a force says its strike hit
  kVerbModifier,    // "already", "later", "in a statement": between a subject and its reporting verb
  kBridgeWord,      // "people", "were", "reportedly": between a count and its casualty word
  kThirdPerson,     // "they": in a speaker's own quoted words, others than the speaker
  kWaterway,        // "the Dnipro": a river named like a town is no town
  kSettlement,      // "a town", "a village" after a name and a comma: that name is a town
  kOrdinal,         // "second", "fifth": "a fifth fighter died" adds one to a toll, it is none
  kCarePlace,       // "hospital" after a town: where the wounded were treated, after a casualty word
  kDismissal,       // "baseless", "fabricated": "called the reports baseless" denies them
  kCount,
};

const char* CueName(Cue cue);

// A class as its bit in the masks of classes (SentenceContext::StartsAny, kMarkCues).
constexpr uint64_t CueBit(Cue cue) { return uint64_t{1} << static_cast<unsigned>(cue); }

// Classes only ever asked whether a token is one (SentenceContext::Is): a bit on the token,
// not a hit in the sentence's list. Stopwords and fillers ("the", "of") are half of all cues;
// verb modifiers and bridge words are asked of single words only.
inline constexpr uint64_t kMarkCues =
    CueBit(Cue::kStopword) | CueBit(Cue::kNegationFiller) | CueBit(Cue::kVerbModifier) | CueBit(Cue::kBridgeWord) |
    CueBit(Cue::kThirdPerson);

struct CueEntry {
  Cue cue;
  std::string value;    // event type, stance, victim category or qualifier
  int64_t number = 0;   // for number and calendar words
};

// A cue found in a sentence: tokens [first_token, end_token).
struct CueHit {
  Cue cue;
  uint32_t entry;       // index into Lexicon::entries()
  uint32_t first_token;
  uint32_t end_token;
};

class Lexicon {
 public:
  static Result<Lexicon> Load(const std::string& data_dir);

  // Appends the cues of tokens [first, end) to `out`: at each token, the longest phrase
  // of each class. Appending lets a caller keep the vector it already owns. Classes of
  // kMarkCues go to `marks` instead, one mask per token ((*marks)[0] is tokens[first]'s).
  void Tag(const std::vector<text::Token>& tokens, uint32_t first, uint32_t end, std::vector<CueHit>* out,
           std::vector<uint64_t>* marks) const;

  const CueEntry& entry(uint32_t index) const { return entries_[index]; }
  const std::string& version() const { return version_; }

 private:
  // `fixed_cue`: every row is of this class, read from (first column, second column).
  Status AddFile(const std::string& path, const char* format, std::optional<Cue> fixed_cue = std::nullopt);

  // What Tag makes of a word where no phrase longer than itself goes on, worked out once
  // per word id at load: most words of a sentence are such, and Tag spares them the trie
  // walk. A word that starts longer phrases ("the", "air") is such wherever the next word
  // does not go on with one (PhraseTrie::ContinuesAt).
  struct OneWordCues {
    bool one_word_only = false;  // false: a longer phrase may start here
    uint32_t node = 0;           // the trie node after the word (PhraseTrie::FirstWordNode)
    uint64_t marks = 0;          // kMarkCues classes
    uint32_t first_hit = 0;      // its other cues: one_word_hits_[first_hit, end_hit)
    uint32_t end_hit = 0;
  };
  struct OneWordHit {
    Cue cue;
    uint32_t entry;
  };
  // `hits` as PhraseTrie::Match gives them at a token: the cues Tag keeps, in its order.
  template <typename Emit>
  void ChooseCues(const std::vector<PhraseTrie::Hit>& hits, uint64_t* marks, Emit emit) const;
  void PrepareOneWordCues();

  std::vector<CueEntry> entries_;
  std::vector<Cue> cue_of_entry_;  // entries_[i].cue, packed: Tag reads it for every hit
  PhraseTrie trie_;
  std::vector<OneWordCues> one_word_cues_;  // by word id
  std::vector<OneWordHit> one_word_hits_;
  std::string version_;
};

}  // namespace crosscheck::claims
