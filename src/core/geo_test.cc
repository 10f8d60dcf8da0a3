#include "core/geo.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(GeoTest, DestinationLiesThatFarAlongTheBearing) {
  // Bunia, Ituri; 50 km to the north-east.
  GeoPoint point = Destination(1.566, 30.252, 45.0, 50.0);
  EXPECT_NEAR(DistanceKm(1.566, 30.252, point.lat, point.lon), 50.0, 0.01);
  EXPECT_GT(point.lat, 1.566);
  EXPECT_GT(point.lon, 30.252);
  EXPECT_NEAR(point.lat - 1.566, point.lon - 30.252, 0.001) << "on the equator north-east moves both alike";
}

TEST(GeoTest, DueSouthKeepsTheLongitude) {
  GeoPoint point = Destination(36.2, 37.15, 180.0, 111.2);
  EXPECT_NEAR(point.lon, 37.15, 1e-9);
  EXPECT_NEAR(point.lat, 35.2, 0.01);
}

}  // namespace
}  // namespace crosscheck
