// Comparators by spec name, keyed so that a new comparator kind is a compile error until it is listed.
import type { EditDistanceComparator, SimilarityComparator } from "../comparisons/types.js";
import { damerauLevenshtein } from "./damerau-levenshtein.js";
import { jaro, jaroWinkler } from "./jaro-winkler.js";
import { levenshtein } from "./levenshtein.js";
import { qgramDice, qgramJaccard } from "./qgram-similarity.js";
import { tokenDice, tokenJaccard } from "./token-similarity.js";

/** Similarity in [0, 1] by comparator name; `q` is the q-gram length, used by jaccard and dice only. */
export const similarityComparators: Readonly<
  Record<SimilarityComparator, (a: string, b: string, q: number) => number>
> = {
  jaroWinkler: (a, b) => jaroWinkler(a, b),
  jaro: (a, b) => jaro(a, b),
  jaccard: (a, b, q) => qgramJaccard(a, b, q),
  dice: (a, b, q) => qgramDice(a, b, q),
  tokenJaccard: (a, b) => tokenJaccard(a, b),
  tokenDice: (a, b) => tokenDice(a, b),
};

/** Edit distance in code units by comparator name. */
export const editDistanceComparators: Readonly<
  Record<EditDistanceComparator, (a: string, b: string) => number>
> = {
  levenshtein,
  damerauLevenshtein,
};
