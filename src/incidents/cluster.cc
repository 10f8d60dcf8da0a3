#include "incidents/cluster.h"

#include "claims/extract.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string_view>

namespace crosscheck::incidents {
namespace {

constexpr double kEarthRadiusKm = 6371.0;
constexpr double kDegreesToRadians = 3.14159265358979323846 / 180.0;
// Grid cells for blocking: a candidate is compared only with those in its own and the
// neighbouring cells, so the work grows with the input, never with its square.
constexpr double kBlockDegrees = 0.5;
constexpr int64_t kSameDayTolerance = 1;
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

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  double p1 = lat1 * kDegreesToRadians, p2 = lat2 * kDegreesToRadians;
  double dp = p2 - p1, dl = (lon2 - lon1) * kDegreesToRadians;
  double h = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
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

// Dice overlap of two sorted unique hash lists, in one merge pass.
double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

const std::vector<uint64_t>& DetailHashes(const claims::CandidateIncident& c, std::vector<uint64_t>* scratch) {
  if (!c.detail_hashes.empty() || c.details.empty()) return c.detail_hashes;
  *scratch = claims::HashDetails(c.details);  // candidates read back without their hashes
  return *scratch;
}

}  // namespace

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

PairEvidence ComparePair(const claims::CandidateIncident& a, const claims::CandidateIncident& b,
                         const ClusterOptions& options) {
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
    e.date_known_equal = e.date_ok;
  } else if (weekday_a >= 0 && weekday_b >= 0) {
    // Named weekdays must allow a common night ("late Tuesday" ~ "early Wednesday"). That
    // is weak evidence (one night in seven or so): it only lowers the wording bar.
    uint8_t nights_a = a.date.night_mask != 0 ? a.date.night_mask : NightsOfDay(weekday_a);
    uint8_t nights_b = b.date.night_mask != 0 ? b.date.night_mask : NightsOfDay(weekday_b);
    e.date_ok = (nights_a & nights_b) != 0;
    e.weekday_match = e.date_ok;
  }
  int fa = Family(a.event_type), fb = Family(b.event_type);
  e.type_ok = fa == 0 || fb == 0 || fa == fb;
  for (const claims::NamedVictim& va : a.victims) {
    for (const claims::NamedVictim& vb : b.victims) e.shared_victim |= SameVictimName(va.name, vb.name);
  }
  for (const claims::CasualtyClaim& ca : a.casualties) {
    for (const claims::CasualtyClaim& cb : b.casualties) {
      e.shared_figure |= ca.killed && cb.killed && *ca.killed > 1 && *ca.killed == *cb.killed;
    }
  }
  for (const claims::AttributionClaim& ca : a.attributions) {
    for (const claims::AttributionClaim& cb : b.attributions) {
      e.shared_person |= !ca.source.person.empty() && SameVictimName(ca.source.person, cb.source.person);
    }
  }
  // One side's party claims the attack while the other's report has the same party deny
  // it: two different attacks, unless a date or victim says otherwise.
  auto positions = [](const claims::CandidateIncident& c, const std::string& stance) {
    std::set<std::string> parties;
    for (const auto& claim : c.attributions) {
      if (claim.stance == stance && claim.actor && claim.source.party == claim.actor->party) parties.insert(claim.actor->party);
    }
    return parties;
  };
  for (const std::string& party : positions(a, "asserts")) e.opposed_positions |= positions(b, "denies").count(party) > 0;
  for (const std::string& party : positions(b, "asserts")) e.opposed_positions |= positions(a, "denies").count(party) > 0;
  e.same_kind = fa != 0 && fa == fb;
  std::vector<uint64_t> scratch_a, scratch_b;
  e.similarity = Dice(DetailHashes(a, &scratch_a), DetailHashes(b, &scratch_b));
  if (!e.place_ok && !a.place && !b.place) e.place_ok = e.shared_victim;
  return e;
}

std::vector<std::vector<size_t>> Cluster(const std::vector<claims::CandidateIncident>& candidates,
                                         const ClusterOptions& options) {
  UnionFind groups(candidates.size());
  // Blocks: grid cells of placed candidates; the unplaced form one block of their own.
  std::map<std::pair<int, int>, std::vector<size_t>> cells;
  std::vector<size_t> unplaced;
  std::map<std::string, std::vector<size_t>> by_country;
  auto consider = [&](size_t a, size_t b) {
    if (candidates[a].doc == candidates[b].doc) return;  // one report's incidents were split on purpose
    PairEvidence e = ComparePair(candidates[a], candidates[b], options);
    if (getenv("CC_DEBUG")) fprintf(stderr, "PAIR wd=%d/%d nm=%d/%d %s %s place=%d coarse=%d date=%d eq=%d type=%d sim=%.3f victim=%d fig=%d person=%d\n", candidates[a].date.weekday, candidates[b].date.weekday, candidates[a].date.night_mask, candidates[b].date.night_mask, candidates[a].doc.c_str(), candidates[b].doc.c_str(), e.place_ok, e.coarse_place, e.date_ok, e.date_known_equal, e.type_ok, e.similarity, e.shared_victim, e.shared_figure, e.shared_person);
    if (e.Merge(options)) groups.Join(a, b);
  };
  for (size_t idx = 0; idx < candidates.size(); ++idx) {
    const auto& place = candidates[idx].place;
    if (candidates[idx].background) continue;  // background mentions are never merged
    if (place && place->resolved && place->precision < kCoarsePrecision) {
      cells[{static_cast<int>(std::floor(place->lat / kBlockDegrees)), static_cast<int>(std::floor(place->lon / kBlockDegrees))}]
          .push_back(idx);
    } else {
      unplaced.push_back(idx);
    }
    if (place && place->resolved && !place->country.empty()) by_country[place->country].push_back(idx);
  }
  // A candidate known only to a country or province meets the others of that country.
  for (const auto& [country, members] : by_country) {
    for (size_t a : members) {
      const auto& pa = candidates[a].place;
      if (pa->precision < kCoarsePrecision) continue;
      for (size_t b : members) {
        if (a != b && !(candidates[b].place->precision >= kCoarsePrecision && b < a)) consider(std::min(a, b), std::max(a, b));
      }
    }
  }
  for (const auto& [cell, members] : cells) {
    for (int dlat = -1; dlat <= 1; ++dlat) {
      for (int dlon = -1; dlon <= 1; ++dlon) {
        auto it = cells.find({cell.first + dlat, cell.second + dlon});
        if (it == cells.end()) continue;
        for (size_t a : members) {
          for (size_t b : it->second) {
            if (a < b) consider(a, b);
          }
        }
      }
    }
  }
  for (size_t i = 0; i < unplaced.size(); ++i) {
    for (size_t j = i + 1; j < unplaced.size(); ++j) consider(unplaced[i], unplaced[j]);
  }
  std::map<size_t, std::vector<size_t>> by_root;
  for (size_t idx = 0; idx < candidates.size(); ++idx) by_root[groups.Find(idx)].push_back(idx);
  std::vector<std::vector<size_t>> out;
  for (auto& [root, members] : by_root) out.push_back(std::move(members));
  return out;
}

}  // namespace crosscheck::incidents
