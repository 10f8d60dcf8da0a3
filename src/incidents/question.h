// Questions about the ledger: "who carried out the strike on Abu Kamal in June 2018?" is
// read into a place, a time window, a party and what is asked, and matched against
// incidents. The reading of the words is the caller's (the pipeline's stages); this file
// decides which incidents answer and how.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/claim_types.h"
#include "incidents/incident.h"

namespace crosscheck::incidents {

enum class Asked { kWho, kHowMany, kWhen, kWhere, kWhat };

struct Question {
  Asked asked = Asked::kWhat;
  std::optional<claims::IncidentPlace> place;
  std::optional<int64_t> from;  // days since 1970-01-01, inclusive
  std::optional<int64_t> to;
  std::string party;            // a party side ("United States") the question names, or ""
  std::string event_type;       // a kind of attack the question names, or ""
};

// A town named in a question covers its surroundings, as one incident's place does.
inline constexpr double kQuestionPlaceKm = 40.0;

// Incidents that fit the question (place, time, party, kind), oldest first, then by id.
std::vector<const Incident*> MatchQuestion(const Question& question, const std::vector<Incident>& incidents);

// The answer in plain text, with the per-source table and the evidence sentences.
std::string Answer(const Question& question, const std::vector<const Incident*>& matches);

}  // namespace crosscheck::incidents
