// The only place the stages meet: loads every resource once, then analyses one raw
// input at a time (ingest -> text -> places -> actors -> claims). An Engine is
// immutable after Create and Analyze may run on many threads at once.
#pragma once

#include <memory>
#include <cstdint>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/find_actors.h"
#include "claims/claim_types.h"
#include "claims/document_view.h"
#include "claims/lexicon.h"
#include "core/document.h"
#include "core/string_table.h"
#include "core/status.h"
#include "ingest/document_builder.h"
#include "ingest/input_source.h"
#include "places/places.h"
#include "pipeline/resources.h"
#include "text/tokens.h"

namespace crosscheck::pipeline {

// How far a command needs documents read.
enum class Depth { kText, kMentions, kClaims };

struct AnalyzedDocument {
  Document doc;
  text::TokenStream tokens;
  std::vector<places::PlaceMention> places;
  std::vector<actors::ActorMention> actors;
  claims::DocumentView view;  // points into doc and tokens: keep the object where it is built
  claims::DocumentClaims claims;

  AnalyzedDocument() = default;
  AnalyzedDocument(const AnalyzedDocument&) = delete;
  AnalyzedDocument& operator=(const AnalyzedDocument&) = delete;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const ResourcePaths& paths, Depth depth);

  std::unique_ptr<AnalyzedDocument> Analyze(ingest::RawInput&& raw) const;

  // "data version" recorded in every ledger: which dictionaries produced it.
  const std::string& data_version() const { return data_version_; }
  const actors::ActorDictionary* actors() const { return actors_.get(); }
  const places::Gazetteer* gazetteer() const { return gazetteer_.get(); }
  const claims::Lexicon* lexicon() const { return lexicon_.get(); }

 private:
  Engine() = default;
  claims::Party PartyOf(int actor_index) const;
  // The same into a party whose strings are still empty: the view's spans are filled in place.
  void FillParty(int actor_index, claims::Party* party) const;
  claims::DocumentView BuildView(const AnalyzedDocument& analyzed) const;
  // How many actors a surface form may name. Remembered across documents, per thread: the
  // same few forms ("US", "the army") recur in every report, and each lookup tokenizes the
  // form; a memo of the thread's own takes no lock, so each mention may ask it directly.
  size_t ActorsSharingForm(std::string_view surface) const;
  // Whether a surface form may name this actor.
  bool FormNames(std::string_view surface, int actor) const;

  Depth depth_ = Depth::kText;
  ingest::IngestResources ingest_;
  std::unique_ptr<claims::Lexicon> lexicon_;
  std::unique_ptr<places::Gazetteer> gazetteer_;
  std::unique_ptr<actors::ActorDictionary> actors_;
  std::string data_version_;
  // Per country, the first state actor of that country and its armed forces (-1 when it
  // has none): BuildView asks once per report, and scanning the dictionary each time was dear.
  StringTable<int> home_state_;
  StringTable<int> home_military_;
  // Per country, its state's government bodies by actor id ("syrian_health_ministry"):
  // "the health ministry said" in a report about that country.
  StringTable<std::vector<std::pair<std::string, claims::Party>>> home_bodies_;
  // Tells this engine's memo of form counts from another's (ActorsSharingForm): engines may
  // come and go at the same address with other dictionaries.
  uint64_t serial_ = 0;
};

}  // namespace crosscheck::pipeline
