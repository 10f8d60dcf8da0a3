// `crosscheck mentions`: every place and party a document names, with byte spans,
// resolved to GeoNames and to the actor dictionary.
#pragma once

#include "common_options.h"

namespace crosscheck::app {

struct MentionsOptions : CommonOptions {};

void AddMentionsCommand(CLI::App* app, MentionsOptions* options);
int RunMentions(const MentionsOptions& options);

}  // namespace crosscheck::app
