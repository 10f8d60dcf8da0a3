// crosscheck: parse the command line, run one command, map its outcome to an exit status.
#include <CLI/CLI.hpp>

#include <iostream>

#include "common_options.h"
#include "analyze_command.h"
#include "ask_command.h"
#include "explain_command.h"
#include "mentions_command.h"
#include "text_command.h"
#include "ingest_command.h"
#include "incidents_command.h"
#include "show_command.h"
#include "doc_command.h"
#include "export_command.h"
#include "serve_command.h"

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
  MentionsOptions mentions_options;
  AddMentionsCommand(&app, &mentions_options);
  AskOptions ask_options;
  AddAskCommand(&app, &ask_options);
  IngestOptions ingest_options;
  AddIngestCommand(&app, &ingest_options);
  IncidentsOptions incidents_options;
  AddIncidentsCommand(&app, &incidents_options);
  ShowOptions show_options;
  AddShowCommand(&app, &show_options);
  DocOptions doc_options;
  AddDocCommand(&app, &doc_options);
  ExportOptions export_options;
  AddExportCommand(&app, &export_options);
  ServeCommandOptions serve_options;
  AddServeCommand(&app, &serve_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitFatal;
  }
  if (app.got_subcommand("text")) return RunText(text_options);
  if (app.got_subcommand("analyze")) return RunAnalyze(analyze_options);
  if (app.got_subcommand("explain")) return RunExplain(explain_options);
  if (app.got_subcommand("mentions")) return RunMentions(mentions_options);
  if (app.got_subcommand("ask")) return RunAsk(ask_options);
  if (app.got_subcommand("ingest")) return RunIngest(ingest_options);
  if (app.got_subcommand("incidents")) return RunIncidents(incidents_options);
  if (app.got_subcommand("show")) return RunShow(show_options);
  if (app.got_subcommand("doc")) return RunDoc(doc_options);
  if (app.got_subcommand("export")) return RunExport(export_options);
  if (app.got_subcommand("serve")) return RunServe(serve_options);
  return kExitFatal;
}
