#include "store/store_test_env.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "ingest/input_source.h"
#include "pipeline/batch_runner.h"
#include "pipeline/engine.h"
#include "store/ingest_runner.h"
#include "store/sql.h"

namespace crosscheck::store::testing {
namespace {

bool UnderCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// postgres://user@host:port/db?x -> postgres://user@host:port/NAME
std::string WithDatabase(const std::string& uri, const std::string& name) {
  size_t scheme = uri.find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t slash = uri.find('/', start);
  size_t query = uri.find('?', start);
  std::string head = uri.substr(0, std::min(slash, query));
  std::string tail = query == std::string::npos ? "" : uri.substr(query);
  return head + "/" + name + tail;
}

}  // namespace

std::vector<std::string> Backends() { return {kSqlite, kPostgres}; }

FreshStore MakeFreshStore(const std::string& backend) {
  static std::atomic<int> counter{0};
  FreshStore fresh;
  std::string name = "cc_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (backend == kSqlite) {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "crosscheck_store_tests";
    std::filesystem::create_directories(dir);
    std::filesystem::path file = dir / (name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    fresh.uri = file.string();
    return fresh;
  }
  const char* base = std::getenv("CROSSCHECK_TEST_PG");
  fresh.must_run = UnderCi();
  if (!base || !*base) {
    fresh.unavailable = "PostgreSQL tests skipped: CROSSCHECK_TEST_PG is not set (scripts/pg_test_server.sh starts one)";
    return fresh;
  }
  Result<std::unique_ptr<SqlConnection>> admin = OpenPostgres(base);
  if (!admin.ok()) {
    fresh.unavailable = "PostgreSQL tests: " + admin.status().ToString();
    return fresh;
  }
  Status status = (*admin)->Exec("DROP DATABASE IF EXISTS " + name);
  if (status.ok()) status = (*admin)->Exec("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
  if (!status.ok()) {
    fresh.unavailable = "PostgreSQL tests: " + status.ToString();
    return fresh;
  }
  fresh.uri = WithDatabase(base, name);
  return fresh;
}

const std::vector<IngestItem>& SeedItems() {
  static const std::vector<IngestItem> items = [] {
    std::vector<IngestItem> out;
    auto engine = pipeline::Engine::Create(pipeline::ResolvePaths("", "", ""), pipeline::Depth::kClaims);
    if (!engine.ok()) return out;
    std::string source_dir = CROSSCHECK_SOURCE_DIR;
    ingest::InputSource source({source_dir + "/../shared/seeds", source_dir + "/examples"});
    pipeline::RunInBatches<std::unique_ptr<pipeline::AnalyzedDocument>>(
        source, 1, [&](ingest::RawInput&& raw) { return (*engine)->Analyze(std::move(raw)); },
        [&](std::unique_ptr<pipeline::AnalyzedDocument>&& analyzed) {
          if (!analyzed->doc.skipped) out.push_back(ItemFrom(std::move(*analyzed)));
        });
    return out;
  }();
  return items;
}

std::vector<std::string> Snapshot(LedgerStore& store) {
  std::vector<std::string> out;
  Result<std::vector<Json>> incidents = store.FindIncidents({});
  if (!incidents.ok()) return {"error: " + incidents.status().ToString()};
  for (const Json& incident : *incidents) out.push_back(incident.dump());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace crosscheck::store::testing
