#include "actors/find_actors.h"

#include <algorithm>
#include <bitset>

#include <absl/container/flat_hash_map.h>
#include <absl/container/inlined_vector.h>

#include "core/string_table.h"

namespace crosscheck::actors {
namespace {

using text::Token;
using text::TokenKind;

// Bounds of the local phrase grammar: a name, a role and the words between them.
constexpr uint32_t kMaxNameWords = 6;
constexpr uint32_t kMaxModifiers = 3;
constexpr uint32_t kMaxRoleUnits = 3;
constexpr uint32_t kMaxRoleLookBack = 6;
constexpr uint32_t kMaxOrgWords = 8;
constexpr uint32_t kMaxWordsBeforeHead = 3;
// Actor types the grammar reads (actors.tsv). Views, so that a comparison with a type of
// another length stops at the length instead of calling memcmp.
constexpr std::string_view kStateType = "state";
constexpr std::string_view kOfficialType = "official";
constexpr std::string_view kArmedGroupType = "armed_group";
constexpr std::string_view kMilitiaType = "militia";
constexpr std::string_view kMediaType = "media";
constexpr std::string_view kNewsAgencyType = "news_agency";
constexpr std::string_view kInternationalOrgType = "international_org";
constexpr std::string_view kMonitorType = "monitor";
// A generous guess at tokens per actor mention, to reserve the drafts once. News runs at about
// one draft in twelve tokens (p3k), many documents denser: one in sixteen made most of them
// grow the vector, moving every draft's strings and inline vector.
constexpr size_t kTokensPerDraftGuess = 8;
// Context weights for choosing between actors sharing a form ("coalition", "SNA").
constexpr int kSamePartyWeight = 3;
constexpr int kSameCountryWeight = 1;

struct RoleMatch {
  uint32_t begin = 0;  // first token, modifiers included
  uint32_t end = 0;
  RoleKind kind = RoleKind::kOfficial;
  bool plural = false;
};

struct NameMatch {
  uint32_t begin = 0;         // first token, titles included
  uint32_t person_begin = 0;  // first token of the name proper
  uint32_t end = 0;
  bool titled = false;
  uint32_t words = 0;
};

// A mention while it is being built; turned into ActorMention at the end.
struct Draft {
  uint32_t first = 0, end = 0;            // whole phrase
  uint32_t actor_first = 0, actor_end = 0;  // organisation words
  absl::InlinedVector<int, 4> candidates;  // most forms name one or two actors: no allocation
  int actor = -1;
  bool has_alias = false, has_adjective = false;
  bool adjective = false, anonymous = false;
  bool role_left = false;                  // the role came before the organisation
  uint32_t role_first = 0, role_end = 0;   // role tokens, when role_end > role_first
  uint32_t person_first = 0, person_end = 0;
  std::string unresolved_name;
  std::string modifier;
  bool merged = false;  // taken into the draft before it: not emitted
};

// The recogniser's per-token tables, kept per thread: their capacity carries over to the next
// document, which then allocates none of them again. ids and one_word_cues may be longer than
// the document's tokens (MarkTokens).
struct TokenTables {
  std::vector<uint32_t> ids;
  std::vector<int> owner;
  std::vector<uint16_t> one_word_cues;
  std::vector<uint32_t> form_starts, role_starts, organisation_starts;
};

TokenTables& ThreadTokenTables() {
  thread_local TokenTables tables;
  return tables;
}

class Recognizer {
 public:
  Recognizer(const ActorDictionary& dict, std::string_view text, const text::TokenStream& stream, TokenTables& tables)
      : dict_(dict), text_(text), stream_(stream), tokens_(stream.tokens), ids_(tables.ids), owner_(tables.owner),
        one_word_cues_(tables.one_word_cues), form_starts_(tables.form_starts), role_starts_(tables.role_starts),
        organisation_starts_(tables.organisation_starts) {
    owner_.assign(tokens_.size(), -1);
    form_starts_.clear();
    role_starts_.clear();
    organisation_starts_.clear();
    // Drafts are large (strings, an inline vector): growing the vector moves them all.
    drafts_.reserve(tokens_.size() / kTokensPerDraftGuess + 1);
    MarkTokens();
  }

  std::vector<ActorMention> Run() {
    FindDictionaryForms();
    ResolveAmbiguous();
    for (size_t draft_idx = 0; draft_idx < drafts_.size(); ++draft_idx) Attach(draft_idx);
    FindStandaloneRoles();
    FindUnknownOrganisations();
    FindPersonReferences();
    return Emit();
  }

 private:
  // ---- token predicates -------------------------------------------------------------
  const Token& Tok(uint32_t idx) const { return tokens_[idx]; }
  std::string_view Surface(uint32_t first, uint32_t end) const {
    return text_.substr(Tok(first).span.begin, Tok(end - 1).span.end - Tok(first).span.begin);
  }
  uint32_t SentenceEnd(uint32_t idx) const { return stream_.sentences.empty() ? tokens_.size() : stream_.sentences[Tok(idx).sentence].end_token; }
  uint32_t SentenceBegin(uint32_t idx) const { return stream_.sentences.empty() ? 0 : stream_.sentences[Tok(idx).sentence].first_token; }
  bool IsPunct(uint32_t idx, std::string_view folded) const {
    return Tok(idx).kind == TokenKind::kPunct && Tok(idx).folded == folded;
  }
  bool IsQuote(uint32_t idx) const { return IsPunct(idx, "\"") || IsPunct(idx, "'"); }
  bool IsWord(uint32_t idx) const { return Tok(idx).kind == TokenKind::kWord; }
  bool IsPossessive(uint32_t idx) const { return IsPossessiveToken(tokens_, idx); }

