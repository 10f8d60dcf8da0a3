#include "pipeline/engine.h"

#include <algorithm>
#include <atomic>
#include <string_view>

#include "claims/extract.h"
#include "text/dateline.h"
#include "text/tokenize.h"

namespace crosscheck::pipeline {

Result<std::unique_ptr<Engine>> Engine::Create(const ResourcePaths& paths, Depth depth) {
  static std::atomic<uint64_t> next_serial{1};
  std::unique_ptr<Engine> engine(new Engine());
  engine->serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  engine->depth_ = depth;
  Result<ingest::IngestResources> ingest = ingest::IngestResources::Load(paths.data_dir);
  if (!ingest.ok()) return ingest.status();
  engine->ingest_ = std::move(*ingest);
  if (Status status = text::LoadSentenceAbbreviations(paths.data_dir + "/lexicon/abbreviations.tsv"); !status.ok()) {
    return status;
  }
  engine->data_version_ = "text/1";
  if (depth == Depth::kText) return engine;
  Result<places::Gazetteer> gazetteer = places::Gazetteer::Open(paths.gazetteer, paths.data_dir + "/places", paths.cache_dir);
  if (!gazetteer.ok()) {
    return Status(gazetteer.status().code(),
                  "gazetteer: " + gazetteer.status().message() + " (run scripts/fetch_gazetteer.sh or pass --gazetteer)");
  }
  engine->gazetteer_ = std::make_unique<places::Gazetteer>(std::move(*gazetteer));
  Result<actors::ActorDictionary> actors = actors::ActorDictionary::Load(paths.data_dir + "/actors");
  if (!actors.ok()) return actors.status();
  engine->actors_ = std::make_unique<actors::ActorDictionary>(std::move(*actors));
  engine->data_version_ += "+" + engine->gazetteer_->data_version() + "+" + engine->actors_->version();
  if (depth == Depth::kMentions) return engine;
  Result<claims::Lexicon> lexicon = claims::Lexicon::Load(paths.data_dir);
  if (!lexicon.ok()) return lexicon.status();
  engine->lexicon_ = std::make_unique<claims::Lexicon>(std::move(*lexicon));
  engine->data_version_ += "+" + engine->lexicon_->version();
  for (size_t actor_idx = 0; actor_idx < engine->actors_->size(); ++actor_idx) {
    const actors::Actor& actor = engine->actors_->actor(static_cast<int>(actor_idx));
    if (actor.type != "state") continue;
    engine->home_state_.try_emplace(actor.country, static_cast<int>(actor_idx));
    engine->home_military_.try_emplace(actor.country, engine->actors_->MilitaryOf(static_cast<int>(actor_idx)));
  }
  // A state's bodies: its government's organs ("syrian_health_ministry" under the Syrian
  // government), by id.
  for (size_t actor_idx = 0; actor_idx < engine->actors_->size(); ++actor_idx) {
    const actors::Actor& body = engine->actors_->actor(static_cast<int>(actor_idx));
    auto state = engine->home_state_.find(body.country);
    if (body.type != "government" || state == engine->home_state_.end()) continue;
    if (engine->actors_->Root(static_cast<int>(actor_idx)) != engine->actors_->Root(state->second)) continue;
    engine->home_bodies_[body.country].emplace_back(body.id, engine->PartyOf(static_cast<int>(actor_idx)));
  }
  return engine;
}

claims::Party Engine::PartyOf(int actor_index) const {
  claims::Party party;
  FillParty(actor_index, &party);
  return party;
}

void Engine::FillParty(int actor_index, claims::Party* party) const {
  const actors::Actor& actor = actors_->actor(actor_index);
  party->name = actor.name;
  party->type = actor.type;
  // One side for comparisons: the state an organ belongs to, else the actor itself.
  int root = actors_->Root(actor_index);
  party->party = actors_->actor(root).name;
}

namespace {
// Below this a town in a country the report neither names nor places other towns in is
// taken for a misreading (cities of this size are named as such in foreign news).
constexpr int64_t kLoneForeignTownPopulation = 100000;
// Past this many remembered forms the memo starts over, so that odd text cannot grow it for ever.
constexpr size_t kMaxRememberedForms = 1 << 16;

// Whether a country has two distinct towns or more: the first town's id, and whether another came.
struct TownsSeen {
  int64_t first = 0;
  bool several = false;
};

// Country codes are two letters: compared byte by byte in place, where string_view's == calls
// memcmp (52,000 calls on 300 articles in the short lists below).
bool SameCountry(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() == 2) return a[0] == b[0] && a[1] == b[1];
  return a == b;
}

// GeoNames' feature code of a country's capital.
constexpr std::string_view kCapitalCode = "PPLC";

bool IsSpokespersonRole(const std::string& role) {
  return role.find("spokes") != std::string::npos || role.find("press secretary") != std::string::npos ||
         role.find("press office") != std::string::npos;
}

// Place readings the claims stage leaves out, one flag per place mention:
// - a party's name that is also a town abroad ("Fano", the Amhara militia, and Fano, Italy)
//   is the party unless the document names the town's country;
// - a village alone in a country the report never names (Arbat in Iraqi Kurdistan read as
//   Arbat, Armenia, because the gazetteer lacks the Iraqi one) is a wrong reading.
std::vector<bool> MisreadPlaces(const AnalyzedDocument& analyzed) {
  // Per document a few dozen mentions and a few countries: sorted spans and short lists
  // searched in order cost less than the three hash tables they replaced.
  std::vector<std::pair<uint32_t, uint32_t>> party_names;  // byte spans of the parties' own words
  party_names.reserve(analyzed.actors.size());
  for (const actors::ActorMention& mention : analyzed.actors) {
    if (mention.actor >= 0) party_names.emplace_back(mention.actor_span.begin, mention.actor_span.end);
  }
  if (!std::is_sorted(party_names.begin(), party_names.end())) std::sort(party_names.begin(), party_names.end());
  std::vector<std::string_view> named_countries;
  std::vector<std::pair<std::string_view, TownsSeen>> towns_of_country;
  auto towns_in = [&](std::string_view country) {
    return std::find_if(towns_of_country.begin(), towns_of_country.end(),
                        [&](const auto& entry) { return SameCountry(entry.first, country); });
  };
  auto named = [&](std::string_view country) {
    return std::any_of(named_countries.begin(), named_countries.end(),
                       [&](std::string_view named_country) { return SameCountry(named_country, country); });
  };
  for (const places::PlaceMention& mention : analyzed.places) {
    if (mention.precision >= places::kPrecisionCountry) {
      if (!named(mention.country)) named_countries.push_back(mention.country);
    } else if (auto towns = towns_in(mention.country); towns == towns_of_country.end()) {
      towns_of_country.emplace_back(mention.country, TownsSeen{mention.geonameid});
    } else if (towns->second.first != mention.geonameid) {
      towns->second.several = true;
    }
  }
  std::vector<bool> misread(analyzed.places.size(), false);
  for (size_t place_idx = 0; place_idx < analyzed.places.size(); ++place_idx) {
    const places::PlaceMention& mention = analyzed.places[place_idx];
    if (mention.precision >= places::kPrecisionCountry || named(mention.country)) continue;
    const bool party = std::binary_search(party_names.begin(), party_names.end(),
                                          std::make_pair(mention.span.begin, mention.span.end));
    // Every town's country is in towns_of_country (added above).
    const bool lone_abroad = mention.population < kLoneForeignTownPopulation && !named_countries.empty() &&
                             !towns_in(mention.country)->second.several;
    // A capital that names its government ("Kyiv said") is still the city after "in the
    // capital, Kyiv,": the sentence decides which.
    const bool capital = mention.feature_code == kCapitalCode;
    misread[place_idx] = (party && !capital) || lone_abroad;
  }
  return misread;
}
}  // namespace

