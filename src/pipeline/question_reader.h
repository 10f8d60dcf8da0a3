// Reads a question in English with the engine's own stages: the place through the
// gazetteer, the party through the actor dictionary, the time window and the kind of
// attack through the claims lexicon, and what is asked from the question word.
#pragma once

#include <string>

#include "incidents/question.h"
#include "pipeline/engine.h"

namespace crosscheck::pipeline {

incidents::Question ReadQuestion(const Engine& engine, const std::string& question);

}  // namespace crosscheck::pipeline
