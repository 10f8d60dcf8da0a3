// Hash tables keyed by strings and probed with string_views: the lookup tables that the
// recognizers probe for every word of an article. Abseil's flat tables (no chaining, no
// division, no temporary std::string on lookup). Debian's Abseil keeps its own string_view
// type: the hash converts to it, because absl::Hash of a std::string_view would fall back
// to std::hash and then mix that again.
#pragma once

#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

namespace crosscheck {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

struct StringViewEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <typename V>
using StringTable = absl::flat_hash_map<std::string, V, StringViewHash, StringViewEq>;
using StringTableSet = absl::flat_hash_set<std::string, StringViewHash, StringViewEq>;

}  // namespace crosscheck
