#include "ingest/html_input.h"

#include <simdjson.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace crosscheck {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
// How much of the input the binary test looks at, and the share of control
// bytes above which it is called binary (text has almost none; even NUL-laden
// UTF-16 is caught earlier by its byte-order mark).
constexpr size_t kBinaryProbeBytes = 4096;
constexpr double kMaxControlShare = 0.10;
// Where a <meta charset> must appear to count (HTML says the first 1024 bytes;
// real pages put long comments first, so look a little further).
constexpr size_t kCharsetProbeBytes = 4096;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of a valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const size_t left = s.size() - i;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && IsContinuation(s[i + 1]) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (!IsContinuation(b1) || !IsContinuation(s[i + 2])) return 0;
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (!IsContinuation(b1) || !IsContinuation(s[i + 2]) || !IsContinuation(s[i + 3])) return 0;
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// simdjson's validator (SIMD, several GB/s) agrees with ValidSequenceLength: both
// follow RFC 3629 (no overlongs, no surrogates, nothing past U+10FFFF).
bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset named by <meta charset=...> or <meta http-equiv content="...; charset=...">.
std::string DeclaredCharset(std::string_view html) {
  const std::string head = LowerAscii(html.substr(0, kCharsetProbeBytes));
  const size_t pos = head.find("charset=");
  if (pos == std::string::npos) return {};
  size_t begin = pos + std::strlen("charset=");
  while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'' || head[begin] == ' ')) ++begin;
  size_t end = begin;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                               head[end] == '_' || head[end] == ':' || head[end] == '.'))
    ++end;
  return head.substr(begin, end - begin);
}

bool ConvertWithIcu(std::string_view bytes, const char* from_charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  // Worst case: every input byte becomes a 3-byte UTF-8 sequence, plus a terminator.
  out->resize(bytes.size() * 3 + 4);
  const int32_t written = ucnv_convert("UTF-8", from_charset, out->data(), static_cast<int32_t>(out->size()),
                                       bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    out->clear();
    return false;
  }
  out->resize(static_cast<size_t>(written));
  return true;
}

}  // namespace

size_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  size_t replaced = 0;
  size_t i = 0;
  size_t run_begin = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t len = ValidSequenceLength(in, i);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(in.substr(run_begin, i - run_begin));
    out->append(kReplacementChar);
    ++replaced;
    ++i;
    // One U+FFFD per broken sequence: skip its stray continuation bytes too.
    while (i < in.size() && IsContinuation(in[i])) ++i;
    run_begin = i;
  }
  out->append(in.substr(run_begin));
  return replaced;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view probe = bytes.substr(0, kBinaryProbeBytes);
  if (probe.empty()) return false;
  // UTF-16 text is full of NUL bytes but is text: DecodeHtmlBytes converts it.
  if (probe.size() >= 2 && ((probe[0] == '\xFF' && probe[1] == '\xFE') || (probe[0] == '\xFE' && probe[1] == '\xFF')))
    return false;
  // Branch-free, 32-bit counts: the compiler vectorises it.
  uint32_t control = 0;
  for (char c : probe) {
    const auto u = static_cast<uint8_t>(c);
    control += static_cast<uint32_t>((u < 0x20) & (u != '\t') & (u != '\n') & (u != '\r') & (u != '\f'));
  }
  return static_cast<double>(control) > kMaxControlShare * static_cast<double>(probe.size());
}

