#include "claims/extract.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "claims/attribution.h"
#include "claims/casualties.h"
#include "claims/coreference.h"
#include "claims/dates.h"
#include "claims/event_type.h"
#include "claims/same_word.h"
#include "claims/sentence_context.h"
#include "claims/sources.h"
#include "claims/victims.h"
#include "core/date.h"
#include "core/geo.h"
#include "core/string_table.h"

namespace crosscheck::claims {
namespace {

// Places closer than this are one incident's surroundings (UCDP: "within a few km"
// of a town, stretched to a town's countryside).
constexpr double kSamePlaceKm = 40.0;
// A region named in a sentence fits an incident whose town lies within this distance.
constexpr double kRegionReachKm = 200.0;
// Places this far apart in one sentence are not one attack's surroundings.
constexpr double kRoundupKm = 100.0;
// Dates this many days apart are different attacks.
constexpr int64_t kDifferentDayGap = 2;
constexpr int kDaysInWeek = 7;
// A date this close after a reporting verb dates the report, not the attack:
// "Russia confirmed, on Saturday, that ...".
constexpr uint32_t kReportDateWindow = 4;

// "330 km (205 miles) southwest of Mogadishu", "some 50 km north-east of the provincial
// capital Bunia": the distance written before a place, in km, and the bearing when a
// compass word follows it.
struct Offset {
  double km = 0;
  std::optional<double> bearing;
};
constexpr uint32_t kOffsetLookBack = 10;

std::optional<Offset> OffsetBefore(const SentenceContext& s, const PlaceSpan& place) {
  if (!s.Has(Cue::kDistanceUnit)) return std::nullopt;  // most sentences: no words walked back
  for (uint32_t t = place.first_token; t > s.first() + 1 && place.first_token - t < kOffsetLookBack;) {
    --t;
    const CueHit* unit = s.At(t, Cue::kDistanceUnit);
    if (!unit || s.token(t - 1).kind != text::TokenKind::kNumber) continue;
    const CueHit* compass = s.Find(Cue::kCompass, unit->end_token, place.first_token);
    const bool of_relation = std::string_view(place.place.relation).ends_with("_of");
    if (compass == nullptr && !of_relation) return std::nullopt;
    std::string digits;
    for (char c : s.folded(t - 1)) {
      if (c != ',') digits += c;
    }
    Offset offset;
    offset.km = std::strtod(digits.c_str(), nullptr) * static_cast<double>(s.Entry(*unit).number) / 1000.0;
    if (compass != nullptr) offset.bearing = static_cast<double>(s.Entry(*compass).number);
    return offset;
  }
  return std::nullopt;
}

// How many words a speaker's own whereabouts may take between its name and its verb.
constexpr uint32_t kSpeakerPlaceReach = 14;

// Closer than this, a town with a distance and bearing ("5 km east of X") is the scene itself;
// "about 25 km west of Goma" is a place of its own.
constexpr double kMinProjectionKm = 5.0;
// A distance beyond this is no estimate of the scene worth giving.
constexpr double kMaxProjectionKm = 150.0;
// UCDP's where_prec for a scene estimated from a distance and bearing ("district").
constexpr int kEstimatedPrecision = 3;

// "some 50 km north-east of the provincial capital Bunia": a town too far to be the scene
// still places it, moved that far along that bearing.
std::optional<IncidentPlace> Projected(const PlaceView& reference, const Offset& offset) {
  if (!offset.bearing || !reference.resolved || offset.km > kMaxProjectionKm) return std::nullopt;
  IncidentPlace place(reference);
  GeoPoint point = Destination(reference.lat, reference.lon, *offset.bearing, offset.km);
  place.lat = point.lat;
  place.lon = point.lon;
  place.offset_km = offset.km;
  place.precision = std::max(place.precision, kEstimatedPrecision);
  return place;
}

// "moved to Sharana", "taken to hospital in Gusau": where the wounded went; "speaking by
// telephone from Beni": where the speaker was. Neither is where the attack was. Up to a few
// words ("hospital in", "the") between the cue and the place.
constexpr uint32_t kMaxWordsAfterDestinationCue = 3;

bool Elsewhere(const SentenceContext& s, const PlaceSpan& place) {
  if (!s.HasAny(CueBit(Cue::kDestination) | CueBit(Cue::kVantage))) return false;  // most sentences: no words walked back
  for (uint32_t t = place.first_token; t > s.first() && place.first_token - t <= kMaxWordsAfterDestinationCue + 1;) {
    --t;
    for (Cue cue_kind : {Cue::kDestination, Cue::kVantage}) {
      if (const CueHit* cue = s.Covering(t, cue_kind); cue != nullptr && cue->end_token == t + 1) return true;
    }
    if (s.token(t).kind != text::TokenKind::kWord || s.token(t).capitalized) return false;
  }
  return false;
}

// How many words may stand between "from" and the town someone comes from.
constexpr uint32_t kOriginReach = 5;

// "identified as Corporal X, 32, a father of three from Eldoret": in a sentence telling no
// attack, a town after "from" is where someone comes from.
bool OriginOf(const SentenceContext& s, const PlaceSpan& place) {
  // Past "the", "of" and lower-case words of place: "from the neighbouring province of Pattani".
  uint32_t before = place.first_token;
  while (before > s.first() && place.first_token - before < kOriginReach && !s.IsWord(before - 1, "from") &&
         s.token(before - 1).kind == text::TokenKind::kWord && !s.token(before - 1).capitalized) {
    --before;
  }
  if (before == s.first() || !s.IsWord(before - 1, "from")) return false;
  return !s.HasAny(CueBit(Cue::kAttackVerb) | CueBit(Cue::kAttackNoun) | CueBit(Cue::kWeapon));
}

// "A fifth fighter died of his wounds in a Kirkuk hospital": a town before a place of care,
// after a casualty word and no attack word, is where the wounded were treated.
bool TreatedIn(const SentenceContext& s, const PlaceSpan& place) {
  // "the provincial hospital in Sharana had received ten bodies": a place of care, then "in"
  // the town, in a sentence that tells no attack and counts dead or wounded.
  if (place.first_token > s.first() + 1 && s.IsWord(place.first_token - 1, "in") &&
      s.Covering(place.first_token - 2, Cue::kCarePlace) != nullptr) {
    if (s.HasAny(CueBit(Cue::kAttackVerb) | CueBit(Cue::kAttackNoun))) return false;
    return s.HasAny(CueBit(Cue::kKill) | CueBit(Cue::kInjure));
  }
  if (place.end_token >= s.end() || s.At(place.end_token, Cue::kCarePlace) == nullptr) return false;
  bool casualty = false;
  for (uint32_t t = s.first(); t < place.first_token; ++t) {
    // "A drone strike killed five at a Kirkuk hospital": the hospital is the scene.
    // ("A fifth fighter died": a fighter who died is no fighter jet.)
    if (s.At(t, Cue::kAttackVerb) || s.At(t, Cue::kAttackNoun) || (s.At(t, Cue::kWeapon) && !s.At(t, Cue::kVictim))) {
      return false;
    }
    casualty |= s.At(t, Cue::kKill) != nullptr || s.At(t, Cue::kInjure) != nullptr;
  }
  return casualty;
}

// "The Israeli military, which has repeatedly struck Houthi targets in Sanaa and Hodeidah,
// declined to comment": a place in a clause told in passing about a party is not the scene.
bool InPassingClause(const SentenceContext& s, const PlaceSpan& place) {
  // The clause hangs on a party named before it: without one no words are walked back.
  if (s.actors().empty()) return false;
  uint32_t open = place.first_token;
  while (open > s.first() && !s.IsPunct(open - 1, ",;:\"")) --open;
  if (open <= s.first() + 1 || !s.IsPunct(open - 1, ",") || s.ActorAt(open - 2) < 0) return false;
  if (!(s.IsWord(open, "which") || s.IsWord(open, "who"))) return false;
  for (uint32_t close = place.end_token; close < s.end(); ++close) {
    if (s.IsPunct(close, ",")) return true;
    if (s.IsPunct(close, ";:.\"")) return false;
  }
  return false;
}

// "central Gaza's Nuseirat camp", "Afghanistan's Paktika": the possessor contains the place
// named next, which is the more precise one.
bool ContainerOfNext(const SentenceContext& s, const PlaceSpan& place) {
  if (!s.IsWord(place.end_token, "'s")) return false;
  for (uint32_t t = place.end_token + 1; t < std::min(s.end(), place.end_token + 3); ++t) {
    if (s.PlaceAt(t) >= 0) return true;
  }
  return false;
}

// A quotation that opens a sentence and runs on ("\"Five people died. One was my cousin,\"
// said one of the elders") has its speaker after the closing mark, a sentence or two on.
constexpr uint32_t kMaxQuoteSentences = 3;

std::optional<SourceFrame> SpeakerAfterQuote(const std::vector<SentenceContext>& contexts, uint32_t sentence_idx,
                                             const Coreference& coref) {
  auto quote_marks = [](const SentenceContext& s, std::vector<uint32_t>* at) {
    for (uint32_t t = s.first(); t < s.end(); ++t) {
      if (s.IsPunct(t, "\"")) at->push_back(t);
    }
  };
  std::vector<uint32_t> marks;
  quote_marks(contexts[sentence_idx], &marks);
  if (marks.size() % 2 == 0) return std::nullopt;  // closed within the sentence
  for (uint32_t next = sentence_idx + 1; next < contexts.size() && next <= sentence_idx + kMaxQuoteSentences; ++next) {
    marks.clear();
    quote_marks(contexts[next], &marks);
    if (marks.empty()) continue;
    for (const SourceFrame& frame : FindSources(contexts[next], coref)) {
      if (frame.attributed && !SameWord(frame.frame, "quote-continues") && frame.source_first > marks.front()) return frame;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

enum class PlaceLevel { kTown, kRegion, kCountry };

// Asked of every place of every sentence, many times: compared in place (SameWord; a
// std::string's compare with a char* calls strlen and memcmp). Of a mention's PlaceView or
// an incident's IncidentPlace alike, as are the two tests below.
template <typename Place>
PlaceLevel LevelOf(const Place& place) {
  const std::string_view r = place.relation;
  const std::string_view code = place.feature_code;
  if (SameWord(r, "country") || SameWord(r, "demonym") || SameWord(code.substr(0, 3), "PCL") || place.precision >= 6) {
    return PlaceLevel::kCountry;
  }
  // "the Sperah district of Khost province": a district named by its seat, a populated place,
  // is that town at district precision.
  const bool seat_of_district = SameWord(r, "district") && SameWord(code.substr(0, 3), "PPL");
  if (SameWord(r, "region") || SameWord(r, "province") || SameWord(r, "county") ||
      (SameWord(r, "district") && !seat_of_district) ||
      SameWord(r, "border") || SameWord(code.substr(0, 3), "ADM") || SameWord(code, "RGN") || SameWord(code, "CONT") ||
      place.precision >= 4) {
    return PlaceLevel::kRegion;
  }
  return PlaceLevel::kTown;
}

template <typename Place, typename IncidentsPlace>
bool Compatible(const Place& place, const IncidentsPlace& incident) {
  if (!place.resolved || !incident.resolved) return true;
  if (place.geonameid != 0 && place.geonameid == incident.geonameid) return true;
  double km = DistanceKm(place.lat, place.lon, incident.lat, incident.lon);
  switch (LevelOf(place)) {
    case PlaceLevel::kTown: return km <= kSamePlaceKm;
    case PlaceLevel::kRegion: return km <= kRegionReachKm || (!place.country.empty() && place.country == incident.country && km <= 2 * kRegionReachKm && SameWord(place.relation, "border"));
    case PlaceLevel::kCountry: return place.country.empty() || place.country == incident.country;
  }
  return true;
}

// Two towns this far apart, each named as such, are two places, not one place spelt twice.
constexpr double kDistinctTownsKm = 15.0;

template <typename PlaceA, typename PlaceB>
bool DistinctTowns(const PlaceA& a, const PlaceB& b) {
  if (!a.resolved || !b.resolved || a.geonameid == 0 || b.geonameid == 0 || a.geonameid == b.geonameid) return false;
  if (LevelOf(a) != PlaceLevel::kTown || LevelOf(b) != PlaceLevel::kTown) return false;
  return DistanceKm(a.lat, a.lon, b.lat, b.lon) > kDistinctTownsKm;
}

struct SentenceFacts {
  bool attack = false;
  bool generic = false;
  bool shift = false;         // "an earlier strike", "a separate air strike", "last year"
  std::optional<int> anchor;  // a town-level place index in the view
  std::optional<IncidentPlace> projected;  // the scene estimated from a distance to a town
  std::optional<int> speaker_place;        // where a speaker is ("an official in Ramadi said")
  std::vector<int> places;
  std::vector<DateRange> dates;
  std::vector<AttributionClaim> attributions;
  std::vector<CasualtyClaim> casualties;
  std::vector<NamedVictim> victims;
  std::vector<std::string_view> attack_types;  // the type each attack cue names, views into the lexicon
  std::vector<std::string> notes;
  bool duplicate = false;
  bool attack_cue = false;  // an attack noun, verb or weapon is named
  bool roundup = false;     // names attacks in places far apart
  std::optional<int> year;  // a year written in the sentence
  bool victim_words = false;  // "civilians", "children": whom an attack hit
  bool later = false;         // "Hours later, ...": told from the attack just described
  bool separately = false;    // "Separately, a strike on a house in Jabalia ...": another attack
};

// The sentence's only town is where its speaker is.
bool AnchorIsSpeakers(const SentenceFacts& f) { return f.anchor && f.speaker_place && *f.anchor == *f.speaker_place; }

// A sentence's length and its first and last bytes tell it from the others of its report,
// with a full compare only on a tie: hashing every byte of every sentence cost more than
// the rest of the duplicate check.
struct SentenceEndsHash {
  static constexpr size_t kEndBytes = sizeof(uint64_t);
  size_t operator()(std::string_view text) const {
    const size_t n = std::min(text.size(), kEndBytes);
    uint64_t head = 0;
    uint64_t tail = 0;
    if (n > 0) {
      std::memcpy(&head, text.data(), n);
      std::memcpy(&tail, text.data() + text.size() - n, n);
    }
    return absl::Hash<std::tuple<size_t, uint64_t, uint64_t>>{}(std::make_tuple(text.size(), head, tail));
  }
};

// Words shorter than this carry little to tell one attack's reports from another's.
constexpr size_t kMinDetailWordBytes = 4;

// Denials that deny nothing laid at the denier's door, read once the report's claims are
// all in: "Hamas rejected the military's account" when no one says Hamas struck; and a
// party that claims the strike itself while denying "targeting civilians" — that denies
// whom the strike hit, not that it struck.
void DropDenialsOfNoCharge(CandidateIncident* incident, const std::vector<SentenceFacts>& facts,
                           std::vector<SentenceTrace>* trace) {
  std::set<std::string> accused, self_claimed;
  for (const AttributionClaim& claim : incident->attributions) {
    if (claim.stance != "asserts" || !claim.actor) continue;
    accused.insert(claim.actor->party);
    if (claim.source.party == claim.actor->party) self_claimed.insert(claim.actor->party);
  }
  std::erase_if(incident->attributions, [&](const AttributionClaim& claim) {
    if (claim.stance != "denies" || !claim.actor || claim.source.party != claim.actor->party) return false;
    const std::string& side = claim.actor->party;
    const char* why = nullptr;
    if (claim.frame.ends_with("+deny-account") && !accused.count(side)) {
      why = "dropped: a denial of a charge no one in the report lays on ";
    } else if (self_claimed.count(side) > 0 && claim.sentence < facts.size() && facts[claim.sentence].victim_words &&
               !claim.frame.ends_with("+deny-responsibility")) {
      why = "dropped: it claims the strike and denies whom it hit: ";
    }
    if (why == nullptr) return false;
    for (SentenceTrace& entry : *trace) {
      if (entry.sentence == claim.sentence) entry.notes.push_back(why + side);
    }
    return true;
  });
}

struct Builder {
  CandidateIncident incident;
  std::optional<IncidentPlace> place;
  std::optional<int64_t> date;
  std::optional<int64_t> inherited_date;  // "hours later": the day of the incident told before
  int weekday = -1;
  uint8_t night_mask = 0;
  // A background mention's month or year ("In October", "In April 2023"): the first one read.
  std::optional<DateRange> span;
};

// Appends `from`'s elements to `to`, leaving `from` empty. Claims hold a dozen strings each
// and most lists are empty when the first ones come: then the vector itself is taken.
template <typename T>
void MoveAppend(std::vector<T>* from, std::vector<T>* to) {
  if (to->empty()) {
    std::swap(*from, *to);
  } else {
    to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
  }
  from->clear();
}

bool DatesConflict(const Builder& b, const std::vector<DateRange>& dates) {
  for (const DateRange& d : dates) {
    if (d.earliest && b.date && d.precision <= 1 &&
        std::llabs(*d.earliest - *b.date) >= kDifferentDayGap) {
      return true;
    }
    // "In December" when the incident is of February: a month or a week that leaves it out.
    if (d.earliest && d.latest && b.date && d.precision > 1 &&
        (*b.date < *d.earliest - kDifferentDayGap || *b.date > *d.latest + kDifferentDayGap)) {
      return true;
    }
    // Named weekdays conflict when they allow no common night ("late Tuesday" and "late
    // Wednesday"); "late Friday" and "early Saturday" are one night.
    if (!d.earliest && d.night_mask != 0 && b.night_mask != 0 && (d.night_mask & b.night_mask) == 0) return true;
    // Two plain days ("on Sunday", "on Monday") are two days, though their nights touch.
    bool plain_d = __builtin_popcount(d.night_mask) == 2;
    bool plain_b = __builtin_popcount(b.night_mask) == 2;
    if (!d.earliest && plain_d && plain_b && d.weekday >= 0 && b.weekday >= 0 && d.weekday != b.weekday) return true;
  }
  return false;
}

// Whether a background mention's month or year leaves out the dates of a sentence: "last
// October" and "In April 2023" are two events.
bool SpansApart(const Builder& b, const std::vector<DateRange>& dates) {
  for (const DateRange& d : dates) {
    if (!d.earliest || !d.latest) continue;
    const std::optional<int64_t> from = b.span ? b.span->earliest : b.date;
    const std::optional<int64_t> to = b.span ? b.span->latest : b.date;
    if (from && to && (*d.latest < *from || *d.earliest > *to)) return true;
  }
  return false;
}

void NoteDates(Builder* b, const std::vector<DateRange>& dates) {
  for (const DateRange& d : dates) {
    if (!b->span && d.earliest && d.latest && d.precision > 1) b->span = d;
    if (d.earliest && d.precision <= 1 && (!b->date || *d.earliest < *b->date)) b->date = d.earliest;
    if (d.weekday >= 0 && b->weekday < 0) {
      b->weekday = d.weekday;
      b->night_mask = d.night_mask;
    }
  }
}

// Prepositions after which a place name is a location even when it also names a party.
bool IsLocativeWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"in", "near", "at", "outside", "inside", "across", "into", "of",
                                                "around", "throughout", "over", "on", "toward", "towards", "within"};
  for (std::string_view k : kWords) {
    if (SameWord(w, k)) return true;
  }
  return false;
}

// "Nasir, a town in South Sudan's Upper Nile state": a town is named, one the gazetteer lacks
// ("Ahmed, a village elder," names a person).
bool NamesUnknownTown(const SentenceContext& s) {
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kSettlement) continue;
    // "on the outskirts of Nekemte", "the village of Tse-Akaa": a name after the words.
    if (SameWord(s.Entry(hit).value, "before")) {
      const uint32_t name = hit.end_token;
      if (name < s.end() && s.token(name).kind == text::TokenKind::kWord && s.token(name).capitalized &&
          s.PlaceAt(name) < 0 && s.ActorAt(name) < 0) {
        return true;
      }
      continue;
    }
    if (hit.first_token < s.first() + 2 || !s.IsPunct(hit.first_token - 1, ",")) continue;
    if (hit.end_token < s.end() && !IsLocativeWord(s.folded(hit.end_token)) && !s.IsPunct(hit.end_token, ",;.")) continue;
    const uint32_t name = hit.first_token - 2;
    if (s.token(name).kind == text::TokenKind::kWord && s.token(name).capitalized && s.PlaceAt(name) < 0 &&
        s.ActorAt(name) < 0) {
      return true;
    }
  }
  return false;
}

// Days before its report within which an attack is this week's news.
constexpr int64_t kNewsWeekDays = 7;

// Whether one of the sentence's exact days lies the given number of days before its report.
template <typename DaysBefore>
bool AnyDayBeforeReport(const std::vector<DateRange>& dates, std::optional<int64_t> published, DaysBefore fits) {
  if (!published) return false;
  return std::any_of(dates.begin(), dates.end(), [&](const DateRange& date) {
    return date.earliest && date.latest && *date.earliest == *date.latest && fits(*published - *date.earliest);
  });
}

bool DatedBeforeTheWeek(const std::vector<DateRange>& dates, std::optional<int64_t> published) {
  return AnyDayBeforeReport(dates, published, [](int64_t days) { return days > kNewsWeekDays; });
}

bool DatedThisWeek(const std::vector<DateRange>& dates, std::optional<int64_t> published) {
  return AnyDayBeforeReport(dates, published, [](int64_t days) { return days >= 0 && days <= kNewsWeekDays; });
}

// "Hours later, ...", "Shortly afterwards, ...": a time told from the attack just described.
constexpr uint32_t kLaterWithinTokens = 6;

bool LaterThatDay(const SentenceContext& s) {
  for (uint32_t t = s.first(); t < std::min(s.end(), s.first() + kLaterWithinTokens); ++t) {
    if (s.IsWord(t, "later") || s.IsWord(t, "afterwards")) return true;
    // "Hours earlier, ...", "Earlier that day, ...": the same day told backwards.
    if (s.IsWord(t, "earlier") && ((t > s.first() && (s.IsWord(t - 1, "hours") || s.IsWord(t - 1, "minutes"))) ||
                                   (t + 2 < s.end() && s.IsWord(t + 1, "that") && s.IsWord(t + 2, "day")) ||
                                   (t + 3 < s.end() && s.IsWord(t + 1, "in") && s.IsWord(t + 3, "day")))) {
      return true;
    }
  }
  return false;
}

bool HasOtherEventCue(const SentenceContext& s) {
  for (const CueHit& hit : s.cues()) {
    if (hit.cue == Cue::kPastShift) return true;
    // "Last October, a strike ...": a past month is another time.
    if (hit.cue == Cue::kMonth && hit.first_token > s.first() && s.IsWord(hit.first_token - 1, "last")) return true;
    if (hit.cue != Cue::kOtherEvent) continue;
    // "as in previous attacks", "like earlier raids": a comparison, not another event told.
    uint32_t before = hit.first_token;
    if (before > s.first() && (s.IsWord(before - 1, "like") || s.IsWord(before - 1, "than") ||
                               (before > s.first() + 1 && s.IsWord(before - 2, "as") &&
                                (s.IsWord(before - 1, "in") || s.IsWord(before - 1, "with"))))) {
      continue;
    }
    // "another airstrike", "an earlier US drone attack", "a separate air strike".
    for (uint32_t t = hit.end_token; t < std::min(s.end(), hit.end_token + 4); ++t) {
      if (s.At(t, Cue::kAttackNoun) || s.At(t, Cue::kWeapon)) return true;
    }
  }
  return false;
}

// When a sentence's attack was: its dates (those of its report left out), a year it writes,
// and words that tell it from the attack before. Read only for the sentences that may join
// an incident (AssignsToIncident); the others are never asked.
void ReadWhen(const SentenceContext& s, const DateContext& date_context, SentenceFacts* facts) {
  SentenceFacts& f = *facts;
  for (DateRange& date : ReadDates(s, date_context)) {
    bool report_date = false;
    for (const CueHit& hit : s.cues()) {
      if (hit.cue != Cue::kReport && hit.cue != Cue::kReportNoun) continue;
      // "said on Saturday", "confirmed, on Saturday,", "on Friday rejected": the day of
      // the report. Only small words may stand between ("says nine dead after Sunday's
      // car bomb" dates the bomb).
      auto only_small_words = [&](uint32_t from, uint32_t to) {
        for (uint32_t t = from; t < to; ++t) {
          if (!(s.IsWord(t, "on") || s.IsWord(t, "late") || s.IsWord(t, "early") || s.IsWord(t, "this") ||
                s.IsWord(t, "last") || s.IsPunct(t, ","))) {
            return false;
          }
        }
        return true;
      };
      // Before the verb, a comma with a new subject after it closes the event's clause:
      // "killed 12 in Kidal on Saturday, residents said" dates the attack.
      auto new_subject_between = [&](uint32_t from, uint32_t to) {
        for (uint32_t t = from; t + 1 < to; ++t) {
          if (s.IsPunct(t, ",") && !s.IsPunct(t + 1, ",")) return true;
        }
        return false;
      };
      if ((hit.end_token <= date.first_token && date.first_token - hit.end_token < kReportDateWindow &&
           only_small_words(hit.end_token, date.first_token)) ||
          (date.first_token < hit.first_token && hit.first_token - date.first_token <= kReportDateWindow / 2 + 1 &&
           !new_subject_between(date.first_token, hit.first_token) &&
           // "killed 90 people on Saturday, according to the agency": the comma closes the event's clause.
           !(s.IsPunct(hit.first_token - 1, ",") && s.IsWord(hit.first_token, "according")))) {
        report_date = true;
      }
    }
    // "the RSF, the paramilitary group it has been fighting since April 2023": in words told
    // about a party, the start of an era, no event's date.
    bool era = false;
    if (date.first_token > s.first() && s.IsWord(date.first_token - 1, "since")) {
      uint32_t comma = date.first_token - 1;
      while (comma > s.first() && !s.IsPunct(comma, ",")) --comma;
      // "the Rapid Support Forces (RSF), the paramilitary group ...": past the short form.
      uint32_t party_end = comma;
      if (party_end > s.first() + 1 && s.IsPunct(party_end - 1, ")")) --party_end;
      const bool about_party = comma > s.first() && s.IsPunct(comma, ",") && s.ActorAt(party_end - 1) >= 0;
      const bool when_clause = date.first_token + 2 < s.end() && s.IsWord(date.first_token + 2, "when");
      era = about_party && !when_clause;
    }
    if (!report_date && !era) f.dates.push_back(std::move(date));
  }
  f.year = YearIn(s, /*event_years_only=*/true);
  f.later = LaterThatDay(s);
  f.separately = s.IsWord(s.first(), "separately");
  f.shift = HasOtherEventCue(s);
}

// Whether the assignment below takes the sentence at all (it skips duplicates too).
bool AssignsToIncident(const SentenceFacts& f) {
  const bool has_claims = !f.attributions.empty() || !f.casualties.empty();
  return !(f.duplicate || f.generic || f.roundup || (!f.attack && !has_claims));
}

// A sentence's content words, for comparing accounts across reports: read only for the
// sentences an incident takes.
void AppendContentWords(const SentenceContext& s, std::vector<std::string>* details) {
  for (uint32_t t = s.first(); t < s.end(); ++t) {
    const text::Token& token = s.token(t);
    bool content = token.kind == text::TokenKind::kNumber ||
                   (token.kind == text::TokenKind::kWord && token.folded.size() >= kMinDetailWordBytes);
    if (content && !s.Is(t, Cue::kStopword)) details->emplace_back(token.folded);
  }
}

}  // namespace

