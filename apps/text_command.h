// `crosscheck text`: what ingest made of each document.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct TextOptions : CommonOptions {
  bool show_spans = false;
};

void AddTextCommand(CLI::App* app, TextOptions* options);
int RunText(const TextOptions& options);

}  // namespace crosscheck::app
