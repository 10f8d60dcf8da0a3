#include "pipeline/question_reader.h"

#include <cstdlib>

#include "claims/sentence_context.h"
#include "core/date.h"

namespace crosscheck::pipeline {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr int kMonthsInYear = 12;

}  // namespace

incidents::Question ReadQuestion(const Engine& engine, const std::string& text) {
  incidents::Question question;
  ingest::RawInput raw;
  raw.id = "question";
  raw.body = text;
  std::unique_ptr<AnalyzedDocument> analyzed = engine.Analyze(std::move(raw));
  if (analyzed->doc.skipped || analyzed->tokens.tokens.empty()) return question;
  const auto& tokens = analyzed->tokens.tokens;
  std::string_view first = tokens.front().folded;
  if (first == "who" || first == "whose") question.asked = incidents::Asked::kWho;
  if (first == "when") question.asked = incidents::Asked::kWhen;
  if (first == "where") question.asked = incidents::Asked::kWhere;
  if (first == "how" && tokens.size() > 1 && (tokens[1].folded == "many" || tokens[1].folded == "much")) {
    question.asked = incidents::Asked::kHowMany;
  }
  // The most precise place named.
  for (const auto& span : analyzed->view.places) {
    if (!span.place.resolved) continue;
    if (!question.place || span.place.precision < question.place->precision) question.place = claims::IncidentPlace(span.place);
  }
  // A party the question is about, other than the place itself.
  for (const auto& actor : analyzed->view.actors) {
    if (!actor.resolved) continue;
    bool is_place = false;
    for (const auto& span : analyzed->view.places) is_place |= span.first_token == actor.first_token;
    if (is_place && !actor.adjective) continue;
    question.party = actor.party.party;
    break;
  }
  // Month and year: "in June 2018", "in 2021".
  int month = 0, year = 0, day = 0;
  const claims::Lexicon& lexicon = *engine.lexicon();
  for (uint32_t sentence_idx = 0; sentence_idx < analyzed->tokens.sentences.size(); ++sentence_idx) {
    claims::SentenceContext s(analyzed->view, lexicon, sentence_idx);
    for (const claims::CueHit& hit : s.cues()) {
      if (hit.cue == claims::Cue::kMonth && month == 0) month = static_cast<int>(s.Entry(hit).number);
      if ((hit.cue == claims::Cue::kAttackNoun || hit.cue == claims::Cue::kWeapon) && question.event_type.empty()) {
        question.event_type = s.Entry(hit).value;
      }
    }
    for (uint32_t t = s.first(); t < s.end(); ++t) {
      if (s.token(t).kind != text::TokenKind::kNumber) continue;
      int value = std::atoi(std::string(s.folded(t)).c_str());
      if (value >= kMinYear && value <= kMaxYear) {
        year = value;
      } else if (value >= 1 && value <= 31 && month != 0) {
        day = value;
      }
    }
  }
  if (year != 0) {
    if (month == 0) {
      question.from = DaysFromCivil({year, 1, 1});
      question.to = DaysFromCivil({year + 1, 1, 1}) - 1;
    } else if (day != 0 && IsValidDate({year, month, day})) {
      question.from = question.to = DaysFromCivil({year, month, day});
    } else {
      question.from = DaysFromCivil({year, month, 1});
      int next_year = month == kMonthsInYear ? year + 1 : year;
      int next_month = month == kMonthsInYear ? 1 : month + 1;
      question.to = DaysFromCivil({next_year, next_month, 1}) - 1;
    }
  }
  return question;
}

}  // namespace crosscheck::pipeline
