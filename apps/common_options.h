// Options every command shares, and the exit-status policy: 0 all fine, 1 some
// documents skipped, 2 usage or fatal error.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "pipeline/engine.h"
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

// Analyses options.paths with the engine, a bounded batch at a time on options.Threads(),
// reports each document's diagnostics and hands every document, skipped ones included
// (their diagnostics belong in a ledger), to `use` in input order. True when some
// document was skipped.
bool AnalyzeInputs(const CommonOptions& options, const pipeline::Engine& engine,
                   const std::function<void(std::unique_ptr<pipeline::AnalyzedDocument>&&)>& use);

}  // namespace crosscheck::app
