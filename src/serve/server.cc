#include "serve/server.h"

#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "incidents/ledger_json.h"
#include "ingest/input_source.h"
#include "store/ask_store.h"
#include "store/export.h"
#include "store/ingest_runner.h"

namespace crosscheck::serve {
namespace {

using Json = store::Json;

constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kForbidden = 403;
constexpr int kNotFound = 404;
constexpr int kPayloadTooLarge = 413;
constexpr int kUnsupportedMedia = 415;
constexpr int kInternalError = 500;
constexpr int kServiceUnavailable = 503;
constexpr size_t kMaxPooledConnections = 8;
constexpr int kKeepAliveRequests = 100;

std::string Dump(const Json& json) { return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

void Error(httplib::Response& res, int status, const std::string& reason) {
  res.status = status;
  res.set_content(Dump(Json{{"error", Json{{"status", status}, {"reason", reason}}}}), "application/json");
}

void SendJson(httplib::Response& res, const Json& json) { res.set_content(Dump(json), "application/json"); }

int StatusFor(const Status& status) {
  return status.code() == StatusCode::kInvalidArgument ? kBadRequest : kInternalError;
}

// Constant time in the token's length: the comparison does not leak a prefix.
bool SameToken(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t idx = 0; idx < given.size(); ++idx) diff |= static_cast<unsigned char>(given[idx] ^ expected[idx]);
  return diff == 0;
}

bool Authorized(const httplib::Request& req, const std::string& token) {
  if (token.empty()) return false;
  std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.rfind(kBearer, 0) == 0 && SameToken(header.substr(kBearer.size()), token);
}

Result<size_t> ParseCount(const std::string& name, const std::string& text, size_t max) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status(StatusCode::kInvalidArgument, name + ": expected a non-negative integer");
  }
  size_t value = std::stoul(text);
  if (value > max) return Status(StatusCode::kInvalidArgument, name + ": at most " + std::to_string(max));
  return value;
}

Result<store::IncidentFilter> FilterFrom(const httplib::Request& req, bool paged) {
  store::IncidentFilter filter;
  static const std::set<std::string> kKnown = {"place", "near", "from", "to", "actor", "status", "type", "text",
                                               "limit", "offset", "format"};
  for (const auto& [key, value] : req.params) {
    if (!kKnown.count(key)) return Status(StatusCode::kInvalidArgument, "unknown parameter '" + key + "'");
  }
  filter.place = req.get_param_value("place");
  filter.from = req.get_param_value("from");
  filter.to = req.get_param_value("to");
  filter.actor = req.get_param_value("actor");
  filter.status = req.get_param_value("status");
  filter.type = req.get_param_value("type");
  filter.text = req.get_param_value("text");
  if (req.has_param("near")) {
    Result<store::NearFilter> near = store::ParseNear(req.get_param_value("near"));
    if (!near.ok()) return near.status();
    filter.near = *near;
  }
  if (paged) {
    filter.limit = kDefaultPageSize;
    if (req.has_param("limit")) {
      Result<size_t> limit = ParseCount("limit", req.get_param_value("limit"), kMaxPageSize);
      if (!limit.ok()) return limit.status();
      filter.limit = *limit == 0 ? kDefaultPageSize : *limit;
    }
    if (req.has_param("offset")) {
      Result<size_t> offset = ParseCount("offset", req.get_param_value("offset"), 100000000);
      if (!offset.ok()) return offset.status();
      filter.offset = *offset;
    }
  }
  Status valid = store::ValidateFilter(filter);
  if (!valid.ok()) return valid;
  return filter;
}

// JSON (one object, or an array of them) or JSON Lines, as one .jsonl file the
// ingest readers validate line by line.
Result<std::string> AsJsonLines(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/x-jsonlines") return req.body;
  if (type != "application/json") {
    return Status(StatusCode::kUnsupported, "Content-Type must be application/json or application/x-ndjson");
  }
  Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Status(StatusCode::kBadJson, "the body is not valid JSON");
  if (body.is_object()) body = Json::array({body});
  if (!body.is_array()) return Status(StatusCode::kBadJson, "expected a document object or an array of them");
  std::string lines;
  for (const Json& doc : body) {
    if (!doc.is_object()) return Status(StatusCode::kBadJson, "every document must be a JSON object");
    lines += Dump(doc) + "\n";
  }
  return lines;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"get", "/healthz"},          {"get", "/api/incidents"}, {"get", "/api/incidents/{id}"},
      {"get", "/api/documents/{id}"}, {"post", "/api/documents"}, {"get", "/api/export"},
      {"get", "/api/ask"},
  };
  return kRoutes;
}

