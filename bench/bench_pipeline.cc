// bench_pipeline: single-thread throughput of the engine itself, without writing any
// output: ingest + text + places + actors (the `mentions` depth) and the whole reading with
// claims (the `analyze` depth), then clustering of the candidates; engine start-up time and
// peak RSS. A timer binary, not a test.
//   usage: bench_pipeline CORPUS.jsonl [mentions|analyze]   (both depths when none is named)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "incidents/reconcile.h"
#include "pipeline/engine.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kBytesPerMegabyte = 1e6;
constexpr double kKilobytesPerMegabyte = 1024.0;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

}  // namespace

int main(int argc, char** argv) {
  using namespace crosscheck;
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: bench_pipeline CORPUS.jsonl [mentions|analyze]\n");
    return 2;
  }
  const std::string only = argc == 3 ? argv[2] : "";
  const double megabytes = static_cast<double>(std::filesystem::file_size(argv[1])) / kBytesPerMegabyte;
  pipeline::ResourcePaths paths = pipeline::ResolvePaths("", "", "");
  for (pipeline::Depth depth : {pipeline::Depth::kMentions, pipeline::Depth::kClaims}) {
    const char* name = depth == pipeline::Depth::kMentions ? "mentions" : "analyze";
    if (!only.empty() && only != name) continue;
    Clock::time_point start = Clock::now();
    Result<std::unique_ptr<pipeline::Engine>> engine = pipeline::Engine::Create(paths, depth);
    if (!engine.ok()) {
      std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
      return 2;
    }
    double startup = Seconds(Clock::now() - start);
    std::vector<claims::CandidateIncident> candidates;
    ingest::InputSource source({argv[1]});
    ingest::RawInput raw;
    size_t documents = 0;
    start = Clock::now();
    while (source.Next(&raw)) {
      std::unique_ptr<pipeline::AnalyzedDocument> analyzed = (*engine)->Analyze(std::move(raw));
      for (auto& incident : analyzed->claims.incidents) candidates.push_back(std::move(incident));
      ++documents;
    }
    double reading = Seconds(Clock::now() - start);
    std::printf("%-9s start-up %.3f s, %zu documents, %.1f MB in %.2f s: %.1f MB/s\n", name, startup, documents,
                megabytes, reading, megabytes / reading);
    if (depth == pipeline::Depth::kClaims) {
      start = Clock::now();
      std::vector<incidents::Incident> ledger = incidents::BuildIncidents(candidates);
      std::printf("clustering %zu candidates into %zu incidents: %.2f s\n", candidates.size(), ledger.size(),
                  Seconds(Clock::now() - start));
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS %.0f MB\n", static_cast<double>(usage.ru_maxrss) / kKilobytesPerMegabyte);
  return 0;
}
