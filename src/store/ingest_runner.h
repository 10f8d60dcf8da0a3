// The adapter between the pipeline and the store: analyses inputs with the engine and
// ingests them a batch (one transaction) at a time. A document is either wholly
// stored with its candidates and the incidents they change, or not at all.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "ingest/input_source.h"
#include "pipeline/engine.h"
#include "store/ledger_store.h"

namespace crosscheck::store {

// Each transaction reads and rewrites the incidents its reports touch: larger batches do
// that once for more reports (10,000 generated articles: 41 s at 64, 27 s at 512).
inline constexpr size_t kDocumentsPerTransaction = 256;

struct IngestRunResult {
  IngestReport totals;
  size_t documents_read = 0;
  bool skipped_any = false;        // some inputs were unreadable or empty
  std::vector<Diagnostic> diagnostics;
};

// What the store keeps of an analysed document: metadata, cleaned text, candidates.
IngestItem ItemFrom(pipeline::AnalyzedDocument&& analyzed);

// Stops at the first store error (the transactions before it stay committed).
Result<IngestRunResult> IngestInputs(const pipeline::Engine& engine, ingest::InputSource& source, LedgerStore& store,
                                     int threads, size_t documents_per_transaction = kDocumentsPerTransaction,
                                     const std::function<void(const Diagnostic&)>& on_diagnostic = {});

}  // namespace crosscheck::store
