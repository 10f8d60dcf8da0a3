// `crosscheck incidents`: the stored incidents matching filters, as text or ledger JSON.
#pragma once

#include "common_options.h"
#include "common_store.h"

namespace crosscheck::app {

struct IncidentsOptions {
  std::string db = "crosscheck.db";
  FilterFlags filters;
  std::string format;
};

void AddIncidentsCommand(CLI::App* app, IncidentsOptions* options);
int RunIncidents(const IncidentsOptions& options);

}  // namespace crosscheck::app