  // True when a one-token cue of `kind` stands at idx (case rules of cues.tsv apply).
  bool CueAt(uint32_t idx, CueKind kind) const { return (one_word_cues_[idx] >> static_cast<unsigned>(kind)) & 1u; }

  // One pass over the token ids answers what the later passes ask of every token: the
  // grammar asks "is this word a cue of kind K?" many times per token (one trie look-up per
  // token answers all of them), and each pass lists the few tokens where it can start, so
  // that it visits those instead of rescanning the whole stream.
  void MarkTokens() {
    const Vocabulary& vocabulary = dict_.vocabulary();
    const std::vector<WordFacts>& facts = dict_.word_facts();
    const uint16_t modifier_bit = uint16_t{1} << static_cast<unsigned>(CueKind::kModifier);
    const uint16_t definite_bit = uint16_t{1} << static_cast<unsigned>(CueKind::kDefinite);
    // Every entry of the document's tokens is written below, and no pass reads past them:
    // the tables only grow, so that a document no longer than the longest before them
    // zero-fills nothing.
    if (ids_.size() < tokens_.size()) ids_.resize(tokens_.size());
    if (one_word_cues_.size() < tokens_.size()) one_word_cues_.resize(tokens_.size());
    // Raw pointers and sizes held in locals: the start lists are vectors of the same type as
    // ids_, so after each push_back the compiler would reload every vector's data pointer.
    uint32_t* const ids = ids_.data();
    uint16_t* const one_word_cues = one_word_cues_.data();
    const WordFacts* const word_facts = facts.data();
    const size_t fact_count = facts.size();
    const auto token_count = static_cast<uint32_t>(tokens_.size());
    for (uint32_t idx = 0; idx < token_count; ++idx) {
      const Token& token = Tok(idx);
      const uint32_t id = ids[idx] = vocabulary.IdOf(tokens_, idx);  // Vocabulary::Encode, in the same pass
      const WordFacts word = id < fact_count ? word_facts[id] : WordFacts{};
      const uint16_t cues = word.Cues(token);
      one_word_cues[idx] = cues;
      const bool is_word = token.kind == TokenKind::kWord;
      if (is_word && (word.starts & WordFacts::kStartsForm)) form_starts_.push_back(idx);
      // RoleAt fails where no modifier, role or office title starts.
      if (is_word && ((cues & modifier_bit) || (word.starts & WordFacts::kStartsRole))) role_starts_.push_back(idx);
      // FindUnknownOrganisations finds nothing without an introducer, a "the" or a capital.
      if ((is_word && (token.capitalized || token.all_caps)) || (cues & definite_bit) ||
          (word.starts & WordFacts::kStartsIntroducer)) {
        organisation_starts_.push_back(idx);
      }
    }
  }

  // End of the longest cue of `kind` starting at idx, or 0.
  uint32_t CueEnd(uint32_t idx, uint32_t limit, CueKind kind) const {
    PhraseTrie::Match match;
    if (idx >= limit || !dict_.cues().MayStartValue(ids_, idx, static_cast<int32_t>(kind)) ||
        !dict_.cues().LongestAt(stream_, ids_, idx, limit, &match)) {
      return 0;
    }
    for (const PhraseTrie::Entry* entry : match.entries) {
      if (entry->value == static_cast<int32_t>(kind)) return match.end_token;
    }
    return 0;
  }

  // A role noun phrase at idx: modifiers, then role nouns or office titles, chained
  // ("Prime Minister", "Deputy Head", "military spokesperson", "President Prime Minister").
  bool RoleAt(uint32_t idx, uint32_t limit, RoleMatch* out) const {
    uint32_t pos = idx;
    for (uint32_t count = 0; count < kMaxModifiers && pos < limit && CueAt(pos, CueKind::kModifier); ++count) ++pos;
    uint32_t units = 0;
    RoleMatch role;
    role.begin = idx;
    // Modifiers are tried as part of the role first ("military spokesperson" is one role).
    const uint32_t starts[] = {idx, pos};
    const size_t start_count = pos == idx ? 1 : 2;  // without modifiers both walks are one
    for (size_t start_idx = 0; start_idx < start_count; ++start_idx) {
      const uint32_t start = starts[start_idx];
      uint32_t cursor = start;
      units = 0;
      while (cursor < limit && units < kMaxRoleUnits) {
        PhraseTrie::Match match;
        if (dict_.roles().LongestAt(stream_, ids_, cursor, limit, &match)) {
          role.kind = static_cast<RoleKind>(match.entries.front()->value);
          cursor = match.end_token;
          ++units;
          continue;
        }
        if (dict_.titles().LongestAt(stream_, ids_, cursor, limit, &match) &&
            match.entries.front()->value == static_cast<int32_t>(TitleKind::kOffice)) {
          role.kind = RoleKind::kLeader;
          cursor = match.end_token;
          ++units;
          continue;
        }
        break;
      }
      if (units > 0) {
        role.end = cursor;
        std::string_view last = Tok(cursor - 1).folded;
        role.plural = last.size() > 2 && last.back() == 's' && last[last.size() - 2] != 's';
        *out = role;
        return true;
      }
    }
    return false;
  }

