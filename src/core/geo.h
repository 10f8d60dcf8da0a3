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

}  // namespace crosscheck
