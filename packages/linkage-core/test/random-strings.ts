// Seeded random strings for the property tests of the string comparators: short, with the accented capitals,
// spaces, hyphens and apostrophes of French names, so that kernels meet non-ASCII code units and repeats.

/** Letters of French names in capitals, with the separators names carry. */
export const NAME_ALPHABET = "ABCDEÉÈÊËÇÀÂÎÏÔÛÙŒ -'";

/** A string of 0 to `maxLength` characters drawn uniformly from `alphabet`. */
export function randomString(random: () => number, maxLength: number, alphabet = NAME_ALPHABET): string {
  const length = Math.floor(random() * (maxLength + 1));
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}