  bool IsNameWord(uint32_t idx) const {
    const Token& token = Tok(idx);
    return token.kind == TokenKind::kWord && token.capitalized && !token.all_caps && owner_[idx] < 0 &&
           !IsPossessive(idx);
  }

  // A personal name at idx, after optional titles: "Maj. Gen. Yuri Popov", "Ahmed al-Asseri".
  bool NameForward(uint32_t idx, uint32_t limit, NameMatch* out) const {
    NameMatch name;
    name.begin = idx;
    uint32_t pos = idx;
    PhraseTrie::Match match;
    while (pos < limit && dict_.titles().LongestAt(stream_, ids_, pos, limit, &match)) {
      pos = match.end_token;
      name.titled = true;
    }
    name.person_begin = pos;
    uint32_t words = 0;
    uint32_t last_capital_end = 0;
    while (pos < limit && words < kMaxNameWords) {
      if (IsNameWord(pos)) {
        ++words;
        ++pos;
        last_capital_end = pos;
        continue;
      }
      // "al-Asseri", "bin Salman": a particle joins the name when a capitalized word follows;
      // a name opens with one only written onto that word or capitalized ("doctor at Zakho" has none).
      const bool joined = pos + 2 < limit && IsPunct(pos + 1, "-") && IsNameWord(pos + 2);
      if (IsWord(pos) && owner_[pos] < 0 && CueAt(pos, CueKind::kParticle) && pos + 1 < limit &&
          (joined || (IsNameWord(pos + 1) && (words > 0 || Tok(pos).capitalized)))) {
        ++pos;
        continue;
      }
      if (words > 0 && IsPunct(pos, "-") && !Tok(pos).space_before && pos + 1 < limit && !Tok(pos + 1).space_before &&
          IsNameWord(pos + 1)) {
        ++pos;
        continue;
      }
      break;
    }
    if (words == 0) return false;
    name.end = last_capital_end;
    name.words = words;
    *out = name;
    return true;
  }

  // A personal name ending just before `end`, with its titles: "Major Josh Jacques".
  bool NameBackward(uint32_t end, uint32_t floor, NameMatch* out) const {
    uint32_t pos = end;
    uint32_t words = 0;
    while (pos > floor && words < kMaxNameWords) {
      uint32_t prev = pos - 1;
      if (IsNameWord(prev)) {
        ++words;
        pos = prev;
        continue;
      }
      if (words > 0 && IsWord(prev) && owner_[prev] < 0 && CueAt(prev, CueKind::kParticle)) {
        pos = prev;
        continue;
      }
      if (words > 0 && IsPunct(prev, "-") && !Tok(pos).space_before && !Tok(prev).space_before) {
        pos = prev;
        continue;
      }
      break;
    }
    if (words == 0) return false;
    while (pos < end && !IsNameWord(pos)) ++pos;  // never start on a particle or hyphen
    NameMatch name;
    name.begin = pos;
    // Capitalized titles read as name words going backwards: split them off ("Major General").
    PhraseTrie::Match title;
    while (pos < end && dict_.titles().LongestAt(stream_, ids_, pos, end, &title) && title.end_token < end) {
      for (uint32_t idx = pos; idx < title.end_token; ++idx) {
        if (IsNameWord(idx)) --words;
      }
      pos = title.end_token;
      name.titled = true;
    }
    if (words == 0) return false;
    name.person_begin = pos;
    name.end = end;
    name.words = words;
    // The titles before the name, longest first: "Major General", "Brig.-Gen.".
    bool found = true;
    while (found) {
      found = false;
      for (uint32_t back = std::min<uint32_t>(kMaxRoleLookBack, name.begin - floor); back >= 1; --back) {
        PhraseTrie::Match match;
        uint32_t start = name.begin - back;
        if (dict_.titles().LongestAt(stream_, ids_, start, name.begin, &match) && match.end_token == name.begin) {
          name.begin = start;
          name.titled = true;
          found = true;
          break;
        }
      }
    }
    // A sentence-initial word alone is more often a capitalised common word than a name.
    if (!name.titled && words == 1 && name.begin == floor) return false;
    *out = name;
    return true;
  }

  // ---- passes ------------------------------------------------------------------------
  void Own(uint32_t first, uint32_t end, int draft_idx) {
    for (uint32_t idx = first; idx < end; ++idx) owner_[idx] = draft_idx;
  }

