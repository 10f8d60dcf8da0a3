#include "explain_command.h"

#include "core/date.h"
#include "pipeline/engine.h"

namespace crosscheck::app {
namespace {

std::string IncidentLabel(const claims::DocumentClaims& claims, int index) {
  if (index < 0 || static_cast<size_t>(index) >= claims.incidents.size()) return "-";
  const auto& inc = claims.incidents[index];
  return std::string(inc.background ? "background#" : "incident#") + std::to_string(index);
}

void Explain(const pipeline::AnalyzedDocument& a) {
  const Document& doc = a.doc;
  std::cout << "=== " << doc.id << "  " << doc.title << "\n    published " << (doc.published.empty() ? "-" : doc.published)
            << ", language " << doc.language << "\n";
  for (size_t idx = 0; idx < a.claims.incidents.size(); ++idx) {
    const auto& inc = a.claims.incidents[idx];
    std::cout << "    " << (inc.background ? "background#" : "incident#") << idx << ": " << inc.event_type << ", "
              << (inc.date.earliest ? FormatIsoDate(*inc.date.earliest) : std::string("date unknown")) << ", "
              << (inc.place ? inc.place->name + " (" + std::to_string(inc.place->geonameid) + ")" : std::string("no place"))
              << "\n";
  }
  std::map<uint32_t, const claims::SentenceTrace*> traces;
  for (const auto& trace : a.claims.trace) traces[trace.sentence] = &trace;
  for (uint32_t sentence_idx = 0; sentence_idx < a.tokens.sentences.size(); ++sentence_idx) {
    const text::Sentence& sentence = a.tokens.sentences[sentence_idx];
    std::cout << "\n[" << sentence_idx << "] " << sentence.span.Of(doc.text) << "\n";
    for (const auto& actor : a.view.actors) {
      if (actor.first_token >= sentence.first_token && actor.first_token < sentence.end_token) {
        std::cout << "    actor: \"" << ByteSpan{a.tokens.tokens[actor.first_token].span.begin,
                                                  a.tokens.tokens[actor.end_token - 1].span.end}.Of(doc.text)
                  << "\" -> " << actor.party.name << " [" << actor.party.type << (actor.adjective ? ", adjective" : "")
                  << (actor.anonymous ? ", anonymous" : "") << (actor.party.person.empty() ? "" : ", person " + actor.party.person)
                  << "]\n";
      }
    }
    for (const auto& place : a.view.places) {
      if (place.first_token >= sentence.first_token && place.first_token < sentence.end_token) {
        std::cout << "    place: \"" << place.place.text << "\" -> " << place.place.name << " " << place.place.country << " "
                  << place.place.geonameid << " [" << place.place.feature_code << (place.place.relation.empty() ? "" : ", ") << place.place.relation
                  << ", prec " << place.place.precision << "]\n";
      }
    }
    auto it = traces.find(sentence_idx);
    if (it != traces.end()) {
      std::cout << "    -> " << IncidentLabel(a.claims, it->second->incident) << (it->second->attack ? " (attack)" : "") << "\n";
      for (const auto& note : it->second->notes) std::cout << "    note: " << note << "\n";
    }
    for (const auto& inc : a.claims.incidents) {
      for (const auto& claim : inc.attributions) {
        if (claim.sentence != sentence_idx) continue;
        std::cout << "    CLAIM " << claim.source.name << " " << claim.stance << " "
                  << (claim.actor ? claim.actor->name : std::string("(unidentified)")) << (claim.hedged ? " (hedged)" : "")
                  << "  frame=" << claim.frame << " source_words=\"" << claim.source_words << "\" actor_words=\""
                  << claim.actor_words << "\"\n";
      }
      for (const auto& claim : inc.casualties) {
        if (claim.sentence != sentence_idx) continue;
        std::cout << "    FIGURE " << claim.source.name << " killed=" << (claim.killed ? std::to_string(*claim.killed) : "-")
                  << "(" << claim.killed_qualifier << ") injured=" << (claim.injured ? std::to_string(*claim.injured) : "-")
                  << "(" << claim.injured_qualifier << ") victims=" << claim.victims << "  frame=" << claim.frame
                  << " words=\"" << claim.number_words << "\"\n";
      }
      for (const auto& victim : inc.victims) {
        if (victim.span.begin >= sentence.span.begin && victim.span.end <= sentence.span.end) {
          std::cout << "    VICTIM " << victim.name << (victim.affiliation.empty() ? "" : " (" + victim.affiliation + ")") << "\n";
        }
      }
    }
  }
  std::cout << "\n";
}

}  // namespace

void AddExplainCommand(CLI::App* app, ExplainOptions* options) {
  CLI::App* command = app->add_subcommand("explain", "Show, sentence by sentence, what was read and why");
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
  command->add_option("--doc", options->doc, "Only the document with this id");
}

int RunExplain(const ExplainOptions& options) {
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  bool skipped_any = AnalyzeInputs(options, **engine, [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
    if (analyzed->doc.skipped || (!options.doc.empty() && analyzed->doc.id != options.doc)) return;
    Explain(*analyzed);
  });
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
