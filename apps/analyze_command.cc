#include "analyze_command.h"

#include "incidents/ledger_json.h"
#include "incidents/reconcile.h"
#include "pipeline/engine.h"
#include "text_report.h"

namespace crosscheck::app {

void AddAnalyzeCommand(CLI::App* app, AnalyzeOptions* options) {
  CLI::App* command = app->add_subcommand("analyze", "Build the incident ledger (crosscheck.ledger/1) of the reports");
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
  command->add_option("--format", options->format, "json, text or markdown (default: text on a terminal, else json)")
      ->check(CLI::IsMember({"json", "text", "markdown"}));
}

int RunAnalyze(const AnalyzeOptions& options) {
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  // Only what clustering needs is kept per document: metadata and candidates, not text.
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;
  std::vector<claims::CandidateIncident> candidates;
  bool skipped_any = AnalyzeInputs(options, **engine, [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
    diagnostics.insert(diagnostics.end(), analyzed->doc.diagnostics.begin(), analyzed->doc.diagnostics.end());
    if (analyzed->doc.skipped) return;
    for (auto& incident : analyzed->claims.incidents) candidates.push_back(std::move(incident));
    Document meta = std::move(analyzed->doc);
    meta.text.clear();
    meta.text.shrink_to_fit();
    meta.anchors.clear();
    meta.diagnostics.clear();
    documents.push_back(std::move(meta));
  });
  std::vector<incidents::Incident> ledger = incidents::BuildIncidents(candidates);
  std::string format = options.format.empty() ? (StdoutIsTerminal() ? "text" : "json") : options.format;
  if (format == "json") {
    incidents::WriteLedgerJson(std::cout, documents, ledger, diagnostics, (*engine)->data_version());
    std::cout << "\n";
  } else {
    PrintReport(std::cout, documents, ledger, format == "markdown");
  }
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
