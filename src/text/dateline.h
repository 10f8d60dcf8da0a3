// Datelines: "BEIRUT, March 11 (Reuters) -", "GENEVA/ADEN, April 14 (Gulf Wire) -",
// "KYIV -". They say where the reporter filed from, so later stages neither take
// their towns for the scene of an attack nor their capitals for a party.
#pragma once

#include <vector>

#include "text/tokens.h"

namespace crosscheck::text {

// One flag per token (and one past the end): true inside a sentence's opening dateline.
std::vector<bool> DatelineTokens(const TokenStream& tokens);

}  // namespace crosscheck::text