struct Server::Lease {
  Server* server;
  std::unique_ptr<store::LedgerStore> store;
  ~Lease() {
    if (store) server->Release(std::move(store));
  }
};

Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  std::unique_ptr<Server> server(new Server());
  server->options_ = options;
  // Open once now: a bad --db fails at start-up, not on the first request.
  Result<std::unique_ptr<store::LedgerStore>> first = store::LedgerStore::Open(options.db);
  if (!first.ok()) return first.status();
  server->pool_.push_back(std::move(*first));
  server->http_ = std::make_unique<httplib::Server>();
  httplib::Server& http = *server->http_;
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.timeout_seconds, 0);
  http.set_write_timeout(options.timeout_seconds, 0);
  http.set_idle_interval(0, 100000);
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.set_keep_alive_timeout(5);
  server->RegisterRoutes();
  return server;
}

Result<std::unique_ptr<store::LedgerStore>> Server::Acquire() {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      auto store = std::move(pool_.back());
      pool_.pop_back();
      return store;
    }
  }
  return store::LedgerStore::Open(options_.db);
}

void Server::Release(std::unique_ptr<store::LedgerStore> store) {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  if (pool_.size() < kMaxPooledConnections) pool_.push_back(std::move(store));
}

void Server::RegisterRoutes() {
  httplib::Server& http = *http_;
  const ServeOptions& options = options_;
  // Every route: reads pass unless --private, then the store from the pool.
  auto with_store = [this, &options](bool write, auto handler) {
    return [this, &options, write, handler](const httplib::Request& req, httplib::Response& res) {
      if ((write || options.private_reads) && !Authorized(req, options.token)) {
        if (write && options.token.empty()) return Error(res, kForbidden, "writes are disabled: start serve with --token");
        res.set_header("WWW-Authenticate", "Bearer");
        return Error(res, kUnauthorized, "a valid bearer token is required");
      }
      Result<std::unique_ptr<store::LedgerStore>> store = Acquire();
      if (!store.ok()) return Error(res, kInternalError, store.status().ToString());
      Lease lease{this, std::move(*store)};
      handler(req, res, *lease.store);
    };
  };

  http.Get("/healthz", with_store(false, [](const httplib::Request&, httplib::Response& res, store::LedgerStore& store) {
             Result<int> version = store.SchemaVersion();
             if (!version.ok()) return Error(res, kInternalError, version.status().ToString());
             SendJson(res, Json{{"status", "ok"}, {"schema_version", *version}});
           }));

  http.Get("/api/incidents", with_store(false, [](const httplib::Request& req, httplib::Response& res, store::LedgerStore& store) {
             Result<store::IncidentFilter> filter = FilterFrom(req, /*paged=*/true);
             if (!filter.ok()) return Error(res, kBadRequest, filter.status().message());
             Result<std::vector<Json>> found = store.FindIncidents(*filter);
             if (!found.ok()) return Error(res, StatusFor(found.status()), found.status().message());
             Result<Json> ledger = store.Ledger(*found);
             if (!ledger.ok()) return Error(res, kInternalError, ledger.status().message());
             (*ledger)["page"] = Json{{"limit", filter->limit}, {"offset", filter->offset}, {"count", found->size()}};
             SendJson(res, *ledger);
           }));

  http.Get(R"(/api/incidents/([^/]+))",
           with_store(false, [](const httplib::Request& req, httplib::Response& res, store::LedgerStore& store) {
             std::string id = req.matches[1];
             Result<std::optional<Json>> incident = store.GetIncident(id);
             if (!incident.ok()) return Error(res, kInternalError, incident.status().message());
             if (!incident->has_value()) return Error(res, kNotFound, "no incident '" + id + "'");
             Result<std::vector<store::HistoryEntry>> history = store.History(id);
             if (!history.ok()) return Error(res, kInternalError, history.status().message());
             Json out = **incident;
             Json entries = Json::array();
             for (const auto& entry : *history) {
               entries.push_back(Json{{"seq", entry.seq}, {"arrived_at", entry.arrived_at}, {"doc", entry.doc},
                                      {"revision", entry.revision}, {"kind", entry.kind}, {"detail", entry.detail}});
             }
             out["history"] = entries;
             SendJson(res, out);
           }));

  http.Get(R"(/api/documents/([^/]+))",
           with_store(false, [](const httplib::Request& req, httplib::Response& res, store::LedgerStore& store) {
             std::string id = req.matches[1];
             Result<std::optional<store::StoredDocument>> stored = store.GetDocument(id);
             if (!stored.ok()) return Error(res, kInternalError, stored.status().message());
             if (!stored->has_value()) return Error(res, kNotFound, "no document '" + id + "'");
             const store::StoredDocument& doc = **stored;
             Json spans = Json::array();
             for (const auto& candidate : doc.candidates) {
               for (const auto& claim : candidate.attributions) {
                 spans.push_back(Json{{"kind", "attribution"}, {"span", Json::array({claim.span.begin, claim.span.end})}});
               }
               for (const auto& claim : candidate.casualties) {
                 spans.push_back(Json{{"kind", "casualty"}, {"span", Json::array({claim.span.begin, claim.span.end})}});
               }
             }
             Json out = incidents::DocumentEntry(doc.doc);
             out["revision"] = doc.revision;
             out["content_hash"] = doc.content_hash;
             out["ingested_at"] = doc.ingested_at;
             out["incidents"] = doc.incidents;
             out["evidence"] = spans;
             out["text"] = doc.doc.text;
             SendJson(res, out);
           }));

  http.Get("/api/export", with_store(false, [](const httplib::Request& req, httplib::Response& res, store::LedgerStore& store) {
             std::string format = req.has_param("format") ? req.get_param_value("format") : "ledger";
             if (!store::IsExportFormat(format)) return Error(res, kBadRequest, "format: one of ledger, csv, geojson, acled");
             Result<store::IncidentFilter> filter = FilterFrom(req, /*paged=*/false);
             if (!filter.ok()) return Error(res, kBadRequest, filter.status().message());
             Result<std::vector<Json>> found = store.FindIncidents(*filter);
             if (!found.ok()) return Error(res, StatusFor(found.status()), found.status().message());
             Result<Json> ledger = store.Ledger(*found);
             if (!ledger.ok()) return Error(res, kInternalError, ledger.status().message());
             std::ostringstream out;
             store::WriteExport(out, format, *ledger);
             res.set_content(out.str(), store::ExportContentType(format));
           }));

  http.Get("/api/ask", with_store(false, [&options](const httplib::Request& req, httplib::Response& res,
                                                    store::LedgerStore& store) {
             std::string question = req.get_param_value("q");
             if (question.empty()) return Error(res, kBadRequest, "q: the question is missing");
             if (!options.engine) return Error(res, kServiceUnavailable, "this server cannot read questions");
             Result<store::StoreAnswer> answer = store::AnswerFromStore(*options.engine, &store, question);
             if (!answer.ok()) return Error(res, kInternalError, answer.status().message());
             SendJson(res, Json{{"question", question}, {"incidents", answer->incident_ids}, {"answer", answer->text}});
           }));

  http.Post("/api/documents", with_store(true, [&options](const httplib::Request& req, httplib::Response& res,
                                                           store::LedgerStore& store) {
              if (!options.engine) return Error(res, kForbidden, "this server cannot analyse documents");
              Result<std::string> lines = AsJsonLines(req);
              if (!lines.ok()) {
                int status = lines.status().code() == StatusCode::kUnsupported ? kUnsupportedMedia : kBadRequest;
                return Error(res, status, lines.status().message());
              }
              // A private file the JSON Lines reader takes as input; removed right after.
              std::filesystem::path dir = std::filesystem::temp_directory_path();
              std::string path = (dir / ("crosscheck-post-XXXXXX.jsonl")).string();
              int fd = mkstemps(path.data(), 6);
              if (fd < 0) return Error(res, kInternalError, "cannot create a temporary file");
              bool written = write(fd, lines->data(), lines->size()) == static_cast<ssize_t>(lines->size());
              close(fd);
              if (!written) {
                std::filesystem::remove(path);
                return Error(res, kInternalError, "cannot write a temporary file");
              }
              ingest::InputSource source({path});
              Result<store::IngestRunResult> run = store::IngestInputs(*options.engine, source, store, options.ingest_threads);
              std::filesystem::remove(path);
              if (!run.ok()) return Error(res, kInternalError, run.status().message());
              Json documents = Json::array();
              for (const auto& [id, action] : run->totals.documents) {
                documents.push_back(Json{{"id", id}, {"action", store::IngestActionName(action)}});
              }
              Json diagnostics = Json::array();
              // The temporary file's name means nothing to the client: "body:LINE" instead.
              auto hide_path = [&path](std::string text) {
                return text.rfind(path, 0) == 0 ? "body" + text.substr(path.size()) : text;
              };
              for (const Diagnostic& d : run->diagnostics) {
                diagnostics.push_back(Json{{"document", hide_path(d.document)}, {"origin", hide_path(d.origin)},
                                           {"code", d.code}, {"message", d.message}, {"skipped", d.skipped}});
              }
              SendJson(res, Json{{"added", run->totals.added},
                                 {"unchanged", run->totals.unchanged},
                                 {"revised", run->totals.revised},
                                 {"documents", documents},
                                 {"diagnostics", diagnostics}});
            }));

  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string reason = res.status == kNotFound ? "no such route" : (res.status == kPayloadTooLarge ? "request body too large" : "request failed");
    Error(res, res.status, reason);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Error(res, kInternalError, "internal error");
  });
}

Status Server::Listen() {
  if (!http_->bind_to_port(options_.host.c_str(), options_.port)) {
    return Status(StatusCode::kIoError, "cannot listen on " + options_.host + ":" + std::to_string(options_.port));
  }
  return ListenAfterBind();
}

Result<int> Server::BindAnyPort() {
  int port = http_->bind_to_any_port(options_.host.c_str());
  if (port <= 0) return Status(StatusCode::kIoError, "cannot bind " + options_.host);
  return port;
}

Status Server::ListenAfterBind() {
  if (!http_->listen_after_bind()) return Status(StatusCode::kIoError, "the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() { http_->stop(); }

}  // namespace crosscheck::serve
