// `crosscheck ingest`: analyse reports and add them to a stored ledger.
#pragma once

#include "store/ingest_runner.h"
#include "common_options.h"

namespace crosscheck::app {

struct IngestOptions : CommonOptions {
  std::string db = "crosscheck.db";
  size_t batch = store::kDocumentsPerTransaction;  // documents per transaction
};

void AddIngestCommand(CLI::App* app, IngestOptions* options);
int RunIngest(const IngestOptions& options);

}  // namespace crosscheck::app
