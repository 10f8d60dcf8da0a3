#include "claims/event_type.h"

namespace crosscheck::claims {

std::string ChooseEventType(const std::map<std::string, int>& votes) {
  std::string best = "other";
  int best_votes = 0;
  for (const char* type : kEventTypePrecedence) {
    auto it = votes.find(type);
    if (it != votes.end() && it->second > best_votes) {
      best = type;
      best_votes = it->second;
    }
  }
  return best;
}

}  // namespace crosscheck::claims
