// `crosscheck explain`: each sentence with the claims read from it, the rule (frame)
// that fired and the words that filled source, actor, stance and number; sentences that
// mention an attack but gave no claim say why. How errors are found and trust is decided.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct ExplainOptions : CommonOptions {
  std::string doc;
};

void AddExplainCommand(CLI::App* app, ExplainOptions* options);
int RunExplain(const ExplainOptions& options);

}  // namespace crosscheck::app
