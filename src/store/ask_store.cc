#include "store/ask_store.h"

#include "core/date.h"
#include "pipeline/question_reader.h"

namespace crosscheck::store {
namespace {

// Added to the question's town radius so that the rounding of stored coordinates never
// drops an incident MatchQuestion would keep.
constexpr double kNearMarginKm = 1.0;
constexpr int kCoarsePrecision = 4;

}  // namespace

IncidentFilter FilterForQuestion(const incidents::Question& question) {
  IncidentFilter filter;
  filter.include_background = false;
  if (question.place && question.place->resolved && question.place->precision < kCoarsePrecision) {
    filter.near = NearFilter{question.place->lat, question.place->lon, incidents::kQuestionPlaceKm + kNearMarginKm};
  }
  if (question.from) filter.from = FormatIsoDate(*question.from);
  if (question.to) filter.to = FormatIsoDate(*question.to);
  // "airstrike" also asks for drone strikes (MatchQuestion): no SQL filter for it.
  if (!question.event_type.empty() && question.event_type != "airstrike") filter.type = question.event_type;
  return filter;
}

StoreAnswer AnswerOf(const incidents::Question& question, const std::vector<incidents::Incident>& incidents) {
  std::vector<const incidents::Incident*> matches = incidents::MatchQuestion(question, incidents);
  StoreAnswer answer;
  answer.text = incidents::Answer(question, matches);
  for (const incidents::Incident* incident : matches) answer.incident_ids.push_back(incident->id);
  return answer;
}

Result<StoreAnswer> AnswerFromStore(const pipeline::Engine& engine, LedgerStore* store, const std::string& question) {
  incidents::Question read = pipeline::ReadQuestion(engine, question);
  Result<std::vector<Json>> found = store->FindIncidents(FilterForQuestion(read));
  if (!found.ok()) return found.status();
  Result<std::vector<incidents::Incident>> rebuilt = store->IncidentObjects(*found);
  if (!rebuilt.ok()) return rebuilt.status();
  return AnswerOf(read, *rebuilt);
}

}  // namespace crosscheck::store
