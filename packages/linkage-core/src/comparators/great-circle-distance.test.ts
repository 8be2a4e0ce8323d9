import { describe, expect, it } from "vitest";
import { greatCircleDistanceKm, MEAN_EARTH_RADIUS_KM } from "./great-circle-distance.js";

describe("greatCircleDistanceKm", () => {
  it("gives known distances", () => {
    // Paris (Notre-Dame, 48.8530 N 2.3499 E) to Lyon (Place Bellecour, 45.7578 N 4.8320 E): about 392 km
    // as the crow flies (published distance tables round Paris–Lyon to 392 km).
    expect(Math.abs(greatCircleDistanceKm(48.853, 2.3499, 45.7578, 4.832) - 392)).toBeLessThan(1);
    // The haversine worked example (Nashville BNA 36.12 N 86.67 W to Los Angeles LAX 33.94 N 118.40 W) is
    // 2887.26 km on a sphere of radius 6372.8 km; distances scale linearly with the radius.
    expect(greatCircleDistanceKm(36.12, -86.67, 33.94, -118.4)).toBeCloseTo(
      (2887.2599506071106 * MEAN_EARTH_RADIUS_KM) / 6372.8,
      3,
    );
  });

  it("follows the sphere's geometry", () => {
    const quarterMeridian = (Math.PI / 2) * MEAN_EARTH_RADIUS_KM;
    expect(greatCircleDistanceKm(0, 0, 90, 0)).toBeCloseTo(quarterMeridian, 6);
    expect(greatCircleDistanceKm(0, 0, 0, 90)).toBeCloseTo(quarterMeridian, 6);
    expect(greatCircleDistanceKm(0, 0, 0, 180)).toBeCloseTo(2 * quarterMeridian, 6);
    // Antipodes where rounding could push the haversine past 1.
    expect(greatCircleDistanceKm(45, 10, -45, -170)).toBeCloseTo(2 * quarterMeridian, 6);
    expect(greatCircleDistanceKm(48.85, 2.35, 48.85, 2.35)).toBe(0);
    // One second of arc along a meridian: about 30.9 m, where the law of cosines would lose digits.
    expect(greatCircleDistanceKm(45, 5, 45 + 1 / 3600, 5)).toBeCloseTo(
      MEAN_EARTH_RADIUS_KM * (Math.PI / 648000),
      9,
    );
  });

  it("is symmetric and propagates NaN", () => {
    expect(greatCircleDistanceKm(43.6, 1.44, 50.63, 3.06)).toBe(
      greatCircleDistanceKm(50.63, 3.06, 43.6, 1.44),
    );
    expect(greatCircleDistanceKm(Number.NaN, 0, 0, 0)).toBeNaN();
  });
});
