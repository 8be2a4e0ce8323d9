// Accent and ligature folding shared by the phonetic encoders and the name normaliser.
// Folding first makes every code independent of whether the input kept its accents.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Readonly<Record<string, string>> = { Œ: "OE", Æ: "AE", ß: "SS", Ø: "O", Đ: "D", Ł: "L" };
const LIGATURE_PATTERN = /[ŒÆßØĐŁ]/g;
const PLAIN_UPPER = /^[A-Z]*$/;
const NOT_A_LETTER = /[^A-Z]+/g;

/** Upper case with diacritics removed and ligatures expanded (É → E, Ç → C, Œ → OE); other characters kept. */
export function foldAccents(value: string): string {
  const upper = value.toUpperCase();
  // Most standardised values are already plain ASCII upper case: skip the Unicode work for them.
  if (PLAIN_UPPER.test(upper)) return upper;
  return upper
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(LIGATURE_PATTERN, (ligature) => LIGATURES[ligature] ?? ligature);
}

/** Folded letters A–Z only: spaces, hyphens, apostrophes and digits removed ("Jean-Pierre" → "JEANPIERRE"). */
export function foldToLetters(value: string): string {
  const folded = foldAccents(value);
  return PLAIN_UPPER.test(folded) ? folded : folded.replace(NOT_A_LETTER, "");
}
