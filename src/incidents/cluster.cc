#include "incidents/cluster.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <absl/strings/str_cat.h>

#include "claims/extract.h"
#include "core/geo.h"
#include "core/string_table.h"

namespace crosscheck::incidents {
namespace {

// Grid cells for blocking: a candidate is compared only with those in its own and the
// neighbouring cells, so the work grows with the input, never with its square.
constexpr double kBlockDegrees = 0.5;
constexpr int64_t kSameDayTolerance = 1;
// How long before its report an undated account's attack may lie: news of an attack is
// out within days, and a longer window lets undated accounts of a town under daily
// attack chain weeks of strikes into one incident (7,503 reports over 11 years of Gaza in
// a 30,000-article generated corpus with 30 days).
constexpr int64_t kUndatedReportWindowDays = 3;
constexpr int kDaysInWeek = 7;
// UCDP where_prec from which a place is a province or a country, not a town.
constexpr int kCoarsePrecision = 4;

// A day's attack fell in the night before it or the night after it began.
uint8_t NightsOfDay(int weekday) {
  return static_cast<uint8_t>((1u << weekday) | (1u << ((weekday + kDaysInWeek - 1) % kDaysInWeek)));
}

int WeekdayOf(int64_t days) {
  int64_t w = (days + 3) % kDaysInWeek;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + kDaysInWeek : w);
}

// Kinds of attack that may describe one event: a drone strike is an airstrike, an
// explosion of unknown cause may be either; shelling and a bombing are not airstrikes.
int Family(const std::string& type) {
  if (type == "airstrike" || type == "drone_strike" || type == "missile_strike") return 1;
  if (type == "shelling") return 2;
  if (type == "bombing") return 3;
  if (type == "raid" || type == "armed_clash") return 4;
  return 0;  // explosion, other: compatible with anything
}

// An account without a date tells of an attack before its report appeared, and a recent
// one: an older attack is given a date or a "last year". Without this, undated reports
// chain dated ones of different years into one incident.
bool UndatedWindowAllows(std::optional<int64_t> undated_published, int64_t dated_day) {
  if (!undated_published) return true;
  int64_t before_report = *undated_published - dated_day;
  return before_report >= -kSameDayTolerance && before_report <= kUndatedReportWindowDays;
}

bool ReportWindowAllows(const claims::CandidateIncident& a, const claims::CandidateIncident& b) {
  if (a.date.earliest.has_value() != b.date.earliest.has_value()) {
    const claims::CandidateIncident& dated = a.date.earliest ? a : b;
    const claims::CandidateIncident& undated = a.date.earliest ? b : a;
    return UndatedWindowAllows(undated.published, *dated.date.earliest);
  }
  if (!a.date.earliest && a.published && b.published) {
    return std::llabs(*a.published - *b.published) <= kUndatedReportWindowDays;  // two undated accounts
  }
  return true;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

std::string Skeleton(const std::string& name) {
  // Letters only, lower case, doubled letters and vowels dropped after the first:
  // "Razzaq" ~ "Razaq", "Anoon" ~ "Naon" stay apart but "al-Safi" ~ "Al-Safi" meet.
  std::string out;
  for (char c : name) {
    char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    // Letters that transliterations swap: Halyna/Galina, Qasim/Kasim, Walid/Valid.
    if (lower == 'g') lower = 'h';
    if (lower == 'q' || lower == 'c') lower = 'k';
    if (lower == 'w') lower = 'v';
    if (lower < 'a' || lower > 'z') {
      out.push_back(' ');
      continue;
    }
    bool vowel = std::string_view("aeiouy").find(lower) != std::string_view::npos;
    if (!out.empty() && out.back() != ' ' && vowel) continue;
    if (!out.empty() && out.back() == lower) continue;
    out.push_back(lower);
  }
  return out;
}

std::set<std::string> NameParts(const std::string& name) {
  std::set<std::string> parts;
  std::string skeleton = Skeleton(name);
  size_t start = 0;
  while (start < skeleton.size()) {
    size_t end = skeleton.find(' ', start);
    if (end == std::string::npos) end = skeleton.size();
    std::string part = skeleton.substr(start, end - start);
    if (part.size() >= 2 && part != "l" && part != "al" && part != "bn" && part != "b") parts.insert(part);
    start = end + 1;
  }
  return parts;
}

// The elements two sorted lists share, in one merge pass; `on_shared` returns true to stop.
template <typename T, typename OnShared>
void VisitShared(const std::vector<T>& a, const std::vector<T>& b, OnShared on_shared) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      if (on_shared(a[i])) return;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Whether two sorted lists share an element that `counts` accepts.
template <typename T, typename Counts>
bool SharesSorted(const std::vector<T>& a, const std::vector<T>& b, Counts counts) {
  bool found = false;
  VisitShared(a, b, [&](const T& element) { return found = counts(element); });
  return found;
}

// Dice overlap of two sorted unique hash lists.
double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  VisitShared(a, b, [&](uint64_t) {
    ++shared;
    return false;
  });
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

const std::vector<uint64_t>& DetailHashes(const claims::CandidateIncident& c, std::vector<uint64_t>* scratch) {
  if (!c.detail_hashes.empty() || c.details.empty()) return c.detail_hashes;
  *scratch = claims::HashDetails(c.details);  // candidates read back without their hashes
  return *scratch;
}

}  // namespace

bool DaysMayMerge(const claims::CandidateIncident& candidate, std::optional<int64_t> other_day) {
  const std::optional<int64_t>& day = candidate.date.earliest;
  if (day && other_day) return std::llabs(*day - *other_day) <= kSameDayTolerance;
  if (!day && other_day) return UndatedWindowAllows(candidate.published, *other_day);
  return true;
}

bool SameVictimName(const std::string& a, const std::string& b) {
  std::set<std::string> pa = NameParts(a), pb = NameParts(b);
  if (pa.empty() || pb.empty()) return false;
  size_t shared = 0;
  for (const std::string& part : pa) shared += pb.count(part);
  // Given name and family name agree, whatever the middle names.
  return shared >= 2 || (shared >= 1 && std::min(pa.size(), pb.size()) == 1);
}

bool PairEvidence::Merge(const ClusterOptions& options) const {
  if (!place_ok || !date_ok) return false;
  // Outlets name one attack differently ("shelling", "an airstrike"): a shared victim or
  // spokesperson outweighs the wording; without them the kinds must agree.
  if (shared_victim || shared_person) return true;
  if (!type_ok) return false;
  if (date_known_equal || shared_figure) return true;
  // A coarse place needs the night as well as the wording.
  if (coarse_place) return weekday_match && similarity >= options.min_similarity;
  // Same town, same night, same kind of attack: one incident by definition, unless the
  // reports have one party both claiming and denying it.
  if (weekday_match && same_kind && !opposed_positions) return true;
  return similarity >= (weekday_match ? options.min_similarity_same_weekday : options.min_similarity);
}

// What a candidate brings to every comparison, computed once.
struct Prepared {
  std::vector<std::set<std::string>> victims;  // name parts of each named victim
  std::vector<std::set<std::string>> persons;  // name parts of each named spokesperson
  std::vector<int64_t> figures;                // killed counts above one
  std::set<std::string> claims_itself;         // parties that claim it as their own
  std::set<std::string> denies_itself;         // parties that deny their own part
  std::vector<uint64_t> scratch;
  const std::vector<uint64_t>* details = nullptr;
};

bool SameName(const std::set<std::string>& pa, const std::set<std::string>& pb) {
  if (pa.empty() || pb.empty()) return false;
  size_t shared = 0;
  for (const std::string& part : pa) shared += pb.count(part);
  return shared >= 2 || (shared >= 1 && std::min(pa.size(), pb.size()) == 1);
}

void Prepare(const claims::CandidateIncident& c, Prepared* p) {
  for (const auto& victim : c.victims) p->victims.push_back(NameParts(victim.name));
  std::set<std::string> seen_people;
  for (const auto& claim : c.attributions) {
    if (!claim.source.person.empty() && seen_people.insert(claim.source.person).second) {
      p->persons.push_back(NameParts(claim.source.person));
    }
    if (claim.actor && claim.source.party == claim.actor->party) {
      if (claim.stance == "asserts") p->claims_itself.insert(claim.actor->party);
      if (claim.stance == "denies") p->denies_itself.insert(claim.actor->party);
    }
  }
  for (const auto& claim : c.casualties) {
    if (claim.killed && *claim.killed > 1) p->figures.push_back(*claim.killed);
  }
  std::sort(p->figures.begin(), p->figures.end());
  p->details = &DetailHashes(c, &p->scratch);
}

PairEvidence ComparePrepared(const claims::CandidateIncident& a, const Prepared& pa, const claims::CandidateIncident& b,
                             const Prepared& pb, const ClusterOptions& options) {
  PairEvidence e;
  if (a.place && b.place && a.place->resolved && b.place->resolved) {
    e.place_ok = (a.place->geonameid != 0 && a.place->geonameid == b.place->geonameid) ||
                 DistanceKm(a.place->lat, a.place->lon, b.place->lat, b.place->lon) <= options.same_place_km;
    // Only a country or province known on one side: compatible with a town inside it,
    // but then only a date or a shared detail may join them, never wording alone.
    bool coarse = a.place->precision >= kCoarsePrecision || b.place->precision >= kCoarsePrecision;
    if (!e.place_ok && coarse && !a.place->country.empty() && a.place->country == b.place->country) {
      e.place_ok = true;
      e.coarse_place = true;
    }
  } else {
    e.place_ok = !a.place && !b.place;  // two unplaced accounts need the other evidence
  }
  e.date_ok = true;
  // A named weekday on one side checks against the other's date or weekday.
  int weekday_a = a.date.weekday >= 0 ? a.date.weekday : (a.date.earliest ? WeekdayOf(*a.date.earliest) : -1);
  int weekday_b = b.date.weekday >= 0 ? b.date.weekday : (b.date.earliest ? WeekdayOf(*b.date.earliest) : -1);
  if (a.date.earliest && b.date.earliest) {
    int64_t gap = std::llabs(*a.date.earliest - *b.date.earliest);
    e.date_ok = gap <= kSameDayTolerance;
    // A day apart (a night attack, reports in two time zones) is compatible, but day after
    // day of strikes on one town must not chain into one incident: it takes more evidence.
    e.date_known_equal = gap == 0;
  } else if (weekday_a >= 0 && weekday_b >= 0) {
    // Named weekdays must allow a common night ("late Tuesday" ~ "early Wednesday"). That
    // is weak evidence (one night in seven or so): it only lowers the wording bar.
    uint8_t nights_a = a.date.night_mask != 0 ? a.date.night_mask : NightsOfDay(weekday_a);
    uint8_t nights_b = b.date.night_mask != 0 ? b.date.night_mask : NightsOfDay(weekday_b);
    e.date_ok = (nights_a & nights_b) != 0;
    e.weekday_match = e.date_ok;
  }
  if (!ReportWindowAllows(a, b)) e.date_ok = false;
  int fa = Family(a.event_type), fb = Family(b.event_type);
  e.type_ok = fa == 0 || fb == 0 || fa == fb;
  e.same_kind = fa != 0 && fa == fb;
  for (const auto& va : pa.victims) {
    for (const auto& vb : pb.victims) e.shared_victim |= SameName(va, vb);
  }
  for (const auto& va : pa.persons) {
    for (const auto& vb : pb.persons) e.shared_person |= SameName(va, vb);
  }
  e.shared_figure = SharesSorted(pa.figures, pb.figures, [](int64_t) { return true; });
  // One side's party claims the attack while the other's report has the same party deny
  // it: two different attacks, unless a date or victim says otherwise.
  for (const std::string& party : pa.claims_itself) e.opposed_positions |= pb.denies_itself.count(party) > 0;
  for (const std::string& party : pb.claims_itself) e.opposed_positions |= pa.denies_itself.count(party) > 0;
  e.similarity = Dice(*pa.details, *pb.details);
  if (!e.place_ok && !a.place && !b.place) e.place_ok = e.shared_victim;
  return e;
}

PairEvidence ComparePair(const claims::CandidateIncident& a, const claims::CandidateIncident& b,
                         const ClusterOptions& options) {
  Prepared pa, pb;
  Prepare(a, &pa);
  Prepare(b, &pb);
  return ComparePrepared(a, pa, b, pb, options);
}

namespace {

enum class Tier { kTown, kCountry, kNone };

Tier TierOf(const claims::CandidateIncident& c) {
  if (c.place && c.place->resolved && c.place->precision < kCoarsePrecision) return Tier::kTown;
  if (c.place && c.place->resolved && !c.place->country.empty()) return Tier::kCountry;
  return Tier::kNone;
}

std::pair<int, int> CellOf(const claims::IncidentPlace& p) {
  return {static_cast<int>(std::floor(p.lat / kBlockDegrees)), static_cast<int>(std::floor(p.lon / kBlockDegrees))};
}

bool Dated(const claims::CandidateIncident& c) { return c.date.earliest.has_value() || c.date.weekday >= 0; }

// The evidence keys two candidates must share to be compared: days, nights, victims'
// name parts, spokespeople, figures.
std::vector<std::string> EvidenceKeys(const claims::CandidateIncident& c) {
  std::vector<std::string> keys;
  constexpr int64_t kDayWindow = 1;
  constexpr int64_t kMaxDays = 7;
  if (c.date.earliest && c.date.latest && *c.date.latest - *c.date.earliest <= kMaxDays) {
    for (int64_t day = *c.date.earliest - kDayWindow; day <= *c.date.latest + kDayWindow; ++day) {
      keys.push_back(absl::StrCat("d", day));
    }
  }
  // Nights: "n" for a dated account, "N" for one known only by its weekday. Two dated
  // accounts meet on their days, never on a weekday alone (a town's attacks a week apart).
  int weekday = c.date.weekday >= 0 ? c.date.weekday : (c.date.earliest ? WeekdayOf(*c.date.earliest) : -1);
  if (weekday >= 0 && c.place && c.place->resolved) {
    uint8_t nights = c.date.night_mask != 0 ? c.date.night_mask : NightsOfDay(weekday);
    const char* tag = c.date.earliest ? "n" : "N";
    for (int bit = 0; bit < kDaysInWeek; ++bit) {
      if (nights & (1u << bit)) keys.push_back(absl::StrCat(tag, bit));
    }
  }
  // Victims, spokespeople and figures matter only when one side has no date (two dated
  // accounts of different days never merge): lower case for a dated account, upper case
  // for an undated one, and two lower-case keys never meet — the same rule as nights.
  const bool dated = c.date.earliest.has_value() || c.date.weekday >= 0;
  const std::string victim_tag = dated ? "v" : "V";
  const std::string person_tag = dated ? "p" : "P";
  const std::string figure_tag = dated ? "f" : "F";
  for (const auto& victim : c.victims) {
    for (const std::string& part : NameParts(victim.name)) keys.push_back(absl::StrCat(victim_tag, part));
  }
  // Without any place, a spokesperson or a figure is too common a bond (one spokesman
  // speaks of many attacks): such accounts meet only on a day or a victim.
  const bool placed = c.place && c.place->resolved;
  for (const auto& claim : c.attributions) {
    if (!claim.source.person.empty() && placed) {
      for (const std::string& part : NameParts(claim.source.person)) keys.push_back(absl::StrCat(person_tag, part));
    }
  }
  for (const auto& claim : c.casualties) {
    if (claim.killed && *claim.killed > 1 && placed) keys.push_back(absl::StrCat(figure_tag, *claim.killed));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// Keys that come in a dated (lower case) and an undated (upper case) form: nights,
// victims, spokespeople, figures. A lower-case key meets only its upper-case partner.
bool Paired(char tag) { return std::string_view("nNvVpPfF").find(tag) != std::string_view::npos; }
bool Weak(char tag) { return tag == 'n' || tag == 'v' || tag == 'p' || tag == 'f'; }

// "n3" -> "N3", "Vsafi" -> "vsafi"; "" for keys that have no partner form (days).
std::string NightPartner(const std::string& key) {
  if (key.empty() || !Paired(key[0])) return {};
  char other = static_cast<char>(std::islower(static_cast<unsigned char>(key[0])) ? std::toupper(key[0]) : std::tolower(key[0]));
  return other + key.substr(1);
}

bool ShareKey(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& key : a) {
    std::string partner = NightPartner(key);
    if (!partner.empty() && std::binary_search(b.begin(), b.end(), partner)) return true;
  }
  // Two dated accounts never meet on a night, victim, spokesperson or figure alone.
  return SharesSorted(a, b, [](const std::string& key) { return !Weak(key[0]); });
}

}  // namespace

namespace {

// The smallest detail hashes: two accounts whose words overlap as much as one incident's
// reports do share at least one of them with high probability (a bottom-k sketch), so an
// undated account is compared only with accounts that share one.
constexpr size_t kSketchSize = 16;

std::vector<uint64_t> Sketch(const claims::CandidateIncident& c) {
  std::vector<uint64_t> scratch;
  const std::vector<uint64_t>& hashes = DetailHashes(c, &scratch);
  return std::vector<uint64_t>(hashes.begin(), hashes.begin() + std::min(kSketchSize, hashes.size()));
}

bool ShareHash(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  return SharesSorted(a, b, [](uint64_t) { return true; });
}

bool SameTown(const claims::CandidateIncident& a, const claims::CandidateIncident& b) {
  if (a.place->geonameid != 0 || b.place->geonameid != 0) return a.place->geonameid == b.place->geonameid;
  return CellOf(*a.place) == CellOf(*b.place);
}

bool MayPairWith(const claims::CandidateIncident& a, const std::vector<std::string>& keys_a,
                 const std::vector<uint64_t>& sketch_a, const claims::CandidateIncident& b,
                 const std::vector<std::string>& keys_b, const std::vector<uint64_t>& sketch_b) {
  if (a.background || b.background || a.doc == b.doc) return false;
  if (!ReportWindowAllows(a, b)) return false;  // never merged: not compared either
  Tier ta = TierOf(a), tb = TierOf(b);
  if (ta == Tier::kTown && tb == Tier::kTown) {
    std::pair<int, int> ca = CellOf(*a.place), cb = CellOf(*b.place);
    if (std::abs(ca.first - cb.first) > 1 || std::abs(ca.second - cb.second) > 1) return false;
    if (ShareKey(keys_a, keys_b)) return true;
    // Undated: only the wording can tell, within one town.
    return (!Dated(a) || !Dated(b)) && SameTown(a, b) && ShareHash(sketch_a, sketch_b);
  }
  bool same_country = ta != Tier::kNone && tb != Tier::kNone && a.place->country == b.place->country;
  bool both_unplaced = ta == Tier::kNone && tb == Tier::kNone;
  if (!same_country && !both_unplaced) return false;
  return ShareKey(keys_a, keys_b);
}

}  // namespace

bool MayPair(const claims::CandidateIncident& a, const claims::CandidateIncident& b) {
  return MayPairWith(a, EvidenceKeys(a), Sketch(a), b, EvidenceKeys(b), Sketch(b));
}

PairingEvidence::PairingEvidence(const claims::CandidateIncident& candidate)
    : candidate_(&candidate), keys_(EvidenceKeys(candidate)), sketch_(Sketch(candidate)) {}

bool MayPair(const PairingEvidence& a, const PairingEvidence& b) {
  return MayPairWith(*a.candidate_, a.keys_, a.sketch_, *b.candidate_, b.keys_, b.sketch_);
}

namespace {

// Time bins of the keys that pair an undated account: kReportWindowBinDays wide, so that
// the window of ReportWindowAllows spans at most three.
constexpr int64_t kReportWindowBinDays = 32;
// Bins that are not days: a key without time, the "any time" index, the "no day" one.
constexpr int64_t kUntimed = INT64_MIN;
constexpr int64_t kAnyTime = INT64_MIN + 1;
constexpr int64_t kNoDay = INT64_MIN + 2;

int64_t BinOf(int64_t day) { return day >= 0 ? day / kReportWindowBinDays : -((-day - 1) / kReportWindowBinDays) - 1; }

// A candidate's blocking keys as references into its blocks and keys: Cluster hashes them
// without building a string per key (a town candidate probes ten blocks, each key in up
// to four time bins); BlockingKeysOf spells them out for the store.
struct BlockingParts {
  struct Ref {
    uint32_t block;
    uint32_t key;
    int64_t bin;
  };
  std::vector<std::string> blocks;
  std::vector<std::string> keys;
  std::vector<Ref> index, probe;
};

// `keys` and `sketch` are EvidenceKeys(c) and Sketch(c), which Cluster keeps anyway.
BlockingParts BlockingPartsOf(const claims::CandidateIncident& c, const std::vector<std::string>& keys,
                              const std::vector<uint64_t>& sketch) {
  BlockingParts out;
  if (c.background) return out;  // background mentions are never merged
  out.keys = keys;
  const size_t evidence_count = out.keys.size();
  const Tier tier = TierOf(c);
  auto add_block = [&](std::string block) {
    out.blocks.push_back(std::move(block));
    return static_cast<uint32_t>(out.blocks.size() - 1);
  };
  auto add_key = [&](std::string key) {
    out.keys.push_back(std::move(key));
    return static_cast<uint32_t>(out.keys.size() - 1);
  };
  // Keys that pair an undated account are filed by the account's day (the attack's, else
  // the report's) and probed over the days ReportWindowAllows, so that accounts years
  // apart never meet. Accounts without any day are filed under "no day" and probe "any".
  const std::optional<int64_t> anchor = c.date.earliest ? c.date.earliest : c.published;
  auto index_timed = [&](uint32_t block, uint32_t key) {
    if (anchor) {
      out.index.push_back({block, key, BinOf(*anchor)});
      out.index.push_back({block, key, kAnyTime});
    } else {
      out.index.push_back({block, key, kNoDay});
    }
  };
  auto probe_timed = [&](uint32_t block, uint32_t key) {
    if (anchor) {
      for (int64_t bin = BinOf(*anchor - kUndatedReportWindowDays); bin <= BinOf(*anchor + kUndatedReportWindowDays); ++bin) {
        out.probe.push_back({block, key, bin});
      }
    } else {
      out.probe.push_back({block, key, kAnyTime});
    }
    out.probe.push_back({block, key, kNoDay});
  };
  auto index_key = [&](uint32_t block, uint32_t key) {
    if (Paired(out.keys[key][0])) {
      index_timed(block, key);
    } else {
      out.index.push_back({block, key, kUntimed});
    }
  };
  auto block_of = [&](int dlat, int dlon) -> std::string {
    switch (tier) {
      case Tier::kTown: {
        std::pair<int, int> cell = CellOf(*c.place);
        return absl::StrCat("t", cell.first + dlat, ",", cell.second + dlon);
      }
      case Tier::kCountry: return absl::StrCat("c", c.place->country);
      case Tier::kNone: return "x";
    }
    return "x";
  };
  const uint32_t home = add_block(block_of(0, 0));
  for (uint32_t key = 0; key < evidence_count; ++key) index_key(home, key);
  // Town candidates are also found by the country-level ones of their country, and look
  // them up in turn: every probe below has its mirror among the index keys, so a pair is
  // met from either side.
  std::vector<uint32_t> probe_blocks;
  if (tier == Tier::kTown && !c.place->country.empty()) {
    const uint32_t towns_of_country = add_block(absl::StrCat("T", c.place->country));
    for (uint32_t key = 0; key < evidence_count; ++key) index_key(towns_of_country, key);
  }
  if (tier == Tier::kTown) {
    for (int dlat = -1; dlat <= 1; ++dlat) {
      for (int dlon = -1; dlon <= 1; ++dlon) probe_blocks.push_back(dlat == 0 && dlon == 0 ? home : add_block(block_of(dlat, dlon)));
    }
    if (!c.place->country.empty()) probe_blocks.push_back(add_block(absl::StrCat("c", c.place->country)));
  } else {
    probe_blocks.push_back(home);
    if (tier == Tier::kCountry) probe_blocks.push_back(add_block(absl::StrCat("T", c.place->country)));
  }
  std::vector<uint32_t> partners(evidence_count);
  for (uint32_t key = 0; key < evidence_count; ++key) {
    partners[key] = Paired(out.keys[key][0]) ? add_key(NightPartner(out.keys[key])) : key;
  }
  for (uint32_t block : probe_blocks) {
    for (uint32_t key = 0; key < evidence_count; ++key) {
      if (!Paired(out.keys[key][0])) {
        out.probe.push_back({block, key, kUntimed});  // days
        continue;
      }
      // An upper-case key meets both forms; a lower-case one only its upper-case partner.
      if (!Weak(out.keys[key][0])) probe_timed(block, key);
      probe_timed(block, partners[key]);
    }
  }
  // Word sketches matter only when one side is undated: undated accounts are filed under
  // "u", dated ones under "s"; an undated account searches both, a dated one only "u".
  if (tier == Tier::kTown) {
    const uint32_t town = c.place->geonameid != 0 ? add_block(absl::StrCat("g", c.place->geonameid)) : home;
    const bool dated = Dated(c);
    for (uint64_t hash : sketch) {
      const uint32_t undated_key = add_key(absl::StrCat("u", hash));
      const uint32_t dated_key = add_key(absl::StrCat("s", hash));
      index_timed(town, dated ? dated_key : undated_key);
      probe_timed(town, undated_key);
      if (!dated) probe_timed(town, dated_key);  // two dated accounts meet on their days
    }
  }
  return out;
}

std::string Spelled(const BlockingParts& parts, const BlockingParts::Ref& ref) {
  std::string key = absl::StrCat(parts.blocks[ref.block], "|", parts.keys[ref.key]);
  if (ref.bin == kAnyTime) return absl::StrCat(key, "@all");
  if (ref.bin == kNoDay) return absl::StrCat(key, "@?");
  if (ref.bin != kUntimed) return absl::StrCat(key, "@", ref.bin);
  return key;
}

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The same keys as 64-bit hashes. A collision only adds a pair for MayPair to refuse.
void HashedKeys(const BlockingParts& parts, std::vector<uint64_t>* index, std::vector<uint64_t>* probe) {
  std::vector<uint64_t> block_hashes, key_hashes;
  for (const std::string& block : parts.blocks) block_hashes.push_back(StringViewHash{}(block));
  for (const std::string& key : parts.keys) key_hashes.push_back(Mix(StringViewHash{}(key)));
  auto hashed = [&](const BlockingParts::Ref& ref) {
    return Mix(block_hashes[ref.block] ^ key_hashes[ref.key] ^ Mix(static_cast<uint64_t>(ref.bin) + 0x9e3779b97f4a7c15ULL));
  };
  for (const auto& ref : parts.index) index->push_back(hashed(ref));
  for (const auto& ref : parts.probe) probe->push_back(hashed(ref));
  for (std::vector<uint64_t>* list : {index, probe}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
}

}  // namespace

BlockingKeys BlockingKeysOf(const claims::CandidateIncident& c) {
  BlockingParts parts = BlockingPartsOf(c, EvidenceKeys(c), Sketch(c));
  BlockingKeys out;
  for (const auto& ref : parts.index) out.index.push_back(Spelled(parts, ref));
  for (const auto& ref : parts.probe) out.probe.push_back(Spelled(parts, ref));
  for (std::vector<std::string>* list : {&out.index, &out.probe}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return out;
}

std::vector<std::vector<size_t>> Cluster(const std::vector<claims::CandidateIncident>& candidates,
                                         const ClusterOptions& options) {
  UnionFind groups(candidates.size());
  // Buckets by blocking key; a candidate looks up only the buckets it could pair in
  // (MayPair), so the work follows the evidence, not the square of the input.
  std::vector<std::vector<std::string>> keys(candidates.size());
  std::vector<std::vector<uint64_t>> sketches(candidates.size());
  std::vector<std::vector<uint64_t>> probes(candidates.size());
  std::vector<Prepared> prepared(candidates.size());
  absl::flat_hash_map<uint64_t, std::vector<size_t>> buckets;  // by hashed blocking key
  std::vector<uint64_t> index;
  for (size_t idx = 0; idx < candidates.size(); ++idx) {
    const auto& c = candidates[idx];
    if (c.background) continue;
    keys[idx] = EvidenceKeys(c);
    sketches[idx] = Sketch(c);
    Prepare(c, &prepared[idx]);
    index.clear();
    HashedKeys(BlockingPartsOf(c, keys[idx], sketches[idx]), &index, &probes[idx]);
    for (uint64_t key : index) buckets[key].push_back(idx);
  }
  std::vector<size_t> partners;
  // Partners met through several keys are taken once: a stamp per candidate instead of
  // sorting every list.
  std::vector<size_t> seen_by(candidates.size(), SIZE_MAX);
  for (size_t idx = 0; idx < candidates.size(); ++idx) {
    const auto& c = candidates[idx];
    if (c.background) continue;
    partners.clear();
    for (uint64_t probe : probes[idx]) {
      auto it = buckets.find(probe);
      if (it == buckets.end()) continue;
      for (size_t other : it->second) {
        if (other <= idx || seen_by[other] == idx) continue;  // each pair once, from its lower index
        seen_by[other] = idx;
        partners.push_back(other);
      }
    }
    for (size_t other : partners) {
      // Already in one group through other pairs: this pair cannot change the grouping.
      if (groups.Find(idx) == groups.Find(other)) continue;
      if (!MayPairWith(c, keys[idx], sketches[idx], candidates[other], keys[other], sketches[other])) continue;
      if (ComparePrepared(c, prepared[idx], candidates[other], prepared[other], options).Merge(options)) {
        groups.Join(idx, other);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> by_root;
  for (size_t idx = 0; idx < candidates.size(); ++idx) by_root[groups.Find(idx)].push_back(idx);
  std::vector<std::vector<size_t>> out;
  for (auto& [root, members] : by_root) out.push_back(std::move(members));
  return out;
}

}  // namespace crosscheck::incidents
