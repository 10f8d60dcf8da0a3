// The API over loopback (127.0.0.1 only), against a store filled with the seeds.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "store/store_test_env.h"

namespace crosscheck::serve {
namespace {

using Json = store::Json;
constexpr const char* kToken = "test-token-123";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = pipeline::Engine::Create(pipeline::ResolvePaths("", "", ""), pipeline::Depth::kClaims);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine).release();
  }
  static void TearDownTestSuite() { delete engine_; }

  void Start(bool private_reads) {
    fresh_ = store::testing::MakeFreshStore(store::testing::kSqlite);
    auto filled = store::LedgerStore::Open(fresh_.uri);
    ASSERT_TRUE(filled.ok());
    ASSERT_TRUE((*filled)->Ingest(store::testing::SeedItems()).ok());
    ServeOptions options;
    options.db = fresh_.uri;
    options.token = kToken;
    options.private_reads = private_reads;
    options.max_body_bytes = 1 << 20;
    options.timeout_seconds = 5;
    options.engine = engine_;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    auto port = server_->BindAnyPort();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->ListenAfterBind(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(10);
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  static Json Body(const httplib::Result& result) { return Json::parse(result->body, nullptr, false); }

  static pipeline::Engine* engine_;
  store::testing::FreshStore fresh_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};
pipeline::Engine* ServerTest::engine_ = nullptr;

TEST_F(ServerTest, ReadsAnswerWithTheLedger) {
  Start(false);
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Body(health)["status"], "ok");

  auto list = client_->Get("/api/incidents");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  Json ledger = Body(list);
  EXPECT_EQ(ledger["schema"], "crosscheck.ledger/1");
  ASSERT_FALSE(ledger["incidents"].empty());
  EXPECT_FALSE(ledger["documents"].empty());
  Json first = ledger["incidents"][0];

  auto filtered = client_->Get("/api/incidents?type=" + first["event_type"].get<std::string>() + "&limit=2");
  ASSERT_TRUE(filtered);
  EXPECT_EQ(filtered->status, 200);
  EXPECT_LE(Body(filtered)["incidents"].size(), 2u);

  auto one = client_->Get("/api/incidents/" + first["id"].get<std::string>());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(Body(one)["id"], first["id"]);
  EXPECT_FALSE(Body(one)["history"].empty());

  std::string doc_id = first["documents"][0];
  auto doc = client_->Get("/api/documents/" + doc_id);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
  EXPECT_FALSE(Body(doc)["text"].get<std::string>().empty());

  for (const char* format : {"ledger", "csv", "geojson", "acled"}) {
    auto exported = client_->Get(std::string("/api/export?format=") + format);
    ASSERT_TRUE(exported);
    EXPECT_EQ(exported->status, 200) << format;
    EXPECT_FALSE(exported->body.empty());
  }
  EXPECT_EQ(Body(client_->Get("/api/export?format=geojson"))["type"], "FeatureCollection");
}

TEST_F(ServerTest, AskAnswersFromTheStoredLedger) {
  Start(false);
  auto asked = client_->Get("/api/ask?q=who%20carried%20out%20the%20strike%20on%20Abu%20Kamal%20in%20June%202018%3F");
  ASSERT_TRUE(asked);
  ASSERT_EQ(asked->status, 200) << asked->body;
  Json body = Body(asked);
  EXPECT_EQ(body["question"], "who carried out the strike on Abu Kamal in June 2018?");
  ASSERT_EQ(body["incidents"].size(), 1u) << asked->body;
  auto incident = Body(client_->Get("/api/incidents/" + body["incidents"][0].get<std::string>()));
  EXPECT_EQ(incident["date"]["earliest"].get<std::string>().substr(0, 7), "2018-06") << incident.dump();
  EXPECT_NE(body["answer"].get<std::string>().find("asserts"), std::string::npos) << body["answer"];
  auto nothing = Body(client_->Get("/api/ask?q=who%20bombed%20Lisbon%20in%201755%3F"));
  EXPECT_TRUE(nothing["incidents"].empty());
  EXPECT_EQ(nothing["answer"].get<std::string>().rfind("No incident", 0), 0u) << nothing["answer"];
}

