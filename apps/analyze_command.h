// `crosscheck analyze`: the incident ledger of a batch of reports.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct AnalyzeOptions : CommonOptions {};

void AddAnalyzeCommand(CLI::App* app, AnalyzeOptions* options);
int RunAnalyze(const AnalyzeOptions& options);

}  // namespace crosscheck::app
