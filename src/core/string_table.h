// Hash tables keyed by strings and probed with string_views: the lookup tables that the
// recognizers probe for every word of an article. Abseil's flat tables (no chaining, no
// division, no temporary std::string on lookup); Debian's Abseil keeps its own string_view
// type, so the hash and equality here take std::string_view.
#pragma once

#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>

namespace crosscheck {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return absl::Hash<std::string_view>{}(s); }
};

struct StringViewEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <typename V>
using StringTable = absl::flat_hash_map<std::string, V, StringViewHash, StringViewEq>;
using StringTableSet = absl::flat_hash_set<std::string, StringViewHash, StringViewEq>;

}  // namespace crosscheck