bool Engine::FormNames(std::string_view surface, int actor) const {
  const std::vector<int> named = actors_->FindByForm(surface);
  return std::find(named.begin(), named.end(), actor) != named.end();
}

size_t Engine::ActorsSharingForm(std::string_view surface) const {
  struct Memo {
    uint64_t engine = 0;  // whose counts these are (Engine::serial_)
    StringTable<size_t> counts;
  };
  thread_local Memo memo;
  if (memo.engine != serial_) {
    memo.counts.clear();
    memo.engine = serial_;
  }
  if (auto it = memo.counts.find(surface); it != memo.counts.end()) return it->second;
  const size_t count = actors_->FindByForm(surface).size();
  if (memo.counts.size() >= kMaxRememberedForms) memo.counts.clear();
  memo.counts.try_emplace(surface, count);
  return count;
}

claims::DocumentView Engine::BuildView(const AnalyzedDocument& analyzed) const {
  claims::DocumentView view;
  view.doc = &analyzed.doc;
  view.tokens = &analyzed.tokens;
  // An ambiguous short form ("the coalition") takes the specific actor of the same
  // type that the document names. A document names a few types: a short list.
  std::vector<std::pair<std::string_view, int>> specific_by_type;
  auto specific_of_type = [&](std::string_view type) {
    return std::find_if(specific_by_type.begin(), specific_by_type.end(),
                        [&](const auto& entry) { return entry.first == type; });
  };
  // How many actors share each mention's surface form, read again below: one probe of the
  // thread's memo each (a table of the document's own forms in front of it cost more than it spared).
  std::vector<size_t> sharing_form(analyzed.actors.size(), 0);
  for (size_t mention_idx = 0; mention_idx < analyzed.actors.size(); ++mention_idx) {
    const actors::ActorMention& mention = analyzed.actors[mention_idx];
    if (mention.actor < 0) continue;
    sharing_form[mention_idx] = ActorsSharingForm(mention.actor_span.Of(analyzed.doc.text));
    if (sharing_form[mention_idx] == 1 && specific_of_type(mention.type) == specific_by_type.end()) {
      specific_by_type.emplace_back(mention.type, mention.actor);
    }
  }
  std::vector<bool> in_dateline = text::DatelineTokens(analyzed.tokens);
  view.actors.reserve(analyzed.actors.size());
  for (size_t mention_idx = 0; mention_idx < analyzed.actors.size(); ++mention_idx) {
    const actors::ActorMention& mention = analyzed.actors[mention_idx];
    // "DAKAR, Senegal (CNS) -" names where the reporter filed from, not a party to anything.
    if (in_dateline[mention.first_token]) continue;
    // Filled where it stays: moving a span's strings into the vector cost as much as filling them.
    claims::ActorSpan& span = view.actors.emplace_back();
    span.first_token = mention.first_token;
    span.end_token = mention.end_token;
    span.adjective = mention.adjective;
    span.anonymous = mention.anonymous;
    span.role = mention.role;
    if (mention.actor >= 0) {
      int actor = mention.actor;
      if (sharing_form[mention_idx] > 1) {
        // Only an actor the form can name: "SNA" in a report naming the Manbij Military
        // Council first is still the Syrian National Army the recogniser chose.
        auto it = specific_of_type(mention.type);
        if (it != specific_by_type.end() && FormNames(mention.actor_span.Of(analyzed.doc.text), it->second)) {
          actor = it->second;
        }
      }
      FillParty(actor, &span.party);
      // A spokesperson speaks as the organisation; an unnamed official keeps the
      // affiliation ("US official") and speaks for that side.
      if (mention.anonymous && !IsSpokespersonRole(mention.role)) {
        span.party.name = mention.name;
        span.party.anonymous = true;
      }
    } else {
      span.resolved = false;
      span.party.name = mention.name;
      span.party.party = mention.name;
      span.party.type = mention.type;
    }
    span.party.person = mention.person;
  }
  const std::vector<bool> misread = MisreadPlaces(analyzed);
  view.places.reserve(analyzed.places.size());
  for (size_t place_idx = 0; place_idx < analyzed.places.size(); ++place_idx) {
    if (misread[place_idx]) continue;
    const places::PlaceMention& mention = analyzed.places[place_idx];
    claims::PlaceSpan& span = view.places.emplace_back();
    span.first_token = mention.first_token;
    span.end_token = mention.end_token;
    span.dateline = in_dateline[mention.first_token];
    // Views into the mention, which the analysed document keeps beside the view.
    claims::PlaceView& place = span.place;
    place.name = mention.name;
    place.text = mention.text;
    place.country = mention.country;
    place.admin1 = mention.admin1;
    place.feature_code = mention.feature_code;
    place.geonameid = mention.geonameid;
    place.lat = mention.lat;
    place.lon = mention.lon;
    place.resolved = mention.resolved;
    place.precision = mention.precision;
    place.relation = mention.relation;
    place.population = mention.population;
  }
  // The home country: the one most named towns lie in (datelines and parties included,
  // which only makes it surer).
  // A document's towns lie in a few countries: a short list.
  std::vector<std::pair<std::string_view, int>> towns_by_country;
  for (const claims::PlaceSpan& span : view.places) {
    // Datelines ("DAKAR, Senegal -") say where the reporter was, not where things happened.
    if (span.dateline || analyzed.tokens.tokens[span.first_token].all_caps) continue;
    if (span.place.resolved && span.place.precision <= 3 && !span.place.country.empty()) {
      const std::string_view country = span.place.country;
      auto it = std::find_if(towns_by_country.begin(), towns_by_country.end(),
                             [&](const auto& entry) { return SameCountry(entry.first, country); });
      if (it == towns_by_country.end()) {
        towns_by_country.emplace_back(country, 1);
      } else {
        ++it->second;
      }
    }
  }
  // Ties go to the country first in alphabetical order.
  int best = 0;
  std::string_view home;
  for (const auto& [country, count] : towns_by_country) {
    if (count > best || (count == best && country < home)) {
      best = count;
      home = country;
    }
  }
  view.home_country = std::string(home);
  if (!view.home_country.empty()) {
    auto military = home_military_.find(view.home_country);
    if (military != home_military_.end() && military->second >= 0) view.home_military = PartyOf(military->second);
    if (auto state = home_state_.find(view.home_country); state != home_state_.end()) {
      view.home_state = PartyOf(state->second);
    }
    // The engine's own list: a report asks it at most a few times, so it is not copied.
    if (auto bodies = home_bodies_.find(view.home_country); bodies != home_bodies_.end()) view.home_bodies = &bodies->second;
  }
  // Mentions come in token order: sorting is needed only when they do not, and strictly
  // increasing positions leave std::sort nothing to reorder (no ties whose order it could change).
  auto by_position = [](const auto& a, const auto& b) { return a.first_token < b.first_token; };
  auto out_of_order_or_tied = [](const auto& a, const auto& b) { return a.first_token >= b.first_token; };
  auto sort_unless_ordered = [&](auto& spans) {
    if (std::adjacent_find(spans.begin(), spans.end(), out_of_order_or_tied) != spans.end()) {
      std::sort(spans.begin(), spans.end(), by_position);
    }
  };
  sort_unless_ordered(view.actors);
  sort_unless_ordered(view.places);
  return view;
}

std::unique_ptr<AnalyzedDocument> Engine::Analyze(ingest::RawInput&& raw) const {
  auto analyzed = std::make_unique<AnalyzedDocument>();
  analyzed->doc = ingest::BuildDocument(std::move(raw), ingest_);
  if (analyzed->doc.skipped || depth_ == Depth::kText) return analyzed;
  analyzed->tokens = text::Tokenize(analyzed->doc.text);
  analyzed->places = places::FindPlaces(*gazetteer_, analyzed->doc.text, analyzed->tokens);
  analyzed->actors = actors::FindActors(*actors_, analyzed->doc.text, analyzed->tokens);
  if (depth_ == Depth::kMentions || !analyzed->doc.Minable()) return analyzed;
  analyzed->view = BuildView(*analyzed);
  analyzed->claims = claims::ExtractClaims(analyzed->view, *lexicon_);
  return analyzed;
}

}  // namespace crosscheck::pipeline
