// Actor mentions in one document: dictionary names and adjectives, people and
// anonymous sources attached to the organisation they speak for, and unknown
// organisations in the usual frames kept unresolved. One call per document; the
// per-document person table lives inside the call, so concurrent calls are safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "core/span.h"
#include "text/tokens.h"

namespace crosscheck::actors {

struct ActorMention {
  ByteSpan span;               // the whole phrase: title, person, role and organisation
  uint32_t first_token = 0;    // [first_token, end_token) in the token stream
  uint32_t end_token = 0;
  ByteSpan actor_span;         // the organisation's own words ("US Central Command")
  int actor = -1;              // dictionary index; -1 = unresolved
  std::string name;            // canonical name; "<actor words> <role>" for an anonymous
                               // source ("US official"); the surface text when unresolved
  std::string type;
  std::string country;
  std::string person;          // "Josh Jacques"
  std::string role;            // "spokesman", as written
  bool adjective = false;      // a demonym or adjective use: "American warplanes"
  bool anonymous = false;      // an unnamed source: "a US official", "residents"
  std::string modifier;        // "backed" in "Iran-backed": the actor qualifies another noun
};

// Finds every actor mention of `text` (the cleaned text `tokens` was built from),
// sorted by position and never overlapping.
std::vector<ActorMention> FindActors(const ActorDictionary& dictionary, std::string_view text,
                                     const text::TokenStream& tokens);

}  // namespace crosscheck::actors
