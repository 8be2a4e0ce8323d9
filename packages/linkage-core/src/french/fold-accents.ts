// Upper-case accent folding for the phonetic encoders and the name normaliser, built on the data layer's
// foldAccents. Folding first makes every code independent of whether the input kept its accents.
import { foldAccents } from "../data/text-normalise.js";

const PLAIN_UPPER = /^[A-Z]*$/;
const NOT_A_LETTER = /[^A-Z]+/g;

/** Upper case with diacritics removed and ligatures expanded (É → E, Ç → C, Œ → OE); other characters kept. */
export function foldAccentsToUpperCase(value: string): string {
  // Upper-casing first spells ligatures in capitals whatever follows them (Œuvre → OEUVRE).
  return foldAccents(value.toUpperCase());
}

/** Folded letters A–Z only: spaces, hyphens, apostrophes and digits removed ("Jean-Pierre" → "JEANPIERRE"). */
export function foldToLetters(value: string): string {
  const folded = foldAccentsToUpperCase(value);
  return PLAIN_UPPER.test(folded) ? folded : folded.replace(NOT_A_LETTER, "");
}
