// Makes raw bytes safe for gumbo before parsing: a valid UTF-8 string (gumbo
// requires it) whose tag nesting is bounded (gumbo's tree building is
// quadratic in nesting depth). Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck {

// Replaces each invalid UTF-8 sequence (stray continuation bytes, overlong
// forms, surrogates, truncated sequences, code points past U+10FFFF) with
// U+FFFD. Returns the number of replacements; `out` gets the repaired text.
size_t RepairUtf8(std::string_view in, std::string* out);

// True when `bytes` looks like binary data rather than text: a large share of
// control bytes other than tab/CR/LF/FF in its first kilobytes.
bool LooksBinary(std::string_view bytes);

// Turns a page into valid UTF-8: UTF-16 with a byte-order mark and pages
// declared in a legacy charset (<meta charset>) are converted with ICU when
// they are not already valid UTF-8; leftovers are repaired to U+FFFD.
// Appends what it did to `diagnostics`.
std::string DecodeHtmlBytes(std::string_view bytes, std::vector<std::string>* diagnostics);

// Removes start and end tags nested deeper than `max_depth` (the text between
// them is kept), so that hostile input such as 200,000 nested <div>s parses in
// linear time. Depth is counted the cheap way, on tags as written; void and
// commonly unclosed elements (p, li, td, ...) do not count. Returns the
// number of tags removed (0: `html` untouched and `out` left empty).
size_t CapTagNesting(std::string_view html, size_t max_depth, std::string* out);

}  // namespace crosscheck
