// Cross-document clustering: which candidate incidents of different reports are one
// attack. Same place (same GeoNames place or within a few km), compatible dates and
// compatible kinds of attack, supported by shared victims, figures, people and words;
// conflicting dates split. Deterministic and order-independent: decisions are pairwise
// and symmetric, candidates are blocked by place so the work grows with the input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claims/claim_types.h"
#include "incidents/incident.h"

namespace crosscheck::incidents {

struct ClusterOptions {
  double same_place_km = 40.0;       // one town and its surroundings
  double min_similarity = 0.30;      // word overlap that alone supports a merge when dates are unknown
  double min_similarity_same_weekday = 0.20;  // the same, when both name the same night
};

// True when clustering compares the two at all (before ComparePair decides): candidates of
// different reports, in neighbouring place cells — where an undated one meets all, dated
// ones meet on a shared day or night, victim, spokesperson or figure — or, known only to a
// country or not placed, in one country on such shared evidence. Symmetric; the blocking
// that keeps clustering near-linear, and what an incremental store must reproduce.
bool MayPair(const claims::CandidateIncident& a, const claims::CandidateIncident& b);

// A candidate's blocking evidence, computed once for the many MayPair calls of a loop.
// Holds a pointer to the candidate: it must outlive this.
class PairingEvidence {
 public:
  explicit PairingEvidence(const claims::CandidateIncident& candidate);

 private:
  friend bool MayPair(const PairingEvidence& a, const PairingEvidence& b);
  const claims::CandidateIncident* candidate_;
  std::vector<std::string> keys_;
  std::vector<uint64_t> sketch_;
};
bool MayPair(const PairingEvidence& a, const PairingEvidence& b);

// False when the days alone rule out a merge of the candidate with an account of
// `other_day` (both dated and further apart than ComparePair tolerates, or the candidate
// undated and its report outside that day's window), so that a store may skip reading the
// other account at all.
bool DaysMayMerge(const claims::CandidateIncident& candidate, std::optional<int64_t> other_day);

// The blocking behind MayPair as keys: a candidate is filed under its index keys and
// searches its probe keys; when MayPair(a, b), a probe key of each is an index key of the
// other. Cluster buckets by them; the store keeps index keys in a table so that an ingest
// fetches only a new candidate's possible partners. Sorted, without repeats.
struct BlockingKeys {
  std::vector<std::string> index;
  std::vector<std::string> probe;
};
BlockingKeys BlockingKeysOf(const claims::CandidateIncident& candidate);

// Groups of candidate indices, each group one incident, in a canonical order.
std::vector<std::vector<size_t>> Cluster(const std::vector<claims::CandidateIncident>& candidates,
                                         const ClusterOptions& options = {});

// How alike two candidates' accounts are (0..1), and whether anything forbids a merge.
struct PairEvidence {
  bool place_ok = false;
  bool date_ok = false;
  bool date_known_equal = false;
  bool type_ok = false;
  double similarity = 0;
  bool shared_victim = false;
  bool shared_figure = false;
  bool shared_person = false;  // a named spokesperson or official quoted in both
  bool coarse_place = false;   // one side is known only to its country or province
  bool weekday_match = false;  // both name the same night by weekday
  bool same_kind = false;      // both specific and of one family (air, artillery, bomb, ground)
  bool opposed_positions = false;  // a party claims it in one report and denies it in the other
  bool Merge(const ClusterOptions& options) const;
};
PairEvidence ComparePair(const claims::CandidateIncident& a, const claims::CandidateIncident& b,
                         const ClusterOptions& options);

// True when two spellings name the same person: "Abdullah Razzaq Anoon Al-Safi" ~
// "Abdullah Razaq Al-Naon Al-Safi".
bool SameVictimName(const std::string& a, const std::string& b);

}  // namespace crosscheck::incidents
