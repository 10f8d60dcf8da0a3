// Reporting frames: who a sentence says said it. "X said/denied CLAUSE", "CLAUSE, X
// told Reuters", "according to X, CLAUSE", "in a statement, X announced", headline
// "X confirms ...", "denials from X", a quotation continuing the last speaker, or the
// article's own voice ("unattributed").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "claims/coreference.h"
#include "claims/sentence_context.h"

namespace crosscheck::claims {

struct SourceFrame {
  Party source;
  bool attributed = false;     // false: the article's own voice
  bool is_person = false;      // a person (for "he"/"she" later)
  std::string frame;           // rule id, shown by explain
  std::string verb_stance;     // asserts | denies | blames | "" when there is no reporting verb
  uint32_t verb_first = 0;     // the reporting verb or noun
  uint32_t verb_end = 0;
  uint32_t clause_first = 0;   // what the source is said to have said
  uint32_t clause_end = 0;
  uint32_t source_first = 0;   // the words naming the source
  uint32_t source_end = 0;
};

// The main reporting frame of the sentence (the first whose source is found), plus
// nominal ones ("denials from the coalition", "Global Coalition denial").
std::vector<SourceFrame> FindSources(const SentenceContext& sentence, const Coreference& coreference);

// The party that is the subject of the words at `token` ("he did not specify", "the
// ministry declined to comment"), if any.
std::optional<Party> SpeakerBefore(const SentenceContext& sentence, uint32_t token, const Coreference& coreference);

}  // namespace crosscheck::claims
