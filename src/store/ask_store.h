// `ask` against a stored ledger: the question is read with the engine's stages, the
// incidents that may fit it are fetched with the filters it allows (place, time, kind),
// rebuilt from their candidates and matched exactly as a ledger built from files is.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "incidents/question.h"
#include "pipeline/engine.h"
#include "store/ledger_store.h"

namespace crosscheck::store {

// A filter selecting every incident MatchQuestion could accept (a superset).
IncidentFilter FilterForQuestion(const incidents::Question& question);

struct StoreAnswer {
  std::string text;                       // as `crosscheck ask` prints it
  std::vector<std::string> incident_ids;  // the incidents that fit, best first
};

StoreAnswer AnswerOf(const incidents::Question& question, const std::vector<incidents::Incident>& incidents);

Result<StoreAnswer> AnswerFromStore(const pipeline::Engine& engine, LedgerStore* store, const std::string& question);

}  // namespace crosscheck::store
