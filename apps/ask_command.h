// `crosscheck ask "QUESTION" PATH...`: answers from the ledger of the reports, with the
// per-source table and the evidence; an unanswerable question says so. Without PATH, from
// the stored ledger (--db, default crosscheck.db).
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct AskOptions : CommonOptions {
  std::string question;
  std::string db;  // a stored ledger, when no PATH is given
};

void AddAskCommand(CLI::App* app, AskOptions* options);
int RunAsk(const AskOptions& options);

}  // namespace crosscheck::app
