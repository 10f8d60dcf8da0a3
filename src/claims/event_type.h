// The kind of attack an incident is, from the cues of its sentences: votes per type,
// ties broken by a fixed precedence (documented in docs/architecture.md).
#pragma once

#include <map>
#include <string>

namespace crosscheck::claims {

// Precedence when votes tie: the more specific weapon first.
inline constexpr const char* kEventTypePrecedence[] = {"drone_strike", "missile_strike", "airstrike", "shelling",
                                                       "bombing", "raid", "armed_clash", "explosion", "other"};

std::string ChooseEventType(const std::map<std::string, int>& votes);

}  // namespace crosscheck::claims
