// Options every command shares, and the exit-status policy: 0 all fine, 1 some
// documents skipped, 2 usage or fatal error.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "pipeline/resources.h"

namespace crosscheck::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeSkipped = 1;
inline constexpr int kExitFatal = 2;

struct CommonOptions {
  std::vector<std::string> paths;
  std::string format;
  int threads = 0;
  std::string data_dir;
  std::string gazetteer;
  std::string cache_dir;

  pipeline::ResourcePaths Paths() const { return pipeline::ResolvePaths(data_dir, gazetteer, cache_dir); }
  int Threads() const;
};

// Adds PATH... --threads --data --gazetteer --cache to a subcommand.
void AddCommonOptions(CLI::App* command, CommonOptions* options, bool needs_gazetteer);

// True when standard output is a terminal: the text report is the default there.
bool StdoutIsTerminal();

// One line on stderr per diagnostic, naming the document and the reason.
void ReportDiagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace crosscheck::app