  void FindDictionaryForms() {
    uint32_t next = 0;  // tokens before it belong to the last form found
    PhraseTrie::Match match;
    for (const uint32_t idx : form_starts_) {
      if (idx < next || !dict_.forms().LongestAt(stream_, ids_, idx, FormLimit(idx), &match)) continue;
      if (IsBareCommonNoun(idx, match)) continue;
      // Built in place: a draft's strings and inline vector are not moved again.
      Draft& draft = drafts_.emplace_back();
      draft.first = draft.actor_first = idx;
      draft.end = draft.actor_end = match.end_token;
      for (const PhraseTrie::Entry* entry : match.entries) {
        if (entry->tag == static_cast<uint8_t>(FormKind::kAlias)) draft.has_alias = true;
        if (entry->tag == static_cast<uint8_t>(FormKind::kAdjective)) draft.has_adjective = true;
        if (std::find(draft.candidates.begin(), draft.candidates.end(), entry->value) == draft.candidates.end()) {
          draft.candidates.push_back(entry->value);
        }
      }
      draft.actor = draft.candidates.front();
      Own(draft.first, draft.end, static_cast<int>(drafts_.size() - 1));
      next = match.end_token;
    }
  }

  // Sentence end for dictionary forms; a split right after a dotted abbreviation ("the
  // U.S. Central Command") is a sentence splitter's false break, so a name may cross it.
  uint32_t FormLimit(uint32_t idx) const {
    uint32_t limit = SentenceEnd(idx);
    const uint32_t size = static_cast<uint32_t>(tokens_.size());
    while (limit < size && limit > idx && IsWord(limit - 1) && Tok(limit - 1).all_caps &&
           text_[Tok(limit - 1).span.end - 1] == '.') {
      limit = SentenceEnd(limit);
    }
    return limit;
  }

  // A lower-case one-word form ("coalition") names the actor only as "the coalition" or
  // "Coalition"; "a coalition of circumstances" is the common noun.
  bool IsBareCommonNoun(uint32_t idx, const PhraseTrie::Match& match) const {
    if (match.end_token != idx + 1) return false;
    // A one-word name shouted in capitals is a dateline ("BEIRUT —"), not the government.
    if (Tok(idx).all_caps) {
      for (const PhraseTrie::Entry* entry : match.entries) {
        if (entry->caps_mask != 0) return false;
      }
      return true;
    }
    if (Tok(idx).capitalized) return false;
    for (const PhraseTrie::Entry* entry : match.entries) {
      if (entry->needs_capital || entry->caps_mask != 0) return false;
    }
    return idx == 0 || !CueAt(idx - 1, CueKind::kDefinite);
  }

  // A form several actors share takes the one the rest of the document points to.
  void ResolveAmbiguous() {
    // What the scores read of each unambiguous actor, worked out once per document rather
    // than once per candidate it is weighed against.
    struct ContextActor {
      int root;
      bool located;  // media and international bodies report from anywhere
      const std::string* country;
    };
    std::vector<ContextActor> unambiguous;
    for (const Draft& draft : drafts_) {
      if (draft.candidates.size() != 1) continue;
      const int other = draft.candidates.front();
      const Actor& context = dict_.actor(other);
      bool located = context.type != kMediaType && context.type != kNewsAgencyType && context.type != kInternationalOrgType;
      unambiguous.push_back(ContextActor{dict_.Root(other), located, &context.country});
    }
    for (Draft& draft : drafts_) {
      if (draft.candidates.size() < 2) continue;
      int best = draft.candidates.front();
      int best_score = -1;
      for (int candidate : draft.candidates) {
        int score = 0;
        const Actor& actor = dict_.actor(candidate);
        const int root = dict_.Root(candidate);  // SameParty: candidates are never -1
        for (const ContextActor& other : unambiguous) {
          if (root == other.root) score += kSamePartyWeight;
          if (other.located && !actor.country.empty() && *other.country == actor.country) score += kSameCountryWeight;
        }
        if (score > best_score) {
          best = candidate;
          best_score = score;
        }
      }
      draft.actor = best;
    }
  }

  bool ModifiesNoun(uint32_t idx, uint32_t limit) const {
    if (idx >= limit) return false;
    RoleMatch role;
    return RoleAt(idx, limit, &role) || CueEnd(idx, limit, CueKind::kForce) || CueEnd(idx, limit, CueKind::kWeapon) ||
           CueEnd(idx, limit, CueKind::kAttack) || CueAt(idx, CueKind::kModifier);
  }

  void Attach(size_t draft_idx) {
    Draft& draft = drafts_[draft_idx];
    const uint32_t limit = FormLimit(draft.first);
    uint32_t end = draft.end;
    if (CountryBranch(draft_idx)) return;
    // "Iran-backed", "Britain-based": the actor qualifies what follows.
    if (end + 1 < limit && IsPunct(end, "-") && !Tok(end).space_before && IsWord(end + 1) &&
        !Tok(end + 1).capitalized && owner_[end + 1] < 0) {
      draft.adjective = true;
      draft.modifier = std::string(Tok(end + 1).folded);
      return;
    }
    if (draft.has_adjective && !draft.has_alias) draft.adjective = true;
    if (draft.has_adjective && draft.has_alias) draft.adjective = ModifiesNoun(end, limit);
    // "Sayyid al-Shuhada Brigade": a known name closed by an organisation word.
    const std::string& type = dict_.actor(draft.actor).type;
    bool names_a_group = type == kArmedGroupType || type == kMilitiaType;
    if (names_a_group && !draft.adjective && end < limit && Tok(end).capitalized && owner_[end] < 0 &&
        CueAt(end, CueKind::kOrgSuffix)) {
      ++end;
      draft.end = draft.actor_end = end;
      Own(draft.first, end, static_cast<int>(draft_idx));
    }
    // "Mali's army", "Russia's forces": a state's own forces are its military.
    if (type == kStateType && !draft.adjective && end + 1 < limit && Tok(end).folded == "'s" && owner_[end + 1] < 0) {
      uint32_t force_end = CueEnd(end + 1, limit, CueKind::kStateForce);
      int military = force_end ? dict_.MilitaryOf(draft.actor) : -1;
      if (military >= 0) {
        draft.actor = military;
        draft.end = draft.actor_end = force_end;
        Own(draft.first, force_end, static_cast<int>(draft_idx));
      }
    }
    if (AttachLeft(draft_idx)) return;
    AttachRight(draft_idx);
  }

