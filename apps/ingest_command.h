// `crosscheck ingest`: analyse reports and add them to a stored ledger.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct IngestOptions : CommonOptions {
  std::string db = "crosscheck.db";
};

void AddIngestCommand(CLI::App* app, IngestOptions* options);
int RunIngest(const IngestOptions& options);

}  // namespace crosscheck::app
