#include "store/ingest_runner.h"

#include "pipeline/batch_runner.h"

namespace crosscheck::store {

IngestItem ItemFrom(pipeline::AnalyzedDocument&& analyzed) {
  IngestItem item;
  item.candidates = std::move(analyzed.claims.incidents);
  item.doc = std::move(analyzed.doc);
  item.doc.anchors.clear();
  item.doc.diagnostics.clear();
  return item;
}

Result<IngestRunResult> IngestInputs(const pipeline::Engine& engine, ingest::InputSource& source, LedgerStore& store,
                                     int threads, size_t documents_per_transaction,
                                     const std::function<void(const Diagnostic&)>& on_diagnostic) {
  IngestRunResult result;
  Status failure;
  std::vector<IngestItem> pending;
  auto flush = [&] {
    if (pending.empty() || !failure.ok()) return;
    Result<IngestReport> report = store.Ingest(pending, engine.data_version());
    pending.clear();
    if (!report.ok()) {
      failure = report.status();
      return;
    }
    result.totals.added += report->added;
    result.totals.unchanged += report->unchanged;
    result.totals.revised += report->revised;
    result.totals.incidents_rebuilt += report->incidents_rebuilt;
    result.totals.retries += report->retries;
    for (auto& entry : report->documents) result.totals.documents.push_back(std::move(entry));
  };
  pipeline::RunInBatches<std::unique_ptr<pipeline::AnalyzedDocument>>(
      source, threads,
      [&](ingest::RawInput&& raw) -> std::unique_ptr<pipeline::AnalyzedDocument> {
        if (!failure.ok()) return nullptr;  // the store failed: read the rest, analyse nothing
        return engine.Analyze(std::move(raw));
      },
      [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
        if (!analyzed || !failure.ok()) return;
        ++result.documents_read;
        for (const Diagnostic& diagnostic : analyzed->doc.diagnostics) {
          if (on_diagnostic) on_diagnostic(diagnostic);
          result.diagnostics.push_back(diagnostic);
        }
        if (analyzed->doc.skipped) {
          result.skipped_any = true;
          return;
        }
        pending.push_back(ItemFrom(std::move(*analyzed)));
        if (pending.size() >= documents_per_transaction) flush();
      });
  flush();
  if (!failure.ok()) return failure;
  return result;
}

}  // namespace crosscheck::store