  // "Amnesty International Nigeria said", "Save the Children UK": a country right after a
  // monitor, agency or international body names its branch there, not a speaker of its own.
  bool CountryBranch(size_t draft_idx) {
    Draft& draft = drafts_[draft_idx];
    if (draft.first == 0 || draft.actor < 0 || dict_.actor(draft.actor).type != kStateType) return false;
    const int before = owner_[draft.first - 1];
    if (before < 0 || static_cast<size_t>(before) == draft_idx) return false;
    Draft& body = drafts_[before];
    if (body.end != draft.first || body.actor < 0 || Tok(draft.first).sentence != Tok(body.first).sentence) return false;
    const std::string& type = dict_.actor(body.actor).type;
    if (type != kMonitorType && type != kInternationalOrgType && type != kMediaType && type != kNewsAgencyType) return false;
    body.end = draft.end;
    Own(draft.first, draft.end, before);
    draft.merged = true;
    return true;
  }

  // "Major Josh Jacques, spokesman for the US Central Command", "a spokesman for the
  // coalition, Col. X", "officials in the UN-backed government", "Josh Jacques of CENTCOM".
  bool AttachLeft(size_t draft_idx) {
    Draft& draft = drafts_[draft_idx];
    const uint32_t floor = SentenceBegin(draft.first);
    const uint32_t limit = FormLimit(draft.first);
    uint32_t pos = draft.first;
    if (pos > floor && CueAt(pos - 1, CueKind::kDefinite)) --pos;
    if (pos <= floor || !CueAt(pos - 1, CueKind::kLink) || owner_[pos - 1] >= 0) return false;
    const uint32_t link = pos - 1;
    RoleMatch role;
    bool found = false;
    for (uint32_t back = std::min<uint32_t>(kMaxRoleLookBack, link - floor); back >= 1 && !found; --back) {
      RoleMatch candidate;
      uint32_t start = link - back;
      if (owner_[start] >= 0) continue;
      if (RoleAt(start, link, &candidate) && candidate.end == link) {
        role = candidate;
        found = true;
      }
    }
    const int self = static_cast<int>(draft_idx);
    if (!found) {
      // "Major Josh Jacques of the U.S. Central Command".
      NameMatch name;
      if (Tok(link).folded == "of" && NameBackward(link, floor, &name) && (name.titled || name.words >= 2)) {
        // "the Christian Association of Nigeria": a name closed by an organisation word is a
        // body of that country, kept unresolved, not a person from it.
        // ("the Defence Forces of Ukraine" stay the country's.)
        if (!name.titled && CueAt(link - 1, CueKind::kOrgSuffix) && !CueAt(link - 1, CueKind::kForce)) {
          uint32_t first = name.begin;
          if (first < link && CueAt(first, CueKind::kDefinite)) ++first;
          draft.actor = -1;
          draft.candidates.clear();
          draft.first = draft.actor_first = first;
          draft.actor_end = draft.end;
          draft.unresolved_name = std::string(Surface(first, draft.end));
          Own(draft.first, draft.end, self);
          return true;
        }
        SetPerson(&draft, name);
        draft.first = name.begin;
        Own(draft.first, draft.end, self);
        return true;
      }
      return false;
    }
    draft.role_first = role.begin;
    draft.role_end = role.end;
    draft.role_left = true;
    draft.first = role.begin;
    uint32_t before = role.begin;
    bool indefinite = false;
    if (before > floor && CueAt(before - 1, CueKind::kIndefinite)) {
      indefinite = true;
      --before;
    } else if (before > floor && CueAt(before - 1, CueKind::kDefinite)) {
      --before;
    }
    NameMatch name;
    if (before > floor && IsPunct(before - 1, ",") && NameBackward(before - 1, floor, &name)) {
      SetPerson(&draft, name);
      draft.first = name.begin;
    } else if (draft.end + 1 < limit && IsPunct(draft.end, ",") && NameForward(draft.end + 1, limit, &name) &&
               (name.titled || name.words >= 2)) {
      SetPerson(&draft, name);
      draft.end = name.end;
    } else {
      draft.anonymous = indefinite || role.plural;
    }
    Own(draft.first, draft.end, self);
    return true;
  }

