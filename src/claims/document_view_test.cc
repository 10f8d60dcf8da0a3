#include "claims/document_view.h"

#include <gtest/gtest.h>

namespace crosscheck::claims {
namespace {

// A view of a place and the incident's copy made from it keep every field: a field left out
// of either would change where an incident is placed.
TEST(PlaceViewTest, CopyForTheIncidentKeepsEveryField) {
  IncidentPlace place;
  place.name = "Ālbū Kamāl, a town whose name outgrows a short string";
  place.text = "Al Bukamal";
  place.country = "SY";
  place.admin1 = "07";
  place.feature_code = "PPLA2";
  place.geonameid = 174448;
  place.lat = 34.45;
  place.lon = 40.92;
  place.resolved = true;
  place.precision = 2;
  place.relation = "near";
  place.population = 60000;
  place.offset_km = 12.5;

  const PlaceView view(place);
  EXPECT_EQ(view.name.data(), place.name.data());  // a view, not a copy
  const IncidentPlace copy(view);
  EXPECT_EQ(copy.name, place.name);
  EXPECT_EQ(copy.text, place.text);
  EXPECT_EQ(copy.country, place.country);
  EXPECT_EQ(copy.admin1, place.admin1);
  EXPECT_EQ(copy.feature_code, place.feature_code);
  EXPECT_EQ(copy.geonameid, place.geonameid);
  EXPECT_EQ(copy.lat, place.lat);
  EXPECT_EQ(copy.lon, place.lon);
  EXPECT_EQ(copy.resolved, place.resolved);
  EXPECT_EQ(copy.precision, place.precision);
  EXPECT_EQ(copy.relation, place.relation);
  EXPECT_EQ(copy.population, place.population);
  EXPECT_EQ(copy.offset_km, place.offset_km);
}

}  // namespace
}  // namespace crosscheck::claims
