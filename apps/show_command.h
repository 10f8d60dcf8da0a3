// `crosscheck show INCIDENT` and `crosscheck doc DOCUMENT`: one stored incident with
// its history; one stored document with its claims' evidence highlighted.
#pragma once

#include "common_options.h"
#include "common_store.h"

namespace crosscheck::app {

struct ShowOptions {
  std::string db = "crosscheck.db";
  std::string id;
  std::string format;
};

void AddShowCommand(CLI::App* app, ShowOptions* options);
int RunShow(const ShowOptions& options);

}  // namespace crosscheck::app
