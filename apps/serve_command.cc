#include "serve_command.h"

#include <csignal>
#include <cstdlib>

#include "common_store.h"
#include "serve/server.h"

namespace crosscheck::app {
namespace {

serve::Server* g_server = nullptr;
void StopOnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

void AddServeCommand(CLI::App* app, ServeCommandOptions* options) {
  CLI::App* command = app->add_subcommand("serve", "Serve the stored ledger over HTTP (see docs/api.yaml)");
  AddDbOption(command, &options->db);
  command->add_option("--host", options->host, "Address to listen on (default: 127.0.0.1)");
  command->add_option("--port", options->port, "Port (default: 8080)")->check(CLI::Range(1, 65535));
  command->add_option("--token", options->token, "Bearer token for writes (default: $CROSSCHECK_TOKEN; none: writes refused)");
  command->add_flag("--private", options->private_reads, "Reads need the token too");
  command->add_option("--threads", options->threads, "Threads analysing posted documents (default: 1)");
  command->add_option("--data", options->data_dir, "The data/ folder");
  command->add_option("--gazetteer", options->gazetteer, "A GeoNames-format file");
  command->add_option("--cache", options->cache_dir, "Folder for the compiled gazetteer index");
}

int RunServe(const ServeCommandOptions& options) {
  serve::ServeOptions serve_options;
  serve_options.db = options.db;
  serve_options.host = options.host;
  serve_options.port = options.port;
  serve_options.token = options.token;
  if (serve_options.token.empty() && std::getenv("CROSSCHECK_TOKEN")) serve_options.token = std::getenv("CROSSCHECK_TOKEN");
  serve_options.private_reads = options.private_reads;
  if (options.private_reads && serve_options.token.empty()) {
    std::cerr << "crosscheck: --private needs a token (--token or CROSSCHECK_TOKEN)\n";
    return kExitFatal;
  }
  serve_options.ingest_threads = std::max(1, options.threads);
  // The engine reads /api/ask questions, and with a token the documents posted.
  auto engine = pipeline::Engine::Create(pipeline::ResolvePaths(options.data_dir, options.gazetteer, options.cache_dir),
                                         pipeline::Depth::kClaims);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().ToString() << "\n";
    return kExitFatal;
  }
  serve_options.engine = engine->get();
  auto server = serve::Server::Create(serve_options);
  if (!server.ok()) {
    std::cerr << "crosscheck: " << server.status().ToString() << "\n";
    return kExitFatal;
  }
  g_server = server->get();
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::cerr << "crosscheck: serving " << options.db << " on http://" << options.host << ":" << options.port
            << (serve_options.token.empty() ? " (read-only: no token)" : "") << "\n";
  Status status = (*server)->Listen();
  g_server = nullptr;
  if (!status.ok()) {
    std::cerr << "crosscheck: " << status.ToString() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace crosscheck::app