  // "US Central Command spokesman, Maj. Curtis Kellogg", "Pentagon Press Secretary John
  // Kirby", "a US official", "Yemeni security officials", "UN Libya envoy Ghassan Salame".
  void AttachRight(size_t draft_idx) {
    Draft& draft = drafts_[draft_idx];
    const uint32_t floor = SentenceBegin(draft.first);
    const uint32_t limit = FormLimit(draft.first);
    uint32_t pos = draft.end;
    if (pos < limit && IsPossessive(pos)) ++pos;
    RoleMatch role;
    NameMatch name;
    // An office held by one person is followed by that person: "UN envoy for Libya Karim Salah".
    if (dict_.actor(draft.actor).type == kOfficialType && pos == draft.end && NameForward(pos, limit, &name) &&
        name.person_begin == pos) {
      SetPerson(&draft, name);
      draft.end = name.end;
      Own(draft.first, draft.end, static_cast<int>(draft_idx));
      return;
    }
    bool found = pos < limit && owner_[pos] < 0 && RoleAt(pos, limit, &role);
    if (!found && pos < limit && owner_[pos] >= 0) {
      // Skip a country qualifier between the organisation and its role: "UN Libya envoy".
      const Draft& next = drafts_[static_cast<size_t>(owner_[pos])];
      uint32_t after = next.end;
      if (next.first == pos && dict_.actor(next.actor).type == kStateType && after < limit && owner_[after] < 0 &&
          RoleAt(after, limit, &role)) {
        found = true;
      }
    }
    if (!found) return;
    draft.role_first = role.begin;
    draft.role_end = role.end;
    draft.end = role.end;
    uint32_t after = role.end;
    if (after < limit && IsPunct(after, ",")) ++after;
    if (NameForward(after, limit, &name) && (after == role.end || name.titled || name.words >= 2)) {
      SetPerson(&draft, name);
      draft.end = name.end;
    } else {
      // An unnamed source: "a US official", "Yemeni security officials", "an al-Shabab source".
      uint32_t before = draft.first;
      for (uint32_t count = 0; count < kMaxModifiers && before > floor && CueAt(before - 1, CueKind::kModifier);
           ++count) {
        --before;
      }
      bool indefinite = before > floor && CueAt(before - 1, CueKind::kIndefinite);
      draft.anonymous = indefinite || role.plural || draft.adjective;
    }
    Own(draft.first, draft.end, static_cast<int>(draft_idx));
  }

  void SetPerson(Draft* draft, const NameMatch& name) {
    draft->person_first = name.person_begin;
    draft->person_end = name.end;
  }

  // Sources without an organisation: "residents", "a local official", "medics", and
  // people known only by their role: "regional governor Vadym Filaskhin".
  void FindStandaloneRoles() {
    uint32_t next = 0;  // tokens before it belong to the last role read
    for (const uint32_t idx : role_starts_) {
      if (idx < next || owner_[idx] >= 0) continue;
      const uint32_t limit = SentenceEnd(idx);
      RoleMatch role;
      if (!RoleAt(idx, limit, &role)) continue;
      if (role.end < limit && owner_[role.end] >= 0) continue;  // "local US official" is the actor's
      NameMatch name;
      bool named = NameForward(role.end, limit, &name) && name.person_begin == role.end;
      bool source_kind = role.kind == RoleKind::kLocal || role.kind == RoleKind::kMedical ||
                         role.kind == RoleKind::kWitness || role.kind == RoleKind::kAnonymous ||
                         (role.kind == RoleKind::kOfficial && role.plural);
      if (!named && !source_kind) {
        next = role.end;
        continue;
      }
      Draft& draft = drafts_.emplace_back();
      draft.first = draft.actor_first = idx;
      draft.actor_end = idx;
      draft.role_first = role.begin;
      draft.role_end = role.end;
      draft.end = role.end;
      if (named) {
        SetPerson(&draft, name);
        draft.end = name.end;
        draft.unresolved_name = std::string(Surface(role.begin, role.end));
      } else {
        draft.anonymous = true;
        draft.unresolved_name = LowerFirst(Surface(role.begin, role.end), role.begin, role.end);
        // "a doctor at Nasser Hospital", "medics at the District Headquarters Hospital": the
        // place of care they speak for names the source.
        uint32_t at = role.end;
        if (role.kind == RoleKind::kMedical && at + 1 < limit && Tok(at).folded == "at") {
          uint32_t start = at + 1;
          if (start < limit && CueAt(start, CueKind::kDefinite)) ++start;
          const uint32_t run_end = start < limit && owner_[start] < 0 ? CapitalRun(start, limit) : start;
          if (run_end > start) {
            draft.end = run_end;
            draft.unresolved_name = std::string(Surface(start, run_end));
          }
        }
      }
      Own(draft.first, draft.end, static_cast<int>(drafts_.size() - 1));
      next = draft.end;
    }
  }

  // A run of capitalized words that could be an organisation's name.
  uint32_t CapitalRun(uint32_t idx, uint32_t limit) const {
    uint32_t pos = idx;
    uint32_t words = 0;
    if (pos < limit && (CueAt(pos, CueKind::kDefinite) || CueAt(pos, CueKind::kIndefinite))) return idx;
    while (pos < limit && words < kMaxOrgWords && owner_[pos] < 0) {
      const Token& token = Tok(pos);
      if (token.kind == TokenKind::kWord && (token.capitalized || token.all_caps) && !IsPossessive(pos)) {
        ++pos;
        ++words;
        continue;
      }
      if (words > 0 && IsWord(pos) && CueAt(pos, CueKind::kParticle) && pos + 1 < limit) {
        ++pos;
        continue;
      }
      if (words > 0 && IsPunct(pos, "-") && !token.space_before && pos + 1 < limit && IsWord(pos + 1)) {
        ++pos;
        continue;
      }
      break;
    }
    while (pos > idx && !(Tok(pos - 1).capitalized || Tok(pos - 1).all_caps)) --pos;  // end on a capital
    return pos;
  }

