#include "store/export.h"

#include <gtest/gtest.h>

#include <sstream>

namespace crosscheck::store {
namespace {

// An independent RFC 4180 reader: what a spreadsheet or pandas would see.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    if (quoted) {
      if (c == '"' && idx + 1 < text.size() && text[idx + 1] == '"') {
        rows.back().back().push_back('"');
        ++idx;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && idx + 1 < text.size() && text[idx + 1] == '\n') {
      ++idx;
      rows.emplace_back(1);
    } else {
      rows.back().back().push_back(c);
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

Json Incident(const std::string& id, const std::string& place, double lat, double lon) {
  return Json::parse(R"({"id": ")" + id + R"(", "event_type": "airstrike",
    "date": {"earliest": "2018-06-17", "latest": "2018-06-18", "precision": 2},
    "location": {"name": ")" + place + R"(", "country": "SY", "admin1": "Deir ez-Zor", "lat": )" + std::to_string(lat) +
                     R"(, "lon": )" + std::to_string(lon) + R"(, "geonameid": 174448, "precision": 2, "mentions": []},
    "documents": ["a", "b"], "attribution_status": "contested",
    "attribution_claims": [{"source": "SANA", "actor": "United States", "stance": "asserts"},
                           {"source": "US Central Command", "actor": "United States", "stance": "denies"}],
    "casualty_claims": [{"source": "SOHR", "killed": 52, "victims": "civilians"}],
    "killed": {"min": 22, "max": 52}, "injured": {"min": null, "max": null},
    "killed_rollups": {"acled_conservative": 22},
    "conflicts": [{"field": "killed", "detail": "22 (PMF) vs \"up to 52\", says SOHR"}], "background": false})");
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvWriter::Field("plain"), "plain");
  EXPECT_EQ(CsvWriter::Field("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvWriter::Field("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvWriter::Field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvWriter::Field(""), "");
  std::ostringstream out;
  CsvWriter(out).Row({"x", "y,z", "\"q\"", "l1\r\nl2", ""});
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x", "y,z", "\"q\"", "l1\r\nl2", ""}));
}

TEST(Export, IncidentCsvHasOneRowPerIncidentAndRoundTrips) {
  std::vector<Json> incidents = {Incident("I1", "Abu Kamal", 34.45, 40.9186), Incident("I2", "Mayadin", 35.0, 40.45)};
  incidents[0]["location"]["name"] = "Abu Kamal, \"al-Harra\"";
  std::ostringstream out;
  WriteIncidentCsv(out, incidents);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_EQ(rows[1][0], "I1");
  EXPECT_EQ(rows[1][5], "Abu Kamal, \"al-Harra\"");
  EXPECT_EQ(rows[1][13], "United States");
  EXPECT_NE(rows[1][19].find("\"up to 52\""), std::string::npos);
}

TEST(Export, GeoJsonIsAFeatureCollectionWithLongitudeFirst) {
  Json unplaced = Incident("I3", "x", 0, 0);
  unplaced["location"] = nullptr;
  Json collection = IncidentGeoJson({Incident("I1", "Abu Kamal", 34.45, 40.9186), unplaced});
  Json reparsed = Json::parse(collection.dump());
  EXPECT_EQ(reparsed["type"], "FeatureCollection");
  ASSERT_EQ(reparsed["features"].size(), 2u);
  const Json& feature = reparsed["features"][0];
  EXPECT_EQ(feature["type"], "Feature");
  EXPECT_EQ(feature["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][0].get<double>(), 40.9186);
  EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][1].get<double>(), 34.45);
  EXPECT_TRUE(feature["properties"].is_object());
  EXPECT_TRUE(reparsed["features"][1]["geometry"].is_null());
}

TEST(Export, AcledCsvHasAcledsColumns) {
  Json documents = Json::parse(R"([{"id": "a", "outlet": "Reuters, London"}, {"id": "b", "outlet": null}])");
  std::ostringstream out;
  WriteAcledCsv(out, {Incident("I1", "Abu Kamal", 34.45, 40.9186)}, documents);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                               "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                                               "location", "latitude", "longitude", "geo_precision", "source", "notes",
                                               "fatalities"}));
  const auto& row = rows[1];
  ASSERT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(row[0], "SY-I1");
  EXPECT_EQ(row[1], "2018-06-17");
  EXPECT_EQ(row[2], "2018");
  EXPECT_EQ(row[3], "2");
  EXPECT_EQ(row[5], "Explosions/Remote violence");
  EXPECT_EQ(row[6], "Air/drone strike");
  EXPECT_EQ(row[7], "United States");
  EXPECT_EQ(row[8], "Civilians (SY)");
  EXPECT_EQ(row[15], "Reuters, London; b");
  EXPECT_EQ(row[17], "22");
}

TEST(Export, FormatsAreKnown) {
  EXPECT_TRUE(IsExportFormat("acled"));
  EXPECT_FALSE(IsExportFormat("xlsx"));
  EXPECT_STREQ(ExportContentType("geojson"), "application/geo+json");
}

}  // namespace
}  // namespace crosscheck::store
