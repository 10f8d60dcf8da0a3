#include "ask_command.h"

#include "incidents/question.h"
#include "incidents/reconcile.h"
#include "pipeline/batch_runner.h"
#include "pipeline/engine.h"
#include "pipeline/question_reader.h"

namespace crosscheck::app {

void AddAskCommand(CLI::App* app, AskOptions* options) {
  CLI::App* command = app->add_subcommand("ask", "Answer a question from the ledger of the reports");
  command->add_option("question", options->question, "The question, e.g. \"who carried out the strike on Abu Kamal in June 2018?\"")
      ->required();
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
}

int RunAsk(const AskOptions& options) {
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  incidents::Question question = pipeline::ReadQuestion(**engine, options.question);
  std::vector<claims::CandidateIncident> candidates;
  bool skipped_any = false;
  ingest::InputSource source(options.paths);
  pipeline::RunInBatches<std::unique_ptr<pipeline::AnalyzedDocument>>(
      source, options.Threads(), [&](ingest::RawInput&& raw) { return (*engine)->Analyze(std::move(raw)); },
      [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
        ReportDiagnostics(analyzed->doc.diagnostics);
        skipped_any |= analyzed->doc.skipped;
        for (auto& incident : analyzed->claims.incidents) candidates.push_back(std::move(incident));
      });
  std::vector<incidents::Incident> ledger = incidents::BuildIncidents(candidates);
  std::cout << incidents::Answer(question, incidents::MatchQuestion(question, ledger));
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