  void AddUnresolved(uint32_t first, uint32_t end, uint32_t name_first, uint32_t name_end) {
    for (uint32_t idx = first; idx < end; ++idx) {
      if (owner_[idx] >= 0) return;
    }
    Draft& draft = drafts_.emplace_back();
    draft.first = first;
    draft.end = end;
    draft.actor_first = name_first;
    draft.actor_end = name_end;
    draft.unresolved_name = std::string(Surface(name_first, name_end));
    Own(first, end, static_cast<int>(drafts_.size() - 1));
  }

  // "the so-called X", "the X group", "X, a militia", "X Brigade": kept unresolved.
  void FindUnknownOrganisations() {
    uint32_t next = 0;  // tokens before it belong to the last run read
    for (const uint32_t idx : organisation_starts_) {
      if (idx < next || owner_[idx] >= 0) continue;
      const uint32_t limit = SentenceEnd(idx);
      if (uint32_t after = CueEnd(idx, limit, CueKind::kIntroducer)) {
        uint32_t start = after;
        if (start < limit && IsQuote(start)) ++start;
        uint32_t run_end = CapitalRun(start, limit);
        if (run_end > start) {
          AddUnresolved(start, run_end, start, run_end);
          next = run_end;
        }
        continue;
      }
      if (CueAt(idx, CueKind::kDefinite)) {
        uint32_t run_end = CapitalRun(idx + 1, limit);
        if (run_end > idx + 1 && run_end < limit && !Tok(run_end).capitalized) {
          if (uint32_t head_end = CueEnd(run_end, limit, CueKind::kOrgHead); head_end && !FollowedByRole(head_end, limit)) {
            AddUnresolved(idx + 1, head_end, idx + 1, run_end);
            next = head_end;
            continue;
          }
        }
      }
      uint32_t run_end = CapitalRun(idx, limit);
      if (run_end == idx) continue;
      // "X Brigade", "X Front": the run itself closes on an organisation word.
      if (run_end - idx >= 2 && CueAt(run_end - 1, CueKind::kOrgSuffix)) {
        AddUnresolved(idx, run_end, idx, run_end);
        next = run_end;
        continue;
      }
      // "X, a militia", "X, an armed group".
      if (run_end + 2 < limit && IsPunct(run_end, ",") && CueAt(run_end + 1, CueKind::kIndefinite)) {
        for (uint32_t head = run_end + 2; head < limit && head <= run_end + 2 + kMaxWordsBeforeHead; ++head) {
          if (!IsWord(head)) break;
          uint32_t head_end = CueEnd(head, limit, CueKind::kOrgHead);
          if (head_end && !FollowedByRole(head_end, limit)) {
            AddUnresolved(idx, run_end, idx, run_end);
            break;
          }
        }
      }
      next = run_end;
    }
  }

  // "a militia commander" names a person, not the militia.
  bool FollowedByRole(uint32_t idx, uint32_t limit) const {
    RoleMatch role;
    return idx < limit && RoleAt(idx, limit, &role);
  }

  // "Kirby said", "Maj. Kellogg said": a surname met earlier with its organisation.
  void FindPersonReferences() {
    absl::flat_hash_map<std::string_view, size_t, StringViewHash, StringViewEq> by_surname;
    // The surnames' first bytes: most capitalised words share none, and skip the hash.
    std::bitset<256> first_bytes;
    const auto first_byte = [](std::string_view word) { return word.empty() ? 0 : static_cast<unsigned char>(word[0]); };
    const size_t linked = drafts_.size();
    for (size_t draft_idx = 0; draft_idx < linked; ++draft_idx) {
      const Draft& draft = drafts_[draft_idx];
      if (draft.person_end <= draft.person_first) continue;
      by_surname.emplace(Tok(draft.person_end - 1).folded, draft_idx);
      first_bytes.set(first_byte(Tok(draft.person_end - 1).folded));
    }
    if (by_surname.empty()) return;
    const uint32_t size = static_cast<uint32_t>(tokens_.size());
    // A name word is capitalised, so it is among the organisation starts.
    for (const uint32_t idx : organisation_starts_) {
      if (owner_[idx] >= 0 || !IsNameWord(idx) || !first_bytes.test(first_byte(Tok(idx).folded))) continue;
      auto it = by_surname.find(Tok(idx).folded);
      if (it == by_surname.end()) continue;
      if (idx + 1 < size && IsNameWord(idx + 1)) continue;  // a longer name: someone else
      const Draft source = drafts_[it->second];
      uint32_t first = idx;
      // Extend over the person's other names and titles: "Rami Abdurrahman", "Maj. Kellogg".
      const uint32_t floor = SentenceBegin(idx);
      while (first > floor && owner_[first - 1] < 0 && IsNameWord(first - 1) &&
             SharesWord(first - 1, source.person_first, source.person_end)) {
        --first;
      }
      NameMatch titled;
      if (NameBackward(idx + 1, floor, &titled) && titled.titled && titled.person_begin == first) first = titled.begin;
      Draft draft = source;
      draft.first = first;
      draft.end = idx + 1;
      draft.actor_first = draft.actor_end = first;
      draft.role_first = draft.role_end = 0;
      draft.role_left = false;
      draft.anonymous = false;
      draft.modifier.clear();
      carried_role_.emplace(drafts_.size(), it->second);
      Own(first, idx + 1, static_cast<int>(drafts_.size()));
      drafts_.push_back(std::move(draft));
    }
  }

