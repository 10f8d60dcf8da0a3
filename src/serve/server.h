// The HTTP API over the store (cpp-httplib): incidents with the CLI's filters, one
// incident, one document, exports, health, and document ingest behind a bearer token.
// Routes call the store only: no SQL and no extraction logic here. Requests run on
// httplib's thread pool; each takes its own store connection from a small pool.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/engine.h"
#include "store/ledger_store.h"

namespace httplib {
class Server;
}

namespace crosscheck::serve {

struct ServeOptions {
  std::string db = "crosscheck.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;              // empty: writes are refused
  bool private_reads = false;     // reads need the token too
  size_t max_body_bytes = size_t{16} << 20;
  int timeout_seconds = 30;
  int ingest_threads = 1;
  const pipeline::Engine* engine = nullptr;  // reads questions and POST /api/documents; null: both refused
};

// One row of the route table: what docs/api.yaml must describe, path in OpenAPI form.
struct Route {
  const char* method;  // get | post
  const char* path;    // "/api/incidents/{id}"
};
const std::vector<Route>& Routes();

inline constexpr size_t kDefaultPageSize = 100;
inline constexpr size_t kMaxPageSize = 1000;

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();

  // Blocks until Stop(). BindAnyPort picks a free port first (tests) and returns it.
  Status Listen();
  Result<int> BindAnyPort();
  Status ListenAfterBind();
  void Stop();

 private:
  Server() = default;
  struct Lease;
  Result<std::unique_ptr<store::LedgerStore>> Acquire();
  void Release(std::unique_ptr<store::LedgerStore> store);
  void RegisterRoutes();

  ServeOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<store::LedgerStore>> pool_;
};

}  // namespace crosscheck::serve
