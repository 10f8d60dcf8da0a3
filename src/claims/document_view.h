// The claims stage's view of an analysed document: tokens, and the actor and place
// mentions of earlier stages reduced to what the frames need, indexed by token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claim_types.h"
#include "core/document.h"
#include "text/tokens.h"

namespace crosscheck::claims {

struct ActorSpan {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  Party party;
  bool adjective = false;  // "American warplanes"
  bool anonymous = false;  // "a US official"
  bool resolved = true;    // false for an unknown organisation kept by name
  std::string role;        // "spokesman", "official", "residents"...
};

// A place mention as the frames read it: IncidentPlace's fields, the strings as views into
// the analysed document's place mentions, which outlive the view. Copying every mention's
// strings cost ~150,000 string copies on 300 articles; a place is copied only when an
// incident takes it (the conversion to IncidentPlace).
struct PlaceView {
  std::string_view name;
  std::string_view text;
  std::string_view country;
  std::string_view admin1;
  std::string_view feature_code;
  int64_t geonameid = 0;
  double lat = 0;
  double lon = 0;
  bool resolved = false;
  int precision = 0;
  std::string_view relation;
  int64_t population = 0;
  double offset_km = 0;

  PlaceView() = default;
  // Views into `place`, which must outlive them.
  explicit PlaceView(const IncidentPlace& place)
      : name(place.name), text(place.text), country(place.country), admin1(place.admin1),
        feature_code(place.feature_code), geonameid(place.geonameid), lat(place.lat), lon(place.lon),
        resolved(place.resolved), precision(place.precision), relation(place.relation),
        population(place.population), offset_km(place.offset_km) {}
  // The incident's own copy: explicit, so that no copy is made unseen.
  explicit operator IncidentPlace() const {
    IncidentPlace place;
    place.name = name;
    place.text = text;
    place.country = country;
    place.admin1 = admin1;
    place.feature_code = feature_code;
    place.geonameid = geonameid;
    place.lat = lat;
    place.lon = lon;
    place.resolved = resolved;
    place.precision = precision;
    place.relation = relation;
    place.population = population;
    place.offset_km = offset_km;
    return place;
  }
};

struct PlaceSpan {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  bool dateline = false;  // where the reporter filed from (text::DatelineTokens)
  PlaceView place;
};

struct DocumentView {
  const Document* doc = nullptr;
  const text::TokenStream* tokens = nullptr;
  std::vector<ActorSpan> actors;  // sorted by first_token
  std::vector<PlaceSpan> places;  // sorted by first_token
  std::string home_country;       // ISO code of the country most of its towns lie in
  std::optional<Party> home_military;  // that country's armed forces: "the army said"
  std::optional<Party> home_state;     // that country: "a government spokesman said"
  // That country's government bodies by actor id ("syrian_health_ministry"): "the health
  // ministry said". The engine's list, which outlives the view; null when it has none.
  const std::vector<std::pair<std::string, Party>>* home_bodies = nullptr;
};

}  // namespace crosscheck::claims