  bool SharesWord(uint32_t idx, uint32_t first, uint32_t end) const {
    for (uint32_t other = first; other < end; ++other) {
      if (Tok(other).folded == Tok(idx).folded) return true;
    }
    return false;
  }

  // "Medics said" -> "medics"; a name written in capitals throughout ("the Civil Defence
  // agency") keeps them.
  std::string LowerFirst(std::string_view surface, uint32_t first_token, uint32_t end_token) const {
    std::string out(surface);
    const Token& token = Tok(first_token);
    for (uint32_t idx = first_token + 1; idx < end_token; ++idx) {
      if (Tok(idx).capitalized && IsWord(idx)) return out;
    }
    if (!out.empty() && token.capitalized && !token.all_caps && out[0] >= 'A' && out[0] <= 'Z') out[0] += 'a' - 'A';
    return out;
  }

  ByteSpan SpanOf(uint32_t first, uint32_t end) const {
    if (end <= first) return ByteSpan{};
    return ByteSpan{Tok(first).span.begin, Tok(end - 1).span.end};
  }

  std::vector<ActorMention> Emit() {
    // Drafts never overlap, so no two share a first token: sorting each first token packed
    // above its draft's index orders them as sorting the finished mentions would, with integer
    // compares and without moving mentions and their strings around.
    std::vector<uint64_t> order(drafts_.size());
    for (uint32_t draft_idx = 0; draft_idx < order.size(); ++draft_idx) {
      order[draft_idx] = (uint64_t{drafts_[draft_idx].first} << 32) | draft_idx;
    }
    std::sort(order.begin(), order.end());
    std::vector<ActorMention> mentions;
    mentions.reserve(drafts_.size());
    for (uint64_t packed : order) {
      const auto draft_idx = static_cast<uint32_t>(packed);
      Draft& draft = drafts_[draft_idx];
      if (draft.merged) continue;
      ActorMention& mention = mentions.emplace_back();  // built in place: its strings are not moved again
      mention.first_token = draft.first;
      mention.end_token = draft.end;
      mention.span = SpanOf(draft.first, draft.end);
      mention.actor_span = SpanOf(draft.actor_first, draft.actor_end);
      mention.actor = draft.candidates.empty() ? -1 : draft.actor;
      mention.adjective = draft.adjective;
      mention.anonymous = draft.anonymous;
      mention.modifier = std::move(draft.modifier);  // each draft is emitted once
      if (draft.person_end > draft.person_first) {
        mention.person = std::string(Surface(draft.person_first, draft.person_end));
      }
      uint32_t role_first = draft.role_first, role_end = draft.role_end;
      if (auto carried = carried_role_.empty() ? carried_role_.end() : carried_role_.find(draft_idx);
          carried != carried_role_.end()) {
        role_first = drafts_[carried->second].role_first;
        role_end = drafts_[carried->second].role_end;
      }
      if (role_end > role_first) mention.role = std::string(Surface(role_first, role_end));
      if (mention.actor >= 0) {
        const Actor& actor = dict_.actor(mention.actor);
        mention.type = actor.type;
        mention.country = actor.country;
        mention.name = actor.name;
        // An unnamed source keeps its affiliation as written: "US official".
        if (draft.anonymous && !draft.role_left && draft.role_end > draft.role_first) {
          mention.name = std::string(Surface(draft.actor_first, draft.actor_end)) + " " + mention.role;
        }
      } else {
        mention.name = std::move(draft.unresolved_name);
      }
    }
    return mentions;
  }

  const ActorDictionary& dict_;
  std::string_view text_;
  const text::TokenStream& stream_;
  const std::vector<Token>& tokens_;
  std::vector<uint32_t>& ids_;
  std::vector<int>& owner_;  // token -> draft covering it, or -1
  static_assert(kCueKindCount <= 16, "one bit per cue kind in a uint16_t");
  std::vector<uint16_t>& one_word_cues_;  // token -> bit per CueKind of the one-word cues there
  // The tokens where each pass may start, in order (MarkTokens).
  std::vector<uint32_t>& form_starts_;
  std::vector<uint32_t>& role_starts_;
  std::vector<uint32_t>& organisation_starts_;
  std::vector<Draft> drafts_;
  absl::flat_hash_map<size_t, size_t> carried_role_;  // back-reference draft -> draft it repeats
};

}  // namespace

std::vector<ActorMention> FindActors(const ActorDictionary& dictionary, std::string_view text,
                                     const text::TokenStream& tokens) {
  return Recognizer(dictionary, text, tokens, ThreadTokenTables()).Run();
}

}  // namespace crosscheck::actors
