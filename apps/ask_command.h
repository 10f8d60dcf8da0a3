// `crosscheck ask "QUESTION" PATH...`: answers from the ledger of the reports, with the
// per-source table and the evidence; an unanswerable question says so.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct AskOptions : CommonOptions {
  std::string question;
};

void AddAskCommand(CLI::App* app, AskOptions* options);
int RunAsk(const AskOptions& options);

}  // namespace crosscheck::app
