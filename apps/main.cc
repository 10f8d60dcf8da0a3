// crosscheck: parse the command line, run one command, map its outcome to an exit status.
#include <CLI/CLI.hpp>

#include <iostream>

#include "common_options.h"
#include "analyze_command.h"
#include "explain_command.h"
#include "text_command.h"

int main(int argc, char** argv) {
  using namespace crosscheck::app;
  CLI::App app{"crosscheck: a sourced incident ledger from conflicting news reports"};
  app.set_version_flag("--version", std::string("crosscheck ") + CROSSCHECK_VERSION);
  app.require_subcommand(1);
  TextOptions text_options;
  AddTextCommand(&app, &text_options);
  AnalyzeOptions analyze_options;
  AddAnalyzeCommand(&app, &analyze_options);
  ExplainOptions explain_options;
  AddExplainCommand(&app, &explain_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitFatal;
  }
  if (app.got_subcommand("text")) return RunText(text_options);
  if (app.got_subcommand("analyze")) return RunAnalyze(analyze_options);
  if (app.got_subcommand("explain")) return RunExplain(explain_options);
  return kExitFatal;
}
