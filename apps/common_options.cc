#include "common_options.h"

#include <unistd.h>

#include "pipeline/batch_runner.h"

namespace crosscheck::app {

int CommonOptions::Threads() const { return threads > 0 ? threads : pipeline::DefaultThreads(); }

void AddCommonOptions(CLI::App* command, CommonOptions* options, bool needs_gazetteer) {
  command->add_option("paths", options->paths,
                      "Files or folders: .txt .html .htm .jsonl (each also .gz); '-' reads JSON Lines from stdin")
      ->required();
  command->add_option("--threads", options->threads, "Worker threads (default: all cores)");
  command->add_option("--data", options->data_dir, "The data/ folder (default: $CROSSCHECK_DATA or the source tree's)");
  if (needs_gazetteer) {
    command->add_option("--gazetteer", options->gazetteer,
                        "A GeoNames-format file (default: $CROSSCHECK_GAZETTEER or the cities1000 set-up fetched)");
    command->add_option("--cache", options->cache_dir, "Folder for the compiled gazetteer index");
  }
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

void ReportDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    std::cerr << "crosscheck: " << (diagnostic.skipped ? "skipped " : "warning ") << diagnostic.document;
    if (!diagnostic.origin.empty() && diagnostic.origin != diagnostic.document) std::cerr << " (" << diagnostic.origin << ")";
    std::cerr << ": " << diagnostic.code << ": " << diagnostic.message << "\n";
  }
}

bool AnalyzeInputs(const CommonOptions& options, const pipeline::Engine& engine,
                   const std::function<void(std::unique_ptr<pipeline::AnalyzedDocument>&&)>& use) {
  bool skipped_any = false;
  ingest::InputSource source(options.paths);
  pipeline::RunInBatches<std::unique_ptr<pipeline::AnalyzedDocument>>(
      source, options.Threads(), [&](ingest::RawInput&& raw) { return engine.Analyze(std::move(raw)); },
      [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
        ReportDiagnostics(analyzed->doc.diagnostics);
        skipped_any |= analyzed->doc.skipped;
        use(std::move(analyzed));
      });
  return skipped_any;
}

}  // namespace crosscheck::app