std::vector<uint64_t> HashDetails(const std::vector<std::string>& details) {
  std::vector<uint64_t> hashes;
  hashes.reserve(details.size());
  for (const std::string& word : details) hashes.push_back(std::hash<std::string>{}(word));
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

DocumentClaims ExtractClaims(const DocumentView& view, const Lexicon& lexicon) {
  DocumentClaims out;
  const Document& doc = *view.doc;
  const text::TokenStream& tokens = *view.tokens;
  Coreference coref(view);
  DateContext date_context;
  if (!doc.published.empty()) {
    if (Result<CivilDate> published = ParseIsoDate(doc.published); published.ok()) {
      date_context.published = DaysFromCivil(*published);
    }
  }
  // Each sentence is tagged once; the contexts serve every pass below.
  // One token table for all of them (SentenceContext::TokenSlot), before the contexts that point into it.
  std::vector<SentenceContext::TokenSlot> token_slots(tokens.tokens.size());
  std::vector<CueHit> document_cues;  // every context's, one after another
  document_cues.reserve(tokens.tokens.size() / 2);  // so that it seldom moves while it grows
  std::vector<SentenceContext> contexts;
  contexts.reserve(tokens.sentences.size());
  for (uint32_t sentence_idx = 0; sentence_idx < tokens.sentences.size(); ++sentence_idx) {
    // Each token is in one sentence (text::Token::sentence), in text order: each context
    // writes only its own slots.
    contexts.emplace_back(view, lexicon, sentence_idx, token_slots.data(), &document_cues);
  }
  // A year the document names anchors "June 17" when there is no publication date.
  if (!date_context.published) {
    for (const SentenceContext& s : contexts) {
      date_context.year = YearIn(s);
      if (date_context.year) break;
    }
  }

  std::vector<SentenceFacts> facts(tokens.sentences.size());
  out.trace.reserve(tokens.sentences.size());  // one entry per sentence: no moves while it grows
  absl::flat_hash_set<std::string_view, SentenceEndsHash, StringViewEq> seen_sentences;
  seen_sentences.reserve(tokens.sentences.size());  // one insert per sentence: no rehash while it fills
  std::optional<int> dateline_town;
  for (size_t place_idx = 0; place_idx < view.places.size() && !dateline_town; ++place_idx) {
    const PlaceSpan& place = view.places[place_idx];
    if (place.dateline && place.place.resolved && LevelOf(place.place) == PlaceLevel::kTown) {
      dateline_town = static_cast<int>(place_idx);
    }
  }
  bool town_named = false;
  bool unknown_town = false;  // a town the gazetteer lacks is named ("Nasir, a town in ...")
  std::vector<int64_t> killed_read;
  for (uint32_t sentence_idx = 0; sentence_idx < tokens.sentences.size(); ++sentence_idx) {
    const SentenceContext& s = contexts[sentence_idx];
    SentenceFacts& f = facts[sentence_idx];
    // A title repeated as the first paragraph says nothing new.
    if (!seen_sentences.insert(s.SentenceText()).second) {
      f.duplicate = true;
      continue;
    }
    const bool generic_statement = IsGenericStatement(s, s.first(), s.end());
    f.generic = generic_statement;
    // "They have also accused ..." after a general statement continues it.
    if (sentence_idx > 0 && facts[sentence_idx - 1].generic && s.At(s.first(), Cue::kAnaphor)) f.generic = true;
    // "a roadside bomb": the phrase's type, not that of the verb "bomb" inside it.
    const CueHit* phrase = nullptr;
    for (const CueHit& hit : s.cues()) {
      if (hit.cue == Cue::kAttackNoun || hit.cue == Cue::kWeapon || hit.cue == Cue::kAttackVerb) {
        const std::string& type = s.Entry(hit).value;
        const bool inside = phrase != nullptr && hit.end_token <= phrase->end_token && hit.first_token > phrase->first_token;
        if (inside && !s.Entry(*phrase).value.empty() && type != s.Entry(*phrase).value) continue;
        if (!inside) phrase = &hit;
        if (!type.empty()) f.attack_types.push_back(type);
      }
    }
    bool attack_noun = s.Has(Cue::kAttackNoun);
    f.attack_cue = attack_noun || s.Has(Cue::kWeapon) || s.Has(Cue::kAttackVerb);
    bool weapon = s.Has(Cue::kWeapon);
    bool attack_verb = s.Has(Cue::kAttackVerb);
    f.attack = attack_noun || (weapon && (attack_verb || s.Has(Cue::kKill))) ||
               (attack_verb && (s.Has(Cue::kKill) || !s.actors().empty())) || s.Has(Cue::kClaimResponsibility);
    std::vector<SourceFrame> frames = FindSources(s, coref);
    if (frames.size() == 1 && SameWord(frames[0].frame, "quote-continues")) {
      if (std::optional<SourceFrame> later = SpeakerAfterQuote(contexts, sentence_idx, coref)) {
        frames[0].source = later->source;
        frames[0].is_person = later->is_person;
        frames[0].frame = "quote-speaker-after";
      }
    }
    // ReadAttributions reads nothing from a generic statement (it asks IsGenericStatement of
    // the whole sentence first): the answer above spares it the words once per frame.
    for (size_t frame_idx = 0; frame_idx < frames.size() && !generic_statement; ++frame_idx) {
      std::vector<AttributionClaim> claims = ReadAttributions(s, frames[frame_idx], coref);
      MoveAppend(&claims, &f.attributions);
    }
    if (!f.generic) {
      std::vector<AttributionClaim> silent = ReadStrayNoComments(s, frames);
      MoveAppend(&silent, &f.attributions);
    }
    if (!f.generic) f.casualties = ReadCasualties(s, frames, coref, &f.notes);
    // "A funeral for the three martyrs will be held": a toll the report gave before, restated.
    std::erase_if(f.casualties, [&](const CasualtyClaim& claim) {
      const bool restated = claim.definite_count && !claim.injured && claim.killed &&
                            std::ranges::find(killed_read, *claim.killed) != killed_read.end();
      if (restated) f.notes.push_back("restated toll skipped: " + claim.number_words);
      return restated;
    });
    for (const CasualtyClaim& claim : f.casualties) {
      if (claim.killed) killed_read.push_back(*claim.killed);
    }
    f.victims = ReadNamedVictims(s);
    if (!f.casualties.empty() || !f.attributions.empty()) f.attack = f.attack || !f.casualties.empty();
    for (const SourceFrame& frame : frames) {
      if (frame.attributed && std::string_view(frame.frame) != "quote-continues") coref.NoteSource(frame.source, frame.is_person);
    }
    if (!f.victims.empty()) f.attack = true;
    f.victim_words = s.Has(Cue::kVictim);
    for (int place_idx : s.places()) {
      const PlaceSpan& place = view.places[place_idx];
      if (!place.place.resolved) continue;
      // Where the wounded were taken ("died in hospital in Kramatorsk") is not where the attack was.
      const std::string_view relation = place.place.relation;
      if (SameWord(relation, "treated_at")) continue;
      // A place word inside a person's name ("Al-Safi") is not where anything happened.
      bool in_name = false;
      ByteSpan place_bytes{tokens.tokens[place.first_token].span.begin, tokens.tokens[place.end_token - 1].span.end};
      for (const NamedVictim& victim : f.victims) in_name |= victim.span.Overlaps(place_bytes);
      // A place name used as a party ("Washington said", "US forces", "allied to Tripoli") is
      // not a location; after "in", "near", an attack verb or with a direction it is one.
      bool names_party = false;
      for (uint32_t t = place.first_token; t < place.end_token; ++t) names_party |= s.ActorAt(t) >= 0;
      // Inside a longer party's name, a place says where the speaker sits ("Investigators in
      // Kyiv said"); before a role or organisation word it is part of a name ("the Donetsk
      // regional military administration said").
      bool authority_name = false;
      if (int actor_idx = s.ActorAt(place.first_token); actor_idx >= 0 && s.actor(actor_idx).first_token < place.first_token) {
        in_name = true;
        authority_name = true;
      }
      // "a quadcopter dropped a bomb on the Khar police station": after a word of place the
      // role's building is where it happened.
      uint32_t opener = place.first_token;
      while (opener > s.first() && s.IsWord(opener - 1, "the")) --opener;
      const bool located = opener > s.first() && IsLocativeWord(s.folded(opener - 1)) && !s.IsWord(opener - 1, "of");
      for (uint32_t t = place.end_token; t < std::min(s.end(), place.end_token + 3) && !located; ++t) {
        if (s.Covering(t, Cue::kRole) || s.Covering(t, Cue::kOrgHead)) {
          in_name = true;
          authority_name = true;
          break;
        }
        if (!(s.IsWord(t, "regional") || s.IsWord(t, "provincial") || s.IsWord(t, "city") || s.IsWord(t, "local") ||
              s.IsWord(t, "military") || s.IsWord(t, "district") || s.IsWord(t, "state"))) {
          break;
        }
      }
      if (names_party && (relation.empty() || SameWord(relation, "demonym") || SameWord(relation, "country") ||
                          SameWord(relation, "region"))) {
        uint32_t before = place.first_token;
        while (before > s.first() && (s.IsWord(before - 1, "the") || s.IsPunct(before - 1, "\""))) --before;
        // "in Somalia's capital Mogadishu", "in the capital, Kyiv": the capital is a place.
        if (before > s.first() && s.IsPunct(before - 1, ",")) --before;
        if (before > s.first() && s.IsWord(before - 1, "capital")) {
          --before;
          while (before > s.first() && (s.IsWord(before - 1, "the") || s.IsWord(before - 1, "'s") ||
                                        s.PlaceAt(before - 1) >= 0 || s.ActorAt(before - 1) >= 0)) {
            --before;
          }
        }
        bool locative = before > s.first() && (IsLocativeWord(s.folded(before - 1)) || s.At(before - 1, Cue::kAttackVerb));
        if (!locative) in_name = true;
      }
      // A dateline ("BEIRUT -", "TRIPOLI (Reuters) -") is where the reporter filed from;
      // a town in capitals opening a sentence before a comma is one whose dash went missing.
      const text::Token& first_word = tokens.tokens[place.first_token];
      if (place.dateline || (first_word.all_caps && place.first_token == s.first() && place.end_token < s.end() &&
                             s.IsPunct(place.end_token, ","))) {
        in_name = true;
      }
      // "A health official in Khost city, some 40 km to the east, said": between a speaker's
      // words and the verb, a place says where the speaker is. It neither moves the sentence
      // nor opens another incident; with no other place it is the best guess at the scene.
      bool speaker_place = false;
      for (const SourceFrame& frame : frames) {
        speaker_place |= frame.attributed && frame.source_end > frame.source_first &&
                         frame.source_end <= place.first_token && place.end_token <= frame.verb_first &&
                         frame.verb_first - frame.source_end <= kSpeakerPlaceReach &&
                         s.Find(Cue::kReport, frame.source_end, place.first_token) == nullptr;
      }
      if (speaker_place && !in_name) {
        if (!f.speaker_place) f.speaker_place = place_idx;
        continue;
      }
      // "the left bank of the Dnipro": the river, not the city ("the Dnipro region" stays one).
      if (place.place.relation.empty() && s.Covering(place.first_token, Cue::kWaterway) != nullptr) continue;
      // "The head of the Chernihiv regional military administration says nine are dead": the
      // town an authority is named after is, like a speaker's town, the best guess at the scene.
      if (authority_name && !f.speaker_place && !place.dateline && !Elsewhere(s, place)) f.speaker_place = place_idx;
      if (in_name || Elsewhere(s, place) || InPassingClause(s, place) || TreatedIn(s, place) || OriginOf(s, place)) continue;
      if (std::optional<Offset> offset = OffsetBefore(s, place); offset && offset->km > kMinProjectionKm) {
        if (!f.projected) f.projected = Projected(place.place, *offset);
        continue;
      }
      f.places.push_back(place_idx);
      if (!f.anchor && LevelOf(place.place) == PlaceLevel::kTown && !ContainerOfNext(s, place)) f.anchor = place_idx;
    }
    if (!f.anchor && !f.projected && f.speaker_place && LevelOf(view.places[*f.speaker_place].place) == PlaceLevel::kTown) {
      f.anchor = f.speaker_place;
    }
    // "QAMISHLO - ... a drone targeted his car in the city's Hilaliya neighbourhood": before
    // any town is named, the town an attack sentence points back to is the dateline's.
    unknown_town |= NamesUnknownTown(s);
    if (!f.anchor && !town_named && !unknown_town && dateline_town && f.attack_cue && s.Has(Cue::kThisPlace)) {
      bool other_town = false;
      for (int place_idx : f.places) other_town |= LevelOf(view.places[place_idx].place) == PlaceLevel::kTown;
      if (!other_town) {
        f.places.push_back(*dateline_town);
        f.anchor = *dateline_town;
        f.notes.push_back("the town it points back to is the dateline's");
      }
    }
    // "in Beni territory, ... attacked a village about 30 km north of Beni": the scene measured
    // from a town is nearer than a district named by its seat.
    if (f.anchor && f.projected && view.places[*f.anchor].place.precision >= kEstimatedPrecision) f.anchor.reset();
    if (f.anchor) f.projected.reset();
    // "The assailants stormed the site some 50 km north-east of Bunia": an attack verb with
    // a scene measured from a town tells where the attack was.
    if (f.projected && s.Has(Cue::kAttackVerb)) f.attack = true;
    town_named |= f.anchor.has_value() || f.projected.has_value();
    if (f.generic) f.notes.push_back("generic statement about attacks: no claim");
    // "struck a car in Qamishli and a checkpoint near Amuda, killing five people in two
    // separate attacks": the toll is the sum of two incidents, neither's.
    bool separate_attacks = false;
    for (uint32_t t = s.first(); t + 1 < s.end() && !f.casualties.empty() && !separate_attacks; ++t) {
      separate_attacks = (s.IsWord(t, "separate") && s.At(t + 1, Cue::kAttackNoun) != nullptr) ||
                         ((s.IsWord(t, "two") || s.IsWord(t, "three")) && s.IsWord(t + 1, "separate"));
    }
    if (separate_attacks) {
      bool two_towns = false;
      for (size_t i = 0; i < f.places.size(); ++i) {
        for (size_t j = i + 1; j < f.places.size(); ++j) {
          two_towns |= DistinctTowns(view.places[f.places[i]].place, view.places[f.places[j]].place);
        }
      }
      if (two_towns) {
        f.notes.push_back("toll skipped: the sum of separate attacks in two towns");
        f.casualties.clear();
      }
    }
    // "25 civilians have been killed in two attacks ... as shelling hit the town of Sake and
    // rebels raided a village in Beni territory": a count of attacks over two places that
    // are not one is a summary of incidents.
    // Both cue classes must be in the sentence: most sentences are passed by without a word read.
    bool counted_attacks = false;
    const bool counts_attacks = s.Has(Cue::kCardinal) && s.Has(Cue::kAttackNoun);
    for (uint32_t t = s.first() + 1; counts_attacks && t + 1 < s.end() && !counted_attacks; ++t) {
      const CueHit* cardinal = s.At(t, Cue::kCardinal);
      counted_attacks = cardinal != nullptr && s.IsWord(t - 1, "in") && s.Entry(*cardinal).number >= 2 &&
                        s.At(cardinal->end_token, Cue::kAttackNoun) != nullptr;
    }
    for (size_t i = 0; i < f.places.size() && counted_attacks && !f.roundup; ++i) {
      for (size_t j = i + 1; j < f.places.size(); ++j) {
        const PlaceView& a = view.places[f.places[i]].place;
        const PlaceView& b = view.places[f.places[j]].place;
        if (LevelOf(a) == PlaceLevel::kCountry || LevelOf(b) == PlaceLevel::kCountry) continue;
        if (!Compatible(a, b) && !Compatible(b, a)) f.roundup = true;
      }
    }
    // A roundup names attacks in places far apart ("In Donetsk, two deaths ..., while in
    // Zaporizhzhia ..."): it belongs to no single incident.
    for (size_t i = 0; i < f.places.size() && !f.roundup; ++i) {
      for (size_t j = i + 1; j < f.places.size(); ++j) {
        const PlaceView& a = view.places[f.places[i]].place;
        const PlaceView& b = view.places[f.places[j]].place;
        if (LevelOf(a) == PlaceLevel::kCountry || LevelOf(b) == PlaceLevel::kCountry) continue;
        if (SameWord(a.relation, "between") || SameWord(b.relation, "between")) continue;
        if (DistanceKm(a.lat, a.lon, b.lat, b.lon) <= kRoundupKm) continue;
        // Two places far apart make a roundup only when a contrast joins two accounts:
        // "..., while in Zaporizhzhia ...", "...; in Kherson ...".
        uint32_t lo = std::min(view.places[f.places[i]].end_token, view.places[f.places[j]].end_token);
        uint32_t hi = std::max(view.places[f.places[i]].first_token, view.places[f.places[j]].first_token);
        for (uint32_t t = lo; t < hi; ++t) {
          if (s.IsWord(t, "while") || s.IsWord(t, "whereas") || s.IsPunct(t, ";")) f.roundup = true;
        }
        if (f.roundup) break;
      }
    }
    if (AssignsToIncident(f)) ReadWhen(s, date_context, &f);
  }

  // Assign sentences to incidents.
  std::vector<Builder> mains;
  std::vector<Builder> backgrounds;
  std::vector<uint32_t> pending;
  int current = -1;  // index into mains
  // The incident the last sentence read was told of: a sentence naming no place after it
  // goes on telling it ("Two brothers were killed" after "... shelled the village of X").
  int told_last = -1;
  // The town a sentence that was no part of any incident named.
  std::optional<int> town_before;
  // A sentence goes to one incident at most, once: its claims are moved, not copied.
  auto add_sentence = [&](Builder* b, uint32_t sentence_idx) {
    SentenceFacts& f = facts[sentence_idx];
    CandidateIncident& inc = b->incident;
    AppendContentWords(contexts[sentence_idx], &inc.details);
    inc.sentences.push_back(sentence_idx);
    MoveAppend(&f.attributions, &inc.attributions);
    MoveAppend(&f.casualties, &inc.casualties);
    MoveAppend(&f.victims, &inc.victims);
    for (std::string_view type : f.attack_types) inc.type_votes[std::string(type)] += 1;
    for (int place_idx : f.places) inc.place_mentions.emplace_back(view.places[place_idx].place.text);
    if (f.projected) inc.place_mentions.push_back(f.projected->text);
    if (!b->place && f.anchor) b->place = IncidentPlace(view.places[*f.anchor].place);
    if (!b->place && f.projected) b->place = *f.projected;
    NoteDates(b, f.dates);
  };
  // Background: an earlier or separate attack, grouped by place (or, without one, with the
  // background sentence just before).
  auto to_background = [&](const PlaceView* anchor, uint32_t sentence_idx, const char* note,
                           SentenceTrace* trace) {
    Builder* target = nullptr;
    for (Builder& b : backgrounds) {
      if (SpansApart(b, facts[sentence_idx].dates)) continue;
      if (anchor && b.place && Compatible(*anchor, *b.place)) target = &b;
      if (!anchor && !b.place && !b.incident.sentences.empty() && b.incident.sentences.back() + 1 == sentence_idx) {
        target = &b;
      }
    }
    if (target == nullptr) {
      backgrounds.emplace_back();
      target = &backgrounds.back();
      target->incident.background = true;
    }
    add_sentence(target, sentence_idx);
    trace->notes.push_back(note);
    trace->incident = -2;
    told_last = -1;
    out.trace.push_back(std::move(*trace));
  };
  for (uint32_t sentence_idx = 0; sentence_idx < facts.size(); ++sentence_idx) {
    SentenceFacts& f = facts[sentence_idx];
    SentenceTrace trace;
    trace.sentence = sentence_idx;
    trace.attack = f.attack;
    trace.notes = std::move(f.notes);
    if (f.roundup) trace.notes.push_back("dropped: a roundup of attacks in places far apart");
    if (!AssignsToIncident(f)) {
      // A line about nothing attacked ("11:30 - Drones over Russia", "Dozens of houses were
      // burned.") ends the telling.
      told_last = -1;
      town_before.reset();
      // A town named in what is told, not where it was said ("said at her weekly briefing in
      // Islamabad"), by a sentence of an attack or of forces at work ("Israeli troops entered
      // Khan Arnabah").
      const SentenceContext& told = contexts[sentence_idx];
      if (f.anchor && !f.generic && told.Find(Cue::kReport, told.first(), view.places[*f.anchor].first_token) == nullptr) {
        bool forces = f.attack_cue;
        for (size_t i = 0; i < told.actors().size() && !forces; ++i) {
          const std::string_view type = view.actors[told.actors()[i]].party.type;
          forces = SameWord(type, "military") || SameWord(type, "armed_group") || SameWord(type, "militia");
        }
        if (forces) town_before = f.anchor;
      }
      out.trace.push_back(std::move(trace));
      continue;
    }
    // "Israeli troops entered Khan Arnabah ... and searched several houses. Three local men
    // were killed in an exchange of fire": with several incidents or none yet, a toll naming
    // no town is of the town the sentence before named.
    if (!f.anchor && !f.projected && town_before && mains.size() != 1 && !f.casualties.empty() && !f.shift && !f.year) {
      f.anchor = town_before;
      trace.notes.push_back("no town named: the one the sentence before named");
    }
    town_before.reset();
    // Places of this sentence that fit no incident so far move it elsewhere.
    // The anchor as a view: a mention's place, or the place projected from one (f keeps it).
    std::optional<PlaceView> anchor_place;
    if (f.anchor) {
      anchor_place = view.places[*f.anchor].place;
    } else if (f.projected) {
      anchor_place.emplace(*f.projected);
    }
    const PlaceView* anchor = anchor_place ? &*anchor_place : nullptr;
    bool distant = false;
    if (!f.places.empty() && current >= 0 && mains[current].place) {
      bool any_fits = false;
      bool any_strong = false;
      // Towns and regions decide; a country named beside them ("Yemen's Hajjah province")
      // neither keeps nor moves the sentence.
      for (int place_idx : f.places) {
        const PlaceView& p = view.places[place_idx].place;
        // Nor does a region of no one country ("Al Qaeda's Sahel affiliate", "the Africa Corps").
        if (LevelOf(p) == PlaceLevel::kCountry || p.country.empty()) continue;
        any_strong = true;
        if (Compatible(p, *mains[current].place)) any_fits = true;
      }
      distant = any_strong && !any_fits;
    }
    // Only an attack's own date moves it: "the death toll rose to 64 Sunday" updates a count.
    bool attack_words = !f.attack_types.empty() || f.attack_cue;
    bool date_conflict = current >= 0 && attack_words && DatesConflict(mains[current], f.dates);
    // Before any town: against the day the sentences read so far gave ("on Saturday", then
    // "In January, a drone strike near Shashamane ...").
    // Only a month or a year: a day ("late on Monday") may be the attack the lead's "said on
    // Wednesday" reported.
    auto month_or_year = [&] {
      return std::ranges::any_of(f.dates, [](const DateRange& d) { return d.earliest && d.precision > 1; }) &&
             std::ranges::none_of(f.dates, [](const DateRange& d) { return d.precision == 1; });
    };
    if (current < 0 && attack_words && !pending.empty() && month_or_year()) {
      Builder so_far;
      for (uint32_t earlier : pending) NoteDates(&so_far, facts[earlier].dates);
      date_conflict = so_far.date.has_value() && DatesConflict(so_far, f.dates);
    }
    // "In a separate attack on Monday, aircraft bombed a camp near Hpakant": an attack of
    // this week told with its own town and day is news of its own, not background.
    // "About two hours later, a second drone hit a checkpoint in Amuda": the same day's.
    const bool later_that_day = current >= 0 && f.later;
    // "Separately, in Beni territory, ... late on Sunday, killing at least 18": another
    // day in another town, this week, with its own toll, is news of its own too.
    const bool other_town_other_day = date_conflict && anchor && current >= 0 && mains[current].place &&
                                      !Compatible(*anchor, *mains[current].place);
    bool news_of_its_own = (f.shift || other_town_other_day) && anchor && attack_words && !f.casualties.empty() &&
                           (DatedThisWeek(f.dates, date_context.published) || later_that_day);
    const bool own_town_and_day = anchor && current >= 0 && mains[current].place &&
                                  Compatible(*anchor, *mains[current].place) && !DatesConflict(mains[current], f.dates);
    bool shift = !news_of_its_own && (f.shift || ((!mains.empty() || !pending.empty()) && date_conflict && !own_town_and_day));
    // Another year written out ("In September 2014, ...") is another time, unless the
    // sentence names the incident's own town.
    if (!shift && f.year && (mains.size() + pending.size()) > 0) {
      std::optional<int> incident_year;
      if (current >= 0 && mains[current].date) incident_year = CivilFromDays(*mains[current].date).year;
      if (!incident_year && date_context.published) incident_year = CivilFromDays(*date_context.published).year;
      // Against a year read from the incident's own date, the town does not matter: "Saada
      // was heavily bombed from March to May 2025" in a 2026 report of a strike near Saada.
      const bool dated_incident = current >= 0 && mains[current].date.has_value();
      bool own_town = anchor && current >= 0 && mains[current].place && Compatible(*anchor, *mains[current].place);
      if (*f.year != incident_year.value_or(*f.year + 1) && (!own_town || dated_incident)) shift = true;
    }
    if (shift && (!mains.empty() || !pending.empty())) {
      to_background(anchor, sentence_idx, "background: another attack (time shift or 'another'/'earlier')", &trace);
      continue;
    }
    if (anchor) {
      int found = -1;
      // Only an attack or a toll opens another incident: a town named in passing by a
      // claim sentence ("no comment from the Houthis, who hold Sanaa") stays with this one.
      const bool names_an_attack = attack_words || f.attack || !f.casualties.empty();
      for (size_t main_idx = 0; main_idx < mains.size(); ++main_idx) {
        // "Hours later, an air strike destroyed a house in the city of Nabatieh": an attack
        // told in another town is another attack, however near.
        bool other_town = names_an_attack && !AnchorIsSpeakers(f) && mains[main_idx].place && DistinctTowns(*anchor, *mains[main_idx].place);
        // "Separately, a strike on a house in Jabalia ...": another town, however near.
        other_town = other_town || (f.separately && names_an_attack && mains[main_idx].place &&
                                    anchor->geonameid != 0 && anchor->geonameid != mains[main_idx].place->geonameid);
        if (mains[main_idx].place && Compatible(*anchor, *mains[main_idx].place) && !other_town &&
            !DatesConflict(mains[main_idx], f.dates)) {
          found = static_cast<int>(main_idx);
        }
      }
      if (found < 0) {
        for (size_t main_idx = 0; main_idx < mains.size(); ++main_idx) {
          if (!mains[main_idx].place) found = static_cast<int>(main_idx);
        }
      }
      if (found < 0 && current >= 0 && !names_an_attack) {
        found = current;
        trace.notes.push_back("a town named in passing: stays with the incident");
      }
      if (found < 0 && current >= 0 && AnchorIsSpeakers(f)) {
        found = current;
        trace.notes.push_back("the town the speaker is in: stays with the incident");
      }
      // "the March 4 bombing in Bannu" in a report of March 19: an older attack recalled
      // beside this one is background, not a second incident.
      if (found < 0 && !mains.empty() && DatedBeforeTheWeek(f.dates, date_context.published)) {
        to_background(anchor, sentence_idx, "background: an attack dated before the report's week", &trace);
        continue;
      }
      if (found < 0) {
        std::optional<int64_t> day_before = current >= 0 && later_that_day ? mains[current].date : std::nullopt;
        mains.emplace_back();
        found = static_cast<int>(mains.size() - 1);
        mains.back().inherited_date = day_before;
      }
      current = found;
      add_sentence(&mains[current], sentence_idx);
      trace.incident = current;
      told_last = current;
    } else if (distant) {
      // A region far from the incident: a background mention (a war elsewhere).
      backgrounds.emplace_back();
      backgrounds.back().incident.background = true;
      for (int place_idx : f.places) {
        if (LevelOf(view.places[place_idx].place) != PlaceLevel::kCountry) {
          backgrounds.back().place = IncidentPlace(view.places[place_idx].place);
          break;
        }
      }
      add_sentence(&backgrounds.back(), sentence_idx);
      trace.notes.push_back("background: a place far from the incident");
      trace.incident = -2;
      told_last = -1;
    } else if (current >= 0 && mains.size() == 1) {
      add_sentence(&mains[current], sentence_idx);
      trace.incident = current;
    } else if (current >= 0 && told_last == current && f.places.empty()) {
      add_sentence(&mains[current], sentence_idx);
      trace.incident = current;
      trace.notes.push_back("no place named: goes on telling the incident just told");
    } else {
      pending.push_back(sentence_idx);
      trace.notes.push_back("pending: no town named yet");
    }
    out.trace.push_back(std::move(trace));
  }
  // Sentences read before any town was named: one incident takes them all; with several,
  // only a sentence whose places fit exactly one of them; the rest summarise all (dropped).
  if (mains.empty() && !pending.empty()) {
    mains.emplace_back();
    for (uint32_t sentence_idx : pending) {
      for (int place_idx : facts[sentence_idx].places) {
        if (!mains[0].place || LevelOf(view.places[place_idx].place) < LevelOf(*mains[0].place)) {
          mains[0].place = IncidentPlace(view.places[place_idx].place);
        }
      }
    }
    // "QUETTA: The death toll from yesterday's bombing at the bus terminal rose to 27": a
    // report that names no town at all is filed from the scene, unless it names a town the
    // gazetteer lacks or a country other than the dateline's. Naming only the dateline's
    // country ("KYIV - Russia launched 80 drones across Ukraine"), it must point back to a
    // town ("markets across the city stayed shut") to be a local report.
    const PlaceView* filed_from = dateline_town ? &view.places[*dateline_town].place : nullptr;
    bool points_to_town = false;
    for (const SentenceContext& s : contexts) points_to_town |= s.Has(Cue::kThisPlace);
    if (filed_from != nullptr && !unknown_town &&
        (!mains[0].place || (LevelOf(*mains[0].place) == PlaceLevel::kCountry &&
                             mains[0].place->country == filed_from->country && points_to_town))) {
      mains[0].place = IncidentPlace(*filed_from);
      mains[0].place->relation = kFiledFromRelation;
    }
  }
  std::vector<DateRange> summary_dates;  // dates of sentences that sum up several incidents
  // The pending sentence placed last and its incident: the next sentence, naming no place,
  // goes on telling it ("He said about 15 people were being treated").
  std::optional<std::pair<uint32_t, int>> placed_last;
  for (uint32_t sentence_idx : pending) {
    int fits = -1;
    int count = 0;
    if (placed_last && placed_last->first + 1 == sentence_idx && facts[sentence_idx].places.empty()) {
      fits = placed_last->second;
      count = 1;
    } else if (mains.size() == 1) {
      fits = 0;
      count = 1;
    } else {
      for (size_t main_idx = 0; main_idx < mains.size(); ++main_idx) {
        bool ok = !facts[sentence_idx].places.empty();
        for (int place_idx : facts[sentence_idx].places) {
          const PlaceView& p = view.places[place_idx].place;
          if (LevelOf(p) == PlaceLevel::kCountry || !mains[main_idx].place || !Compatible(p, *mains[main_idx].place)) ok = false;
        }
        if (ok) {
          fits = static_cast<int>(main_idx);
          ++count;
        }
      }
    }
    // "the attack on Tse-Akaa in Nigeria's Benue state": an attack with its toll in a town the
    // gazetteer lacks, in a region none of the incidents is in, is news of its own.
    const SentenceFacts& pf = facts[sentence_idx];
    const PlaceView* own_region = nullptr;
    if (count == 0 && mains.size() > 1 && pf.attack && !pf.casualties.empty()) {
      for (int place_idx : pf.places) {
        const PlaceView& p = view.places[place_idx].place;
        if (LevelOf(p) == PlaceLevel::kRegion && own_region == nullptr) own_region = &p;
      }
      for (const Builder& b : mains) {
        if (own_region != nullptr && b.place && (Compatible(*own_region, *b.place) || Compatible(*b.place, *own_region))) {
          own_region = nullptr;
        }
      }
      if (own_region != nullptr) {
        mains.emplace_back();
        mains.back().place = IncidentPlace(*own_region);
        fits = static_cast<int>(mains.size() - 1);
        count = 1;
      }
    }
    for (SentenceTrace& trace : out.trace) {
      if (trace.sentence != sentence_idx) continue;
      trace.incident = count == 1 ? fits : -1;
      if (count != 1) trace.notes.push_back("dropped: a summary of several incidents");
      if (own_region != nullptr) trace.notes.push_back("an attack in a region no incident is in: news of its own");
    }
    if (count != 1 && mains.size() > 1) {
      summary_dates.insert(summary_dates.end(), facts[sentence_idx].dates.begin(), facts[sentence_idx].dates.end());
    }
    if (count == 1) add_sentence(&mains[fits], sentence_idx);
    placed_last.reset();
    if (count == 1) placed_last.emplace(sentence_idx, fits);
  }
  auto finish = [&](Builder& b) {
    // Dates are read again in sentence order: pending sentences were added last, and the
    // first date a report gives is the attack's.
    std::sort(b.incident.sentences.begin(), b.incident.sentences.end());
    b.date.reset();
    b.span.reset();
    b.weekday = -1;
    b.night_mask = 0;
    for (uint32_t sentence_idx : b.incident.sentences) NoteDates(&b, facts[sentence_idx].dates);
    // "Shelling on Thursday killed four people" over two towns' accounts that give no day:
    // the summary's day is theirs.
    if (!b.incident.background && !b.date && b.weekday < 0) NoteDates(&b, summary_dates);
    if (!b.date && b.weekday < 0) b.date = b.inherited_date;
    DropDenialsOfNoCharge(&b.incident, facts, &out.trace);
    CandidateIncident inc = std::move(b.incident);
    inc.doc = doc.id;
    inc.published = date_context.published;
    inc.place = std::move(b.place);
    inc.event_type = ChooseEventType(inc.type_votes);
    if (b.date) {
      inc.date.earliest = inc.date.latest = b.date;
      inc.date.precision = 1;
    } else if (inc.background && b.span) {
      inc.date.earliest = b.span->earliest;
      inc.date.latest = b.span->latest;
      inc.date.precision = b.span->precision;
    }
    inc.date.weekday = b.weekday;
    inc.date.night_mask = b.night_mask;
    for (auto& claim : inc.attributions) claim.doc = doc.id;
    for (auto& claim : inc.casualties) claim.doc = doc.id;
    for (auto& victim : inc.victims) victim.doc = doc.id;
    inc.detail_hashes = HashDetails(inc.details);
    out.incidents.push_back(std::move(inc));
  };
  // Talk of attacks in general ("civilians killed in drone strikes in Pakistan") is no
  // incident: a main incident needs a place below the country, a day, or a claim.
  for (Builder& b : mains) {
    bool specific = (b.place && LevelOf(*b.place) != PlaceLevel::kCountry) || b.date || b.weekday >= 0 ||
                    !b.incident.casualties.empty() || !b.incident.attributions.empty();
    for (uint32_t sentence_idx : b.incident.sentences) {
      for (const DateRange& d : facts[sentence_idx].dates) specific |= d.earliest.has_value() || d.weekday >= 0;
    }
    if (specific) finish(b);
  }
  // A background mention with nothing of its own to keep apart (no claim, figure or
  // victim) would only be noise in the ledger.
  for (Builder& b : backgrounds) {
    if (b.incident.attributions.empty() && b.incident.casualties.empty() && b.incident.victims.empty()) continue;
    finish(b);
  }
  // The trace points at the incidents actually emitted (some were dropped above).
  std::vector<int> incident_of_sentence(facts.size(), -1);
  for (size_t incident_idx = 0; incident_idx < out.incidents.size(); ++incident_idx) {
    for (uint32_t sentence_idx : out.incidents[incident_idx].sentences) {
      incident_of_sentence[sentence_idx] = static_cast<int>(incident_idx);
    }
  }
  for (SentenceTrace& trace : out.trace) trace.incident = incident_of_sentence[trace.sentence];
  return out;
}

}  // namespace crosscheck::claims
