// Public surface of the comparators: string similarities and distances, numeric, date and geographic
// differences, and the flat-buffer variants used by the comparison hot loop.
// CalendarDate is the calendar's type, re-exported because the date comparators take it.
export {
  type CalendarDate,
  dateDifferenceDays,
  dateDifferenceMonths,
  dateDifferenceYears,
  isDayMonthTransposition,
  parseCanonicalDate,
} from "./calendar-date.js";
export { editDistanceComparators, similarityComparators } from "./comparator-registry.js";
export { damerauLevenshtein, damerauLevenshteinFlat } from "./damerau-levenshtein.js";
export { type FlatStrings, flatStringAt, flattenStrings } from "./flat-strings.js";
export { greatCircleDistanceKm, MEAN_EARTH_RADIUS_KM } from "./great-circle-distance.js";
export { type JaroWinklerOptions, jaro, jaroFlat, jaroWinkler, jaroWinklerFlat } from "./jaro-winkler.js";
export { levenshtein, levenshteinFlat, levenshteinWithin, levenshteinWithinFlat } from "./levenshtein.js";
export { absoluteDifference, relativeDifference } from "./numeric-difference.js";
export { qgramDice, qgramJaccard } from "./qgram-similarity.js";
export { tokenDice, tokenJaccard } from "./token-similarity.js";
