// Phonetic codes for names (French and generic), usable as comparison levels and blocking keys.
// Contract file: the signature of phoneticCode is fixed; every algorithm encodes the folded letters of the value.
import { createRequire } from "node:module";
import { doubleMetaphone } from "double-metaphone";
import { foldToLetters } from "./fold-accents.js";
import { phonexCode } from "./phonex.js";
import { soundexFrCode } from "./soundex-fr.js";

export type PhoneticAlgorithm = "soundexFr" | "phonex" | "fonem" | "doubleMetaphone";

/**
 * Encodes a name phonetically, an empty string meaning "no code": phoneticCode, or another encoder given to
 * blocking keys and comparisons in its place.
 */
export type PhoneticEncoder = (algorithm: PhoneticAlgorithm, value: string) => string;

export const phoneticAlgorithms: readonly PhoneticAlgorithm[] = [
  "soundexFr",
  "phonex",
  "fonem",
  "doubleMetaphone",
];

type Encoder = (letters: string) => string;

// talisman is CommonJS; it is loaded on first use so that importing the core stays fast.
const requireFromHere = createRequire(import.meta.url);
let talismanFonem: Encoder | undefined;

function fonemCode(letters: string): string {
  // talisman's FONEM reproduces every example of the published rule list (see phonetics.test.ts).
  talismanFonem ??= requireFromHere("talisman/phonetics/french/fonem") as Encoder;
  return talismanFonem(letters);
}

const encoders: Record<PhoneticAlgorithm, Encoder> = {
  soundexFr: soundexFrCode,
  phonex: phonexCode,
  fonem: fonemCode,
  doubleMetaphone: (letters) => doubleMetaphone(letters)[0],
};

/**
 * Phonetic code of a standardised name (upper case, accents folded or not). Empty string when no code.
 * The value is folded to letters A–Z first (accents, spaces, hyphens and apostrophes removed), so "Noémie" and
 * "NOEMIE", "JEAN-PIERRE" and "JEAN PIERRE" get the same code.
 */
export function phoneticCode(algorithm: PhoneticAlgorithm, value: string): string {
  const letters = foldToLetters(value);
  if (letters.length === 0) return "";
  return encoders[algorithm](letters);
}
