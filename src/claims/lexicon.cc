#include "claims/lexicon.h"

#include <array>
#include <bit>
#include <string_view>

#include "core/tsv.h"
#include "text/fold.h"
#include "text/tokenize.h"

namespace crosscheck::claims {
namespace {

struct CueName_ {
  std::string_view name;
  Cue cue;
};

// The class names used in the data files.
constexpr std::array<CueName_, static_cast<size_t>(Cue::kCount)> kCueNames = {{
    {"attack_noun", Cue::kAttackNoun},
    {"attack_verb", Cue::kAttackVerb},
    {"weapon", Cue::kWeapon},
    {"kill", Cue::kKill},
    {"injure", Cue::kInjure},
    {"victim", Cue::kVictim},
    {"report", Cue::kReport},
    {"report_noun", Cue::kReportNoun},
    {"according_to", Cue::kAccordingTo},
    {"claim_responsibility", Cue::kClaimResponsibility},
    {"deny_responsibility", Cue::kDenyResponsibility},
    {"hedge", Cue::kHedge},
    {"negation", Cue::kNegation},
    {"no_comment", Cue::kNoComment},
    {"unknown_perp", Cue::kUnknownPerpetrator},
    {"qualifier", Cue::kQualifier},
    {"cumulative", Cue::kCumulative},
    {"generic", Cue::kGeneric},
    {"self_ref", Cue::kSelfReference},
    {"subcount", Cue::kSubcount},
    {"passive_by", Cue::kPassiveBy},
    {"cardinal", Cue::kCardinal},
    {"multiplier", Cue::kMultiplier},
    {"singular", Cue::kSingular},
    {"vague", Cue::kVague},
    {"weekday", Cue::kWeekday},
    {"month", Cue::kMonth},
    {"relative_day", Cue::kRelativeDay},
    {"relative_span", Cue::kRelativeSpan},
    {"previous_month", Cue::kPreviousMonth},
    {"past_shift", Cue::kPastShift},
    {"other_event", Cue::kOtherEvent},
    {"habitual", Cue::kHabitual},
    {"anaphor", Cue::kAnaphor},
    {"stopword", Cue::kStopword},
    {"role", Cue::kRole},
    {"org_head", Cue::kOrgHead},
    {"reaction", Cue::kReaction},
    {"negation_filler", Cue::kNegationFiller},
    {"distance_unit", Cue::kDistanceUnit},
    {"compass", Cue::kCompass},
    {"patron", Cue::kPatron},
    {"destination", Cue::kDestination},
    {"vantage", Cue::kVantage},
    {"this_place", Cue::kThisPlace},
    {"force_noun", Cue::kForceNoun},
    {"military_target", Cue::kMilitaryTarget},
    {"verb_modifier", Cue::kVerbModifier},
    {"bridge_word", Cue::kBridgeWord},
    {"third_person", Cue::kThirdPerson},
    {"waterway", Cue::kWaterway},
    {"settlement", Cue::kSettlement},
    {"ordinal", Cue::kOrdinal},
    {"care_place", Cue::kCarePlace},
    {"dismissal", Cue::kDismissal},
}};

constexpr int kLexiconVersion = 1;
static_assert(static_cast<unsigned>(Cue::kCount) <= 64, "Tag keeps the classes seen at a token in a 64-bit mask");

bool ParseCue(std::string_view name, Cue* cue) {
  for (const CueName_& entry : kCueNames) {
    if (entry.name == name) {
      *cue = entry.cue;
      return true;
    }
  }
  return false;
}

std::vector<std::string> Words(const std::string& phrase) {
  return SplitList(text::FoldPhrase(phrase), ' ');
}

}  // namespace

const char* CueName(Cue cue) {
  for (const CueName_& entry : kCueNames) {
    if (entry.cue == cue) return entry.name.data();
  }
  return "?";
}

Status Lexicon::AddFile(const std::string& path, const char* format, std::optional<Cue> fixed_cue) {
  Result<TsvTable> table = ReadTsv(path, format, kLexiconVersion);
  if (!table.ok()) return table.status();
  int phrase_col = fixed_cue ? 0 : table->Column("phrase");
  int class_col = fixed_cue ? 0 : table->Column("class");
  int value_col = fixed_cue ? 1 : table->Column("value");
  if (phrase_col < 0 || class_col < 0 || value_col < 0 || table->header.size() <= static_cast<size_t>(value_col)) {
    return Status(StatusCode::kDataFormat, path + ": needs columns phrase, class, value");
  }
  const bool numeric = std::string_view(format) == "crosscheck.numbers" || std::string_view(format) == "crosscheck.calendar";
  for (const TsvRow& row : table->rows) {
    CueEntry entry;
    if (fixed_cue) {
      entry.cue = *fixed_cue;
    } else if (!ParseCue(row.fields[class_col], &entry.cue)) {
      return Status(StatusCode::kDataFormat,
                    path + ":" + std::to_string(row.line) + ": unknown class '" + row.fields[class_col] + "'");
    }
    if (numeric) {
      entry.number = std::atoll(row.fields[value_col].c_str());
    } else {
      entry.value = row.fields[value_col];
    }
    std::vector<std::string> words = Words(row.fields[phrase_col]);
    if (words.empty()) continue;
    entries_.push_back(std::move(entry));
    trie_.Add(words, static_cast<uint32_t>(entries_.size() - 1));
  }
  version_ += (version_.empty() ? "" : "+") + std::string(format).substr(std::string("crosscheck.").size()) + "/" +
              std::to_string(table->version);
  return Status::Ok();
}

Result<Lexicon> Lexicon::Load(const std::string& data_dir) {
  Lexicon lexicon;
  const std::string dir = data_dir + "/lexicon/";
  for (auto [file, format] : {std::pair{"cues.tsv", "crosscheck.cues"}, std::pair{"numbers.tsv", "crosscheck.numbers"},
                              std::pair{"calendar.tsv", "crosscheck.calendar"},
                              std::pair{"stopwords.tsv", "crosscheck.stopwords"}}) {
    if (Status status = lexicon.AddFile(dir + file, format); !status.ok()) return status;
  }
  // Organisation and force nouns ("faction", "forces") are shared with the actors stage.
  Result<TsvTable> actor_cues = ReadTsv(data_dir + "/actors/cues.tsv", "crosscheck.cues", kLexiconVersion);
  if (!actor_cues.ok()) return actor_cues.status();
  for (const TsvRow& row : actor_cues->rows) {
    if (row.fields.size() < 2 || (row.fields[1] != "org_head" && row.fields[1] != "force")) continue;
    std::vector<std::string> words = Words(row.fields[0]);
    if (words.empty()) continue;
    lexicon.entries_.push_back(CueEntry{Cue::kOrgHead, row.fields[1], 0});
    lexicon.trie_.Add(words, static_cast<uint32_t>(lexicon.entries_.size() - 1));
  }
  // Role nouns ("governor", "residents") are shared with the actors stage.
  if (Status status = lexicon.AddFile(data_dir + "/actors/roles.tsv", "crosscheck.roles", Cue::kRole); !status.ok()) {
    return status;
  }
  lexicon.trie_.Pack();
  for (const CueEntry& entry : lexicon.entries_) lexicon.cue_of_entry_.push_back(entry.cue);
  lexicon.PrepareOneWordCues();
  return lexicon;
}

template <typename Emit>
void Lexicon::ChooseCues(const std::vector<PhraseTrie::Hit>& hits, uint64_t* marks, Emit emit) const {
  // Longest phrase of each class wins at this token (hits come shortest first). A mask
  // of the classes seen spares clearing and scanning every class at every tagged token.
  std::array<uint32_t, static_cast<size_t>(Cue::kCount)> best;
  uint64_t seen = 0;
  for (size_t hit_idx = 0; hit_idx < hits.size(); ++hit_idx) {
    const unsigned cls = static_cast<unsigned>(cue_of_entry_[hits[hit_idx].payload]);
    best[cls] = static_cast<uint32_t>(hit_idx);
    seen |= uint64_t{1} << cls;
  }
  for (; seen != 0; seen &= seen - 1) {  // classes in ascending order, lowest bit first
    const uint64_t cls_bit = seen & -seen;
    if ((kMarkCues & cls_bit) != 0) {
      *marks |= cls_bit;
      continue;
    }
    const PhraseTrie::Hit& hit = hits[best[std::countr_zero(seen)]];
    emit(cue_of_entry_[hit.payload], hit.payload, hit.end_token);
  }
}

void Lexicon::PrepareOneWordCues() {
  one_word_cues_.assign(trie_.word_count(), OneWordCues{});
  std::vector<PhraseTrie::Hit> hits;
  for (uint32_t word = 0; word < trie_.word_count(); ++word) {
    std::span<const uint32_t> payloads;
    OneWordCues& cues = one_word_cues_[word];
    cues.one_word_only = trie_.OneWordOnly(word, &payloads);
    cues.node = trie_.FirstWordNode(word, &payloads);
    hits.clear();
    for (uint32_t payload : payloads) hits.push_back(PhraseTrie::Hit{payload, 1});
    cues.first_hit = static_cast<uint32_t>(one_word_hits_.size());
    ChooseCues(hits, &cues.marks,
               [&](Cue cue, uint32_t entry, uint32_t) { one_word_hits_.push_back(OneWordHit{cue, entry}); });
    cues.end_hit = static_cast<uint32_t>(one_word_hits_.size());
  }
}

void Lexicon::Tag(const std::vector<text::Token>& tokens, uint32_t first, uint32_t end, std::vector<CueHit>* out,
                  std::vector<uint64_t>* marks) const {
  // Scratch kept per thread: Tag runs once per sentence, and the lexicon is shared read-only.
  thread_local std::vector<PhraseTrie::Hit> hits;
  thread_local std::vector<uint32_t> ids;
  trie_.WordIds(tokens, first, end, &ids);
  marks->assign(end - first, 0);
  for (uint32_t token_idx = first; token_idx < end; ++token_idx) {
    const uint32_t word = ids[token_idx - first];
    if (tokens[token_idx].kind == text::TokenKind::kPunct || word == PhraseTrie::kUnknownWord) continue;
    if (const OneWordCues& cues = one_word_cues_[word];
        cues.one_word_only || !trie_.ContinuesAt(tokens, ids, first, cues.node, token_idx + 1, end)) {
      (*marks)[token_idx - first] |= cues.marks;
      for (uint32_t hit_idx = cues.first_hit; hit_idx < cues.end_hit; ++hit_idx) {
        out->push_back(CueHit{one_word_hits_[hit_idx].cue, one_word_hits_[hit_idx].entry, token_idx, token_idx + 1});
      }
      continue;
    }
    hits.clear();
    trie_.Match(tokens, ids, first, token_idx, end, &hits);
    if (hits.empty()) continue;  // most tokens start no cue
    ChooseCues(hits, &(*marks)[token_idx - first], [&](Cue cue, uint32_t entry, uint32_t end_token) {
      out->push_back(CueHit{cue, entry, token_idx, end_token});
    });
  }
}

}  // namespace crosscheck::claims
