// The countries a document names, as two-byte keys (the two letters of the ISO code, first
// byte high). Codes are two capital letters, which index a 676-bit map: the matcher builds one
// set per document, and a map of every two-byte key was 8 KB to clear each time. Any other
// key goes to a short list. Key 0 (no country) is never a member.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <vector>

namespace crosscheck::places {

class CountrySet {
 public:
  bool Has(uint16_t key) const {
    if (key == 0) return false;
    if (const int slot = LetterSlot(key); slot >= 0) return letters_.test(static_cast<size_t>(slot));
    return std::find(others_.begin(), others_.end(), key) != others_.end();
  }
  void Add(uint16_t key) {
    if (key == 0) return;
    if (const int slot = LetterSlot(key); slot >= 0) {
      letters_.set(static_cast<size_t>(slot));
    } else if (!Has(key)) {
      others_.push_back(key);
    }
  }

 private:
  static constexpr unsigned kLetters = 26;
  // -1 unless both bytes are capital letters.
  static int LetterSlot(uint16_t key) {
    const unsigned high = (key >> 8) - 'A', low = (key & 0xFFu) - 'A';
    if (high >= kLetters || low >= kLetters) return -1;
    return static_cast<int>(high * kLetters + low);
  }
  std::bitset<kLetters * kLetters> letters_;
  std::vector<uint16_t> others_;
};

}  // namespace crosscheck::places
