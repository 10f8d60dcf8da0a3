// `crosscheck serve`: the HTTP API over a stored ledger.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct ServeCommandOptions {
  std::string db = "crosscheck.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  bool private_reads = false;
  int threads = 0;
  std::string data_dir, gazetteer, cache_dir;
};

void AddServeCommand(CLI::App* app, ServeCommandOptions* options);
int RunServe(const ServeCommandOptions& options);

}  // namespace crosscheck::app
