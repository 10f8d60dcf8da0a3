// Sentence splitting (ICU, with abbreviation suppressions) and tokenization of
// cleaned text into the typed token stream of tokens.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/tokens.h"

namespace crosscheck::text {

// Abbreviations after which a full stop does not end a sentence ("Maj.", "No.").
// Set once at start-up, before any thread tokenizes; CLDR's English list is always on.
void SetSentenceAbbreviations(std::vector<std::string> abbreviations);

// Loads data/lexicon/abbreviations.tsv and installs it with SetSentenceAbbreviations.
Status LoadSentenceAbbreviations(const std::string& path);

// Splits cleaned text into trimmed, non-empty sentences.
std::vector<Sentence> SplitSentences(std::string_view text);

// Sentences, then tokens, each token tagged with its sentence.
TokenStream Tokenize(std::string_view text);

}  // namespace crosscheck::text
