// `crosscheck export`: the stored incidents as ledger JSON, CSV, GeoJSON or ACLED CSV.
#pragma once

#include "common_options.h"
#include "common_store.h"

namespace crosscheck::app {

struct ExportOptions {
  std::string db = "crosscheck.db";
  FilterFlags filters;
  std::string format = "ledger";
};

void AddExportCommand(CLI::App* app, ExportOptions* options);
int RunExport(const ExportOptions& options);

}  // namespace crosscheck::app