std::string DecodeHtmlBytes(std::string_view bytes, std::vector<std::string>* diagnostics) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  std::string converted;
  const bool utf16le = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                       static_cast<unsigned char>(bytes[1]) == 0xFE;
  const bool utf16be = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
                       static_cast<unsigned char>(bytes[1]) == 0xFF;
  if ((utf16le || utf16be) && ConvertWithIcu(bytes, utf16le ? "UTF-16LE" : "UTF-16BE", &converted)) {
    diagnostics->push_back(std::string("converted from ") + (utf16le ? "UTF-16LE" : "UTF-16BE"));
    if (converted.substr(0, kUtf8Bom.size()) == kUtf8Bom) converted.erase(0, kUtf8Bom.size());
    bytes = converted;
  } else if (IsValidUtf8(bytes)) {
    return std::string(bytes);  // the common case: nothing to convert or repair
  } else {
    const std::string charset = DeclaredCharset(bytes);
    if (!charset.empty() && charset != "utf-8" && charset != "utf8" &&
        ConvertWithIcu(bytes, charset.c_str(), &converted)) {
      diagnostics->push_back("converted from declared charset " + charset);
      bytes = converted;
    }
  }
  std::string repaired;
  const size_t replaced = RepairUtf8(bytes, &repaired);
  if (replaced > 0) {
    diagnostics->push_back("invalid UTF-8: " + std::to_string(replaced) +
                           " sequence(s) replaced with U+FFFD");
  }
  return repaired;
}

namespace {

// Elements that never take an end tag, or whose end tag is routinely left
// out; counting them would make ordinary pages look deeply nested.
bool DoesNotNest(std::string_view lower_name) {
  static constexpr std::array<std::string_view, 27> kNames = {
      "area", "base", "br",    "col",   "embed", "hr",    "img",    "input",  "link",
      "meta", "param", "source", "track", "wbr",  "p",     "li",     "td",     "th",
      "tr",   "dt",   "dd",    "option", "!doctype", "colgroup", "tbody", "thead", "keygen"};
  return std::find(kNames.begin(), kNames.end(), lower_name) != kNames.end();
}

// Elements whose content is raw text: tags inside them are not tags.
bool IsRawText(std::string_view lower_name) {
  return lower_name == "script" || lower_name == "style" || lower_name == "textarea" ||
         lower_name == "title" || lower_name == "xmp" || lower_name == "plaintext";
}

}  // namespace

size_t CapTagNesting(std::string_view html, size_t max_depth, std::string* out) {
  out->clear();
  // The common case costs one scan and no copy: only rewrite when needed.
  size_t depth = 0;
  size_t removed = 0;
  size_t excess_open = 0;  // start tags removed and not yet matched by an end tag
  size_t copied_upto = 0;
  size_t pos = 0;
  char name_buf[16];
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const size_t tag_begin = pos;
    if (html.compare(pos, 4, "<!--") == 0) {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    size_t i = pos + 1;
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    size_t name_len = 0;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' ||
                               html[i] == '!' || html[i] == ':')) {
      if (name_len < sizeof(name_buf)) {
        name_buf[name_len] = static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
      }
      ++name_len;
      ++i;
    }
    if (name_len == 0) {
      pos = tag_begin + 1;
      continue;
    }
    const std::string_view name(name_buf, std::min(name_len, sizeof(name_buf)));
    const size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    const size_t tag_end = gt + 1;
    const bool self_closing = html[gt - 1] == '/';
    if (!closing && IsRawText(name)) {
      // Skip to the matching end tag without counting what is inside.
      std::string close = "</" + std::string(name);
      size_t search = tag_end;
      size_t found = std::string_view::npos;
      while ((search = html.find('<', search)) != std::string_view::npos) {
        if (html.size() - search >= close.size() &&
            LowerAscii(html.substr(search, close.size())) == close) {
          found = search;
          break;
        }
        ++search;
      }
      pos = found == std::string_view::npos ? html.size() : found;
      continue;
    }
    pos = tag_end;
    if (DoesNotNest(name) || self_closing) continue;
    bool drop = false;
    if (closing) {
      if (excess_open > 0) {
        --excess_open;
        drop = true;
      } else if (depth > 0) {
        --depth;
      }
    } else if (depth >= max_depth) {
      ++excess_open;
      drop = true;
    } else {
      ++depth;
    }
    if (!drop) continue;
    out->append(html.substr(copied_upto, tag_begin - copied_upto));
    copied_upto = tag_end;
    ++removed;
  }
  if (removed == 0) {
    out->clear();
    return 0;
  }
  out->append(html.substr(copied_upto));
  return removed;
}

}  // namespace crosscheck
