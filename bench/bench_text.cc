// bench_text: single-thread throughput of ingest + text over a JSON Lines corpus
// (read and parse each line, BuildDocument, then text::Tokenize), with the time
// spent in each phase, resource loading time and peak RSS. A timer binary, not a
// test: run it through bench/run.sh.
//   usage: bench_text CORPUS.jsonl [--repeat N] [--data DIR]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/document_builder.h"
#include "ingest/input_source.h"
#include "text/tokenize.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kBytesPerMegabyte = 1e6;  // MB = 10^6 bytes, as in ../shared/bench/PEERS.md
constexpr int kDefaultRepeats = 3;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

// CPU time of this process: on a shared machine the wall time also counts the
// time other processes had the core, CPU time does not.
double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct PassFigures {
  double total_seconds = 0;
  double cpu_seconds = 0;
  double read_seconds = 0;      // InputSource::Next: file read, line split, JSON parse
  double build_seconds = 0;     // BuildDocument: boilerplate, UTF-8, cleaning, language
  double tokenize_seconds = 0;  // text::Tokenize: sentences and tokens
  size_t documents = 0;
  size_t skipped = 0;
  size_t sentences = 0;
  size_t tokens = 0;
};

PassFigures RunPass(const std::string& corpus, const crosscheck::ingest::IngestResources& resources) {
  PassFigures figures;
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuSeconds();
  crosscheck::ingest::InputSource source({corpus});
  crosscheck::ingest::RawInput raw;
  while (true) {
    const Clock::time_point read_start = Clock::now();
    if (!source.Next(&raw)) break;
    const Clock::time_point build_start = Clock::now();
    crosscheck::Document doc = crosscheck::ingest::BuildDocument(std::move(raw), resources);
    const Clock::time_point tokenize_start = Clock::now();
    const crosscheck::text::TokenStream stream = crosscheck::text::Tokenize(doc.text);
    const Clock::time_point end = Clock::now();
    figures.read_seconds += Seconds(build_start - read_start);
    figures.build_seconds += Seconds(tokenize_start - build_start);
    figures.tokenize_seconds += Seconds(end - tokenize_start);
    ++figures.documents;
    figures.skipped += doc.skipped ? 1 : 0;
    figures.sentences += stream.sentences.size();
    figures.tokens += stream.tokens.size();
  }
  figures.total_seconds = Seconds(Clock::now() - start);
  figures.cpu_seconds = CpuSeconds() - cpu_start;
  return figures;
}

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus;
  std::string data_dir = std::string(CROSSCHECK_SOURCE_DIR) + "/data";
  int repeats = kDefaultRepeats;
  for (int arg_idx = 1; arg_idx < argc; ++arg_idx) {
    const std::string arg = argv[arg_idx];
    if (arg == "--repeat" && arg_idx + 1 < argc) {
      repeats = std::max(1, std::atoi(argv[++arg_idx]));
    } else if (arg == "--data" && arg_idx + 1 < argc) {
      data_dir = argv[++arg_idx];
    } else if (corpus.empty() && arg[0] != '-') {
      corpus = arg;
    } else {
      std::fprintf(stderr, "usage: bench_text CORPUS.jsonl [--repeat N] [--data DIR]\n");
      return 2;
    }
  }
  std::error_code error;
  const uintmax_t corpus_bytes = std::filesystem::file_size(corpus, error);
  if (corpus.empty() || error) {
    std::fprintf(stderr, "bench_text: cannot read corpus '%s'\n", corpus.c_str());
    return 2;
  }

  const Clock::time_point load_start = Clock::now();
  if (crosscheck::Status status = crosscheck::text::LoadSentenceAbbreviations(data_dir + "/lexicon/abbreviations.tsv");
      !status.ok()) {
    std::fprintf(stderr, "bench_text: %s\n", status.ToString().c_str());
    return 2;
  }
  crosscheck::Result<crosscheck::ingest::IngestResources> resources = crosscheck::ingest::IngestResources::Load(data_dir);
  if (!resources.ok()) {
    std::fprintf(stderr, "bench_text: %s\n", resources.status().ToString().c_str());
    return 2;
  }
  const double load_seconds = Seconds(Clock::now() - load_start);

  std::vector<PassFigures> passes;
  for (int pass_idx = 0; pass_idx < repeats; ++pass_idx) {
    passes.push_back(RunPass(corpus, *resources));
    const PassFigures& pass = passes.back();
    std::printf("pass %d: %.3f s, %.1f MB/s (read+parse %.3f s, build %.3f s, tokenize %.3f s; CPU %.3f s, %.1f MB/s)\n",
                pass_idx + 1, pass.total_seconds, corpus_bytes / kBytesPerMegabyte / pass.total_seconds,
                pass.read_seconds, pass.build_seconds, pass.tokenize_seconds, pass.cpu_seconds,
                corpus_bytes / kBytesPerMegabyte / pass.cpu_seconds);
  }
  std::sort(passes.begin(), passes.end(),
            [](const PassFigures& a, const PassFigures& b) { return a.total_seconds < b.total_seconds; });
  const PassFigures& median = passes[passes.size() / 2];
  const double megabytes = corpus_bytes / kBytesPerMegabyte;
  // One JSON line, so run.sh and docs/performance.md can quote it as it is.
  std::printf(
      "{\"bench\":\"ingest+text\",\"threads\":1,\"corpus_bytes\":%ju,\"documents\":%zu,\"skipped\":%zu,"
      "\"sentences\":%zu,\"tokens\":%zu,\"median_seconds\":%.4f,\"mb_per_s\":%.2f,\"cpu_mb_per_s\":%.2f,"
      "\"read_parse_mb_per_s\":%.1f,\"build_mb_per_s\":%.1f,\"tokenize_mb_per_s\":%.1f,"
      "\"resource_load_seconds\":%.4f,\"peak_rss_mb\":%.1f}\n",
      corpus_bytes, median.documents, median.skipped, median.sentences, median.tokens, median.total_seconds,
      megabytes / median.total_seconds, megabytes / median.cpu_seconds, megabytes / median.read_seconds, megabytes / median.build_seconds,
      megabytes / median.tokenize_seconds, load_seconds, PeakRssKilobytes() / 1024.0);
  return 0;
}
