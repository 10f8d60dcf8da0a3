// Stand-in for libFuzzer's main when the compiler is not clang: runs the
// target once over each file named on the command line (a corpus replay), so
// CI built with g++ still exercises the targets on saved inputs.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  int unreadable = 0;
  for (int arg_idx = 1; arg_idx < argc; ++arg_idx) {
    std::ifstream in(argv[arg_idx], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[arg_idx]);
      ++unreadable;
      continue;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::fprintf(stderr, "replayed %d input(s)\n", argc - 1 - unreadable);
  return unreadable > 0 ? 1 : 0;
}
