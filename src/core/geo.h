// Great-circle distance, for the stages that compare places (clustering, questions, the
// store's radius filter). The gazetteer's matcher keeps its own form with cached cosines.
#pragma once

#include <algorithm>
#include <cmath>

namespace crosscheck {

inline constexpr double kEarthRadiusKm = 6371.0;
inline constexpr double kDegreesToRadians = 3.14159265358979323846 / 180.0;

// Haversine distance in km between two points in degrees.
inline double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  double p1 = lat1 * kDegreesToRadians, p2 = lat2 * kDegreesToRadians;
  double dp = p2 - p1, dl = (lon2 - lon1) * kDegreesToRadians;
  double h = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

// The point `km` from (lat, lon) along `bearing_degrees` (0 north, 90 east), on a sphere.
struct GeoPoint {
  double lat = 0;
  double lon = 0;
};
inline GeoPoint Destination(double lat, double lon, double bearing_degrees, double km) {
  const double p1 = lat * kDegreesToRadians, l1 = lon * kDegreesToRadians;
  const double angle = km / kEarthRadiusKm, bearing = bearing_degrees * kDegreesToRadians;
  const double p2 = std::asin(std::sin(p1) * std::cos(angle) + std::cos(p1) * std::sin(angle) * std::cos(bearing));
  const double l2 = l1 + std::atan2(std::sin(bearing) * std::sin(angle) * std::cos(p1),
                                    std::cos(angle) - std::sin(p1) * std::sin(p2));
  return {p2 / kDegreesToRadians, l2 / kDegreesToRadians};
}

}  // namespace crosscheck
