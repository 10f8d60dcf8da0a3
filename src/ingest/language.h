// Language identification with CLD2 (Debian's libcld2): ISO 639-1 code, or "un".
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::ingest {

std::string DetectLanguage(std::string_view text);

}  // namespace crosscheck::ingest
