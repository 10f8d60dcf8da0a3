#include "text_command.h"

#include <nlohmann/json.hpp>

#include "ingest/document_builder.h"
#include "json_output.h"
#include "pipeline/batch_runner.h"
#include "text/tokenize.h"

namespace crosscheck::app {

void AddTextCommand(CLI::App* app, TextOptions* options) {
  CLI::App* command = app->add_subcommand("text", "Print the cleaned text and metadata of each document");
  AddCommonOptions(command, options, /*needs_gazetteer=*/false);
  command->add_option("--format", options->format, "jsonl (default) or text")->check(CLI::IsMember({"jsonl", "text"}));
  command->add_flag("--show-spans", options->show_spans, "In the text form, print sentences with their byte ranges");
}

int RunText(const TextOptions& options) {
  pipeline::ResourcePaths paths = options.Paths();
  Result<ingest::IngestResources> resources = ingest::IngestResources::Load(paths.data_dir);
  if (!resources.ok()) {
    std::cerr << "crosscheck: " << resources.status().ToString() << "\n";
    return kExitFatal;
  }
  if (Status status = text::LoadSentenceAbbreviations(paths.data_dir + "/lexicon/abbreviations.tsv"); !status.ok()) {
    std::cerr << "crosscheck: " << status.ToString() << "\n";
    return kExitFatal;
  }
  const bool as_text = options.format == "text";
  bool skipped_any = false;
  ingest::InputSource source(options.paths);
  pipeline::RunInBatches<Document>(
      source, options.Threads(),
      [&](ingest::RawInput&& raw) { return ingest::BuildDocument(std::move(raw), *resources); },
      [&](Document&& doc) {
        ReportDiagnostics(doc.diagnostics);
        skipped_any |= doc.skipped;
        if (!as_text) {
          std::cout << DocumentJson(doc, /*with_text=*/true).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    << "\n";
          return;
        }
        if (doc.skipped) return;
        std::cout << "== " << doc.id << "  " << doc.title << "\n";
        std::cout << "   published: " << (doc.published.empty() ? "-" : doc.published)
                  << "  outlet: " << (doc.outlet.empty() ? "-" : doc.outlet) << "  language: " << doc.language
                  << "\n\n";
        if (!options.show_spans) {
          std::cout << doc.text << "\n\n";
          return;
        }
        for (const text::Sentence& sentence : text::SplitSentences(doc.text)) {
          std::cout << "[" << sentence.span.begin << "," << sentence.span.end << ") " << sentence.span.Of(doc.text)
                    << "\n";
        }
        std::cout << "\n";
      });
  return skipped_any ? kExitSomeSkipped : kExitOk;
}

}  // namespace crosscheck::app
