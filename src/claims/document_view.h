// The claims stage's view of an analysed document: tokens, and the actor and place
// mentions of earlier stages reduced to what the frames need, indexed by token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

struct PlaceSpan {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  bool dateline = false;  // where the reporter filed from (text::DatelineTokens)
  IncidentPlace place;
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
  // ministry said".
  std::vector<std::pair<std::string, Party>> home_bodies;
};

}  // namespace crosscheck::claims
