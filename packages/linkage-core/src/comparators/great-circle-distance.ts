// Great-circle distance between two points on a spherical Earth, for distance comparison levels.

/**
 * Mean Earth radius R₁ = (2a + b) / 3 of the WGS 84 ellipsoid, in km (IUGG value). The sphere errs by
 * at most about 0.5 % against the ellipsoid, far below the imprecision of geocoded addresses.
 */
export const MEAN_EARTH_RADIUS_KM = 6371.0088;

/**
 * Haversine distance in km between two points given in decimal degrees. The haversine form (Sinnott
 * 1984) stays accurate for nearby points, where the spherical law of cosines loses digits. NaN in, NaN out.
 */
export function greatCircleDistanceKm(
  latitudeA: number,
  longitudeA: number,
  latitudeB: number,
  longitudeB: number,
): number {
  const radiansPerDegree = Math.PI / 180;
  const sinHalfLatitude = Math.sin(((latitudeB - latitudeA) * radiansPerDegree) / 2);
  const sinHalfLongitude = Math.sin(((longitudeB - longitudeA) * radiansPerDegree) / 2);
  const haversine =
    sinHalfLatitude * sinHalfLatitude +
    Math.cos(latitudeA * radiansPerDegree) *
      Math.cos(latitudeB * radiansPerDegree) *
      sinHalfLongitude *
      sinHalfLongitude;
  // Rounding can push nearly antipodal points a hair above 1, where asin is undefined.
  const clamped = Math.min(haversine, 1);
  return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.sqrt(clamped));
}
