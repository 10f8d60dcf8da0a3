// What the claims stage reads from a document: per-document candidate incidents,
// each with its attribution and casualty claims, evidence sentences and byte spans.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace crosscheck::claims {

// A party as the claims stage sees it: canonical name plus the party it belongs to,
// so that "US Central Command" and "Pentagon" count as one side when sides are compared.
struct Party {
  std::string name;   // canonical name, "unattributed", or a descriptive name for anonymous sources
  std::string party;  // top of the state hierarchy ("United States"), else the name itself
  std::string type;   // actor type from the dictionary, or "" when unresolved
  std::string person; // a named spokesperson, when there is one
  bool anonymous = false;  // an unnamed official ("US official"): speaks for `party`
};

struct AttributionClaim {
  Party source;
  std::optional<Party> actor;  // null for stance unknown
  std::string stance;          // asserts | denies | no_comment | unknown
  bool hedged = false;
  std::string doc;
  std::string evidence;
  ByteSpan span;
  uint32_t sentence = 0;
  std::string frame;           // which rule fired: the explain command shows it
  std::string source_words;    // the words that gave the source
  std::string actor_words;     // the words that gave the actor
};

struct CasualtyClaim {
  Party source;
  std::optional<int64_t> killed;
  std::string killed_qualifier;  // exact | at_least | up_to | about | more_than
  std::optional<int64_t> injured;
  std::string injured_qualifier;
  std::string victims = "unknown";  // civilians | combatants | mixed | unknown
  std::string doc;
  std::string evidence;
  ByteSpan span;
  uint32_t sentence = 0;
  std::string frame;
  std::string number_words;
  // The dead counted with the article ("the three martyrs"): a figure the report may
  // already have given.
  bool definite_count = false;
};

struct NamedVictim {
  std::string name;
  std::string affiliation;
  std::string doc;
  ByteSpan span;
};

struct DateRange {
  std::optional<int64_t> earliest;  // days since 1970-01-01
  std::optional<int64_t> latest;
  int precision = 0;                // UCDP date_prec; 0 when unknown
  std::string words;                // the expression it was read from
  int weekday = -1;                 // a named weekday with no anchor to resolve it
  // The nights the attack may have happened in, as weekdays (bit d: the night from day d
  // to day d+1): "late Tuesday" is Tuesday's night, "early Wednesday" the same night,
  // a plain "on Tuesday" either night around that day. 0 when no weekday is named.
  uint8_t night_mask = 0;
  uint32_t first_token = 0;         // where the expression starts
};

// The relation of a place that is only the town a report was filed from ("QUETTA: ..."),
// taken as the scene of a report that names none.
inline constexpr std::string_view kFiledFromRelation = "dateline";

struct IncidentPlace {
  std::string name;
  std::string text;
  std::string country;
  std::string admin1;
  std::string feature_code;
  int64_t geonameid = 0;
  double lat = 0;
  double lon = 0;
  bool resolved = false;
  int precision = 0;
  std::string relation;
  int64_t population = 0;
  double offset_km = 0;  // "50 km north-east of Bunia": lat/lon moved that far from the named place
};

struct CandidateIncident {
  std::string doc;
  bool background = false;
  std::string event_type = "other";
  std::map<std::string, int> type_votes;
  DateRange date;
  std::optional<int64_t> published;  // the report's day (days since 1970-01-01), when known
  std::optional<IncidentPlace> place;
  std::vector<std::string> place_mentions;
  std::vector<AttributionClaim> attributions;
  std::vector<CasualtyClaim> casualties;
  std::vector<NamedVictim> victims;
  std::vector<uint32_t> sentences;      // the sentences about this incident
  std::vector<std::string> details;     // distinctive words of the attack sentences (targets, weapons)
  std::vector<uint64_t> detail_hashes;  // the same words hashed, sorted, unique: compared in linear time
};

// Per sentence, what explain prints: the cues seen and why no claim came out.
struct SentenceTrace {
  uint32_t sentence = 0;
  int incident = -1;        // index into DocumentClaims::incidents, -1 for none
  bool attack = false;
  std::vector<std::string> notes;
};

struct DocumentClaims {
  std::vector<CandidateIncident> incidents;
  std::vector<SentenceTrace> trace;
};

}  // namespace crosscheck::claims