TEST_F(ServerTest, ErrorsAreJsonWithAReason) {
  Start(false);
  struct Case {
    std::string path;
    int status;
  };
  for (const Case& c : std::vector<Case>{{"/api/incidents/I0000000000", 404},
                                         {"/api/documents/..%2F..%2Fetc%2Fpasswd", 404},
                                         {"/api/documents/../../etc/passwd", 404},
                                         {"/api/incidents?status=maybe", 400},
                                         {"/api/incidents?near=abc", 400},
                                         {"/api/incidents?from=2020-13-40", 400},
                                         {"/api/incidents?limit=100000", 400},
                                         {"/api/incidents?bogus=1", 400},
                                         {"/api/export?format=xlsx", 400},
                                         {"/api/ask", 400},
                                         {"/nothing/here", 404}}) {
    auto result = client_->Get(c.path);
    ASSERT_TRUE(result) << c.path;
    EXPECT_EQ(result->status, c.status) << c.path;
    Json body = Body(result);
    ASSERT_TRUE(body.is_object()) << c.path << ": " << result->body;
    EXPECT_TRUE(body["error"]["reason"].is_string()) << c.path;
  }
}

TEST_F(ServerTest, WritesNeedTheTokenAndIngest) {
  Start(false);
  std::string article = R"({"id": "api-post-1", "title": "Shelling in Kostiantynivka",
    "published": "2023-09-07", "text": "Shelling in Kostiantynivka\n\nAt least 16 people were killed when shells hit a market in Kostiantynivka on Wednesday, Ukrainian officials said."})";
  auto anonymous = client_->Post("/api/documents", article, "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  EXPECT_EQ(client_->Post("/api/documents", wrong, article, "application/json")->status, 401);

  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  auto posted = client_->Post("/api/documents", auth, article, "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 200) << posted->body;
  EXPECT_EQ(Body(posted)["added"], 1) << posted->body;
  auto again = client_->Post("/api/documents", auth, Json::parse(article).dump() + "\n", "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(Body(again)["unchanged"], 1) << again->body;
  EXPECT_EQ(client_->Get("/api/documents/api-post-1")->status, 200);

  EXPECT_EQ(client_->Post("/api/documents", auth, "{not json", "application/json")->status, 400);
  auto bad_line = client_->Post("/api/documents", auth, "{not json\n", "application/x-ndjson");
  ASSERT_TRUE(bad_line);
  EXPECT_EQ(Body(bad_line)["diagnostics"][0]["document"], "body:1") << bad_line->body;
  EXPECT_EQ(client_->Post("/api/documents", auth, article, "text/plain")->status, 415);
  std::string huge(2 << 20, 'x');
  auto too_big = client_->Post("/api/documents", auth, huge, "application/json");
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
}

TEST_F(ServerTest, PrivateServerNeedsTheTokenForReads) {
  Start(true);
  EXPECT_EQ(client_->Get("/api/incidents")->status, 401);
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  EXPECT_EQ(client_->Get("/api/incidents", auth)->status, 200);
}

// docs/api.yaml describes exactly the routes the server registers.
TEST(ApiDescription, MatchesTheRouteTable) {
  std::ifstream yaml(std::string(CROSSCHECK_SOURCE_DIR) + "/docs/api.yaml");
  ASSERT_TRUE(yaml) << "docs/api.yaml";
  std::set<std::pair<std::string, std::string>> described;
  bool in_paths = false;
  std::string path;
  static const std::regex kPath(R"(^  (/[^:]*):\s*$)");
  static const std::regex kMethod(R"(^    (get|post|put|patch|delete):\s*$)");
  for (std::string line; std::getline(yaml, line);) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths) continue;
    if (!line.empty() && line[0] != ' ') break;
    std::smatch match;
    if (std::regex_match(line, match, kPath)) path = match[1];
    if (std::regex_match(line, match, kMethod)) described.insert({match[1], path});
  }
  std::set<std::pair<std::string, std::string>> served;
  for (const Route& route : Routes()) served.insert({route.method, route.path});
  EXPECT_EQ(described, served);
}

}  // namespace
}  // namespace crosscheck::serve
