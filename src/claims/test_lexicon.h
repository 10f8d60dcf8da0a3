// The lexicon of data/, loaded once for the claims stage's unit tests (they run from the
// source tree: crosscheck_test's WORKING_DIRECTORY).
#pragma once

#include <gtest/gtest.h>

#include "claims/lexicon.h"

namespace crosscheck::claims {

inline const Lexicon& TestLexicon() {
  static const Lexicon lexicon = [] {
    Result<Lexicon> loaded = Lexicon::Load("data");
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return std::move(*loaded);
  }();
  return lexicon;
}

}  // namespace crosscheck::claims
