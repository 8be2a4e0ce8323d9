// Phonex (Frédéric Brouard, 1999): a French-adapted Soundex, as the letter string that precedes its float.
// The 16 rewriting steps of the published description are applied to every occurrence, in order.

/** A rewriting step: every match of `pattern` is replaced by `replacement`. */
type Rewrite = readonly [pattern: RegExp, replacement: string];

// Nasal groups are replaced unless a vowel or an already-coded sound (1–4) follows; the end of the word counts
// as "not followed by a vowel", as the description says (several ports forget the word-final case).
const NOT_BEFORE_VOWEL_OR_SOUND = "(?![AEIOU1234])";
const VOWEL_OR_SOUND = "[AEIOUY1234]";

const STEPS: readonly Rewrite[] = [
  // 1. Y sounds like I.
  [/Y/g, "I"],
  // 2. H is silent unless it follows C, S or P (CH, SH, PH are handled later); a leading H is silent too.
  [/(?<![CSP])H/g, ""],
  // 3.
  [/PH/g, "F"],
  // 4. GAN, GAM, GAIN, GAIM: hard G.
  [/G(?=AI?[NM])/g, "K"],
  // 5. AIN, EIN, AIM, EIM before a vowel sound like "èn".
  [/[AE]I[NM](?=[AEIOU])/g, "YN"],
  // 6. Three-letter sounds "o", "oua", "in".
  [/EAU/g, "O"],
  [/OUA/g, "2"],
  [/[AE]I[NM]/g, "4"],
  // 7. The "é" sound (accented É, È, Ê are folded to E before encoding, see foldToLetters).
  [/[AE]I/g, "Y"],
  [/E(?=[RTZ])/g, "Y"],
  [/ESS/g, "YS"],
  // 8. Nasal "an" (AN, AM, EN, EM, and ON as in the common ports) and "in".
  [new RegExp(`[AEO]N${NOT_BEFORE_VOWEL_OR_SOUND}`, "g"), "1"],
  [new RegExp(`[AE]M${NOT_BEFORE_VOWEL_OR_SOUND}`, "g"), "1"],
  [new RegExp(`IN${NOT_BEFORE_VOWEL_OR_SOUND}`, "g"), "4"],
  // 9. S between vowels sounds like Z.
  [new RegExp(`(?<=${VOWEL_OR_SOUND})S(?=${VOWEL_OR_SOUND})`, "g"), "Z"],
  // 10. Two-letter vowel sounds.
  [/OE|EU/g, "E"],
  [/AU/g, "O"],
  [/O[IY]/g, "2"],
  [/OU/g, "3"],
  // 11. The "ch" sound and doubled S (SCH before CH so that it is not left as S + CH).
  [/SCH|CH|SH/g, "5"],
  [/S[SC]/g, "S"],
  // 12. Soft C.
  [/C(?=[EI])/g, "S"],
  // 13. Hard C, Q, G (QU before Q so that the U goes too).
  [/QU|GU|Q|C/g, "K"],
  [/G(?=[AOY])/g, "K"],
  // 14. Close consonants and A → O.
  [/A/g, "O"],
  [/[DP]/g, "T"],
  [/J/g, "G"],
  [/[BV]/g, "F"],
  [/M/g, "N"],
];

const REPEATED = /(.)\1+/g;
const SILENT_ENDING = /[TX]$/;

/** Phonex letter code of a folded upper-case word (A–Z only): equal codes mean equal Phonex keys. */
export function phonexCode(letters: string): string {
  let code = letters;
  for (const [pattern, replacement] of STEPS) code = code.replace(pattern, replacement);
  // 15. Repeated letters collapse; 16. a final T or X is silent.
  return code.replace(REPEATED, "$1").replace(SILENT_ENDING, "");
}
