#include "ingest_command.h"

#include "common_store.h"
#include "pipeline/engine.h"
#include "store/ingest_runner.h"

namespace crosscheck::app {

void AddIngestCommand(CLI::App* app, IngestOptions* options) {
  CLI::App* command = app->add_subcommand("ingest", "Add reports to a stored ledger (same content twice is a no-op)");
  AddCommonOptions(command, options, /*needs_gazetteer=*/true);
  AddDbOption(command, &options->db);
  command
      ->add_option("--batch", options->batch,
                   "Documents per transaction: larger batches read each touched incident once for more "
                   "reports; a crash loses at most one batch, which running the ingest again completes")
      ->check(CLI::Range(size_t{1}, size_t{100000}));
}

int RunIngest(const IngestOptions& options) {
  std::unique_ptr<store::LedgerStore> store = OpenStoreOrReport(options.db);
  if (!store) return kExitFatal;
  Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(options.Paths(), pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  ingest::InputSource source(options.paths);
  Result<store::IngestRunResult> run = store::IngestInputs(
      **engine, source, *store, options.Threads(), options.batch,
      [](const Diagnostic& diagnostic) { ReportDiagnostics({diagnostic}); });
  if (!run.ok()) {
    std::cerr << "crosscheck: " << run.status().ToString() << " (the batches before it are stored)\n";
    return kExitFatal;
  }
  auto counts = store->Counts();
  std::cerr << "crosscheck: " << run->totals.added << " added, " << run->totals.revised << " revised, "
            << run->totals.unchanged << " unchanged";
  if (counts.ok()) std::cerr << "; the ledger holds " << counts->documents << " documents, " << counts->incidents << " incidents";
  std::cerr << "\n";
  return run->skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
