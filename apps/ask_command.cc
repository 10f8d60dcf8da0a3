#include "ask_command.h"

#include <filesystem>
#include <iostream>

#include "common_store.h"
#include "incidents/question.h"
#include "incidents/reconcile.h"
#include "pipeline/engine.h"
#include "pipeline/question_reader.h"
#include "store/ask_store.h"

namespace crosscheck::app {
namespace {

int AskFiles(const AskOptions& options, const pipeline::Engine& engine) {
  incidents::Question question = pipeline::ReadQuestion(engine, options.question);
  std::vector<claims::CandidateIncident> candidates;
  bool skipped_any = AnalyzeInputs(options, engine, [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
    for (auto& incident : analyzed->claims.incidents) candidates.push_back(std::move(incident));
  });
  std::vector<incidents::Incident> ledger = incidents::BuildIncidents(candidates);
  std::cout << incidents::Answer(question, incidents::MatchQuestion(question, ledger));
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

// A SQLite ledger named by path must exist: asking must not create an empty one.
bool MissingSqliteFile(const std::string& db) {
  if (db.rfind("postgres://", 0) == 0 || db.rfind("postgresql://", 0) == 0) return false;
  std::string path = db.rfind("sqlite:", 0) == 0 ? db.substr(7) : db;
  return !std::filesystem::exists(path);
}

int AskStore(const AskOptions& options, const pipeline::Engine& engine) {
  const std::string db = options.db.empty() ? kDefaultDb : options.db;
  if (MissingSqliteFile(db)) {
    std::cerr << "crosscheck: no ledger at " << db << ": give the reports (PATH...) or a ledger (--db)\n";
    return kExitFatal;
  }
  std::unique_ptr<store::LedgerStore> ledger = OpenStoreOrReport(db);
  if (!ledger) return kExitFatal;
  Result<store::StoreAnswer> answer = store::AnswerFromStore(engine, ledger.get(), options.question);
  if (!answer.ok()) {
    std::cerr << "crosscheck: " << answer.status().ToString() << "\n";
    return kExitFatal;
  }
  std::cout << answer->text;
  return kExitOk;
}

}  // namespace

void AddAskCommand(CLI::App* app, AskOptions* options) {
  CLI::App* command = app->add_subcommand(
      "ask", "Answer a question from the ledger of the reports given, or from a stored ledger (--db) without them");
  command->add_option("question", options->question, "The question, e.g. \"who carried out the strike on Abu Kamal in June 2018?\"")
      ->required();
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
  command->get_option("paths")->required(false);
  AddDbOption(command, &options->db);
}

int RunAsk(const AskOptions& options) {
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  if (!options.paths.empty() && !options.db.empty()) {
    std::cerr << "crosscheck: ask reads either reports (PATH...) or a ledger (--db), not both\n";
    return kExitFatal;
  }
  return options.paths.empty() ? AskStore(options, **engine) : AskFiles(options, **engine);
}

}  // namespace crosscheck::app
