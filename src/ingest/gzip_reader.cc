#include "ingest/gzip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace crosscheck {
namespace {

constexpr unsigned char kGzipMagic0 = 0x1f;
constexpr unsigned char kGzipMagic1 = 0x8b;
// 15 = largest window; +32 asks zlib to detect a gzip or zlib header itself.
constexpr int kWindowBitsAutoDetect = 15 + 32;
constexpr size_t kChunkBytes = 64 * 1024;

// Frees the zlib state on every return path.
class InflateStream {
 public:
  InflateStream() { initialised_ = inflateInit2(&stream_, kWindowBitsAutoDetect) == Z_OK; }
  ~InflateStream() {
    if (initialised_) inflateEnd(&stream_);
  }
  InflateStream(const InflateStream&) = delete;
  InflateStream& operator=(const InflateStream&) = delete;
  bool initialised() const { return initialised_; }
  z_stream* get() { return &stream_; }

 private:
  z_stream stream_{};
  bool initialised_ = false;
};

}  // namespace

bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == kGzipMagic0 &&
         static_cast<unsigned char>(data[1]) == kGzipMagic1;
}

Result<std::string> Gunzip(std::string_view compressed, size_t max_output_bytes) {
  if (compressed.empty()) return Status(StatusCode::kEmpty, "empty compressed input");
  // zlib counts input in 32-bit units; inputs beyond that are fed in slices.
  InflateStream inflater;
  if (!inflater.initialised()) return Status(StatusCode::kInternal, "zlib inflateInit2 failed");
  z_stream* zs = inflater.get();

  std::string out;
  const auto* next_in = reinterpret_cast<const Bytef*>(compressed.data());
  size_t remaining_in = compressed.size();
  char chunk[kChunkBytes];
  bool member_ended = false;
  for (;;) {
    if (zs->avail_in == 0 && remaining_in > 0) {
      const size_t slice = std::min<size_t>(remaining_in, UINT_MAX);
      zs->next_in = const_cast<Bytef*>(next_in);
      zs->avail_in = static_cast<uInt>(slice);
      next_in += slice;
      remaining_in -= slice;
    }
    zs->next_out = reinterpret_cast<Bytef*>(chunk);
    zs->avail_out = kChunkBytes;
    const int rc = inflate(zs, Z_NO_FLUSH);
    const size_t produced = kChunkBytes - zs->avail_out;
    if (produced > max_output_bytes - std::min(out.size(), max_output_bytes)) {
      return Status(StatusCode::kTooLarge, "gzip output exceeds the limit of " +
                                               std::to_string(max_output_bytes) +
                                               " bytes (compression bomb?)");
    }
    out.append(chunk, produced);
    if (rc == Z_STREAM_END) {
      member_ended = true;
      const size_t left = zs->avail_in + remaining_in;
      // Concatenated gzip members (as `cat a.gz b.gz` makes) form one stream;
      // anything else after the end (padding, junk) is ignored.
      if (left >= 2 && zs->avail_in >= 2 &&
          LooksGzipped(std::string_view(reinterpret_cast<const char*>(zs->next_in), 2))) {
        if (inflateReset(zs) != Z_OK) return Status(StatusCode::kInternal, "zlib inflateReset failed");
        continue;
      }
      return out;
    }
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR) {
      if (member_ended) return out;
      return Status(StatusCode::kBadEncoding,
                    out.empty() && !LooksGzipped(compressed)
                        ? "not gzip or zlib data"
                        : std::string("corrupt gzip data: ") + (zs->msg ? zs->msg : "data error"));
    }
    if (rc == Z_MEM_ERROR) return Status(StatusCode::kInternal, "zlib out of memory");
    if (rc == Z_BUF_ERROR || (rc == Z_OK && produced == 0 && zs->avail_in == 0)) {
      if (zs->avail_in == 0 && remaining_in == 0) {
        return Status(StatusCode::kBadEncoding, "gzip stream cut short after " +
                                                    std::to_string(out.size()) + " bytes of output");
      }
    }
  }
}

}  // namespace crosscheck
