#include "text/dateline.h"

#include <algorithm>

namespace crosscheck::text {
namespace {

// Filing places, a date and an agency in brackets: about a dozen tokens at most.
constexpr uint32_t kMaxDatelineTokens = 16;
// "US" or "UN" in capitals is an acronym; a filing place has more letters.
constexpr size_t kMinPlaceLetters = 3;

bool IsDash(const Token& token) { return token.kind == TokenKind::kPunct && token.folded == "-"; }

}  // namespace

std::vector<bool> DatelineTokens(const TokenStream& tokens) {
  std::vector<bool> in_dateline(tokens.tokens.size() + 1, false);
  for (const Sentence& sentence : tokens.sentences) {
    uint32_t limit = std::min(sentence.end_token, sentence.first_token + kMaxDatelineTokens);
    int brackets = 0;
    bool filing_place = false;  // a word in capitals outside the brackets: "SANAA", "GENEVA"
    // "Khost, 2 November 2026 (Bakhtar) -": a place written in lower case, then a comma, a
    // date with its numbers and the agency in brackets, is a dateline too.
    const bool place_then_comma = sentence.first_token + 1 < limit && tokens.tokens[sentence.first_token].capitalized &&
                                  tokens.tokens[sentence.first_token + 1].kind == TokenKind::kPunct &&
                                  tokens.tokens[sentence.first_token + 1].folded == ",";
    bool dated = false;
    bool agency = false;
    for (uint32_t t = sentence.first_token; t < limit; ++t) {
      const Token& token = tokens.tokens[t];
      // "KYIV -", or "PESHAWAR:" straight after the place as South Asian papers write it.
      bool colon = token.kind == TokenKind::kPunct && token.folded == ":" && !token.space_before && filing_place &&
                   t == sentence.first_token + 1;
      if ((IsDash(token) && token.space_before) || colon) {
        if (filing_place || (place_then_comma && dated && agency)) {
          std::fill(in_dateline.begin() + sentence.first_token, in_dateline.begin() + t, true);
        }
        break;
      }
      if (token.kind == TokenKind::kNumber && brackets <= 0) dated = true;
      if (token.kind == TokenKind::kPunct) {
        if (token.folded == "(") ++brackets;
        if (token.folded == ")") {
          --brackets;
          agency = true;
        }
        continue;
      }
      // Bylines, places, months and agencies are capitalised; a lower-case word outside
      // the agency's brackets means a sentence ("NATO said on Monday - ...").
      if (token.kind == TokenKind::kWord && !token.capitalized && brackets <= 0) break;
      if (token.all_caps && brackets <= 0 && token.folded.size() >= kMinPlaceLetters) filing_place = true;
    }
  }
  return in_dateline;
}

}  // namespace crosscheck::text
