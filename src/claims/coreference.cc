#include "claims/coreference.h"

#include <algorithm>

#include <absl/strings/match.h>

namespace crosscheck::claims {

namespace {
// An anaphor type naming one of the home state's bodies: "body:health_ministry".
constexpr std::string_view kBodyPrefix = "body:";
}  // namespace

std::vector<std::string> AnaphorTypes(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t bar = value.find('|', start);
    if (bar == std::string::npos) bar = value.size();
    if (bar > start) out.push_back(value.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

// A report notes about sixteen sources (4,701 on 300 p3k articles): room for them at once
// spares the list four moves of every party it holds as it grows.
constexpr size_t kTypicalSources = 16;

Coreference::Coreference(const DocumentView& view) : view_(&view) { sources_.reserve(kTypicalSources); }

void Coreference::NoteSource(const Party& party, bool is_person) {
  sources_.push_back(party);
  (is_person ? last_person_ : last_organisation_) = static_cast<int>(sources_.size() - 1);
}

std::optional<Party> Coreference::Resolve(const std::vector<std::string>& types) const {
  auto allows = [&](std::string_view type) { return std::find(types.begin(), types.end(), type) != types.end(); };
  const int last_source = static_cast<int>(sources_.size()) - 1;
  if (allows("any")) return SourceAt(last_source);
  if (allows("person") && last_person_ >= 0) return SourceAt(last_person_);
  if (allows("organisation") && last_organisation_ >= 0) return SourceAt(last_organisation_);
  if (allows("organisation") || allows("person")) return SourceAt(last_source);
  // "the health ministry" (type "body:health_ministry"): the one the report named ("Russia's
  // defence ministry ... the defence ministry also said"), else the home country's.
  for (const std::string& type : types) {
    if (!type.starts_with(kBodyPrefix)) continue;
    const std::string_view body = std::string_view(type).substr(kBodyPrefix.size());
    std::string words(body);
    std::replace(words.begin(), words.end(), '_', ' ');
    for (auto it = sources_.rbegin(); it != sources_.rend(); ++it) {
      if (absl::EndsWithIgnoreCase(it->name, words)) return *it;
    }
    for (const ActorSpan& actor : view_->actors) {
      if (actor.resolved && absl::EndsWithIgnoreCase(actor.party.name, words)) return actor.party;
    }
    if (view_->home_bodies == nullptr) continue;
    for (const auto& [id, party] : *view_->home_bodies) {
      if (id.size() > body.size() && id.ends_with(body) && id[id.size() - body.size() - 1] == '_') return party;
    }
  }
  // Typed descriptions ("the observatory"): the last source of that type, else any
  // actor of that type named anywhere in the document.
  for (auto it = sources_.rbegin(); it != sources_.rend(); ++it) {
    if (allows(it->type)) return *it;
  }
  // Types in the order the cue lists them: "the army" is a named military, else the
  // home country's, and only then a state.
  // A party of the report's own country first: in a report from Saada's towns "the Ministry
  // of Health" is Yemen's, whatever foreign government the report names later.
  for (const std::string& type : types) {
    if (view_->home_state) {
      for (const ActorSpan& actor : view_->actors) {
        if (actor.resolved && !actor.adjective && actor.party.type == type && actor.party.party == view_->home_state->party) {
          return actor.party;
        }
      }
      if (type == "government") return view_->home_state;
    }
    for (const ActorSpan& actor : view_->actors) {
      if (actor.resolved && !actor.adjective && actor.party.type == type) return actor.party;
    }
    if (type == "military" && view_->home_military) return view_->home_military;
    if (type == "state" && view_->home_state) return view_->home_state;
  }
  return std::nullopt;
}

}  // namespace crosscheck::claims
