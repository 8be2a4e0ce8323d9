// Keyboard typos as made on a French AZERTY keyboard: a letter replaced by, or doubled with, a physically
// neighbouring key, a letter dropped, or two letters swapped.
import { drawInteger, type RandomStream } from "./random-stream.js";

/**
 * Letter rows of an ISO AZERTY keyboard with the horizontal position of each row's first key, in key widths
 * (Tab, Caps Lock and the ISO "<" key shift the rows by different amounts).
 */
const AZERTY_ROWS: readonly { readonly keys: string; readonly firstKeyCentre: number }[] = [
  { keys: "AZERTYUIOP", firstKeyCentre: 2.0 },
  { keys: "QSDFGHJKLM", firstKeyCentre: 2.25 },
  { keys: "WXCVBN", firstKeyCentre: 2.75 },
];

/** Keys touch when they are side by side in a row, or in adjacent rows less than one key width apart. */
function buildNeighbours(): ReadonlyMap<string, string> {
  const keys = AZERTY_ROWS.flatMap((row, rowIndex) =>
    [...row.keys].map((letter, column) => ({ letter, rowIndex, centre: row.firstKeyCentre + column })),
  );
  const neighbours = new Map<string, string>();
  for (const key of keys) {
    const touching = keys.filter((other) => {
      if (other === key) return false;
      const distance = Math.abs(other.centre - key.centre);
      if (other.rowIndex === key.rowIndex) return distance === 1;
      return Math.abs(other.rowIndex - key.rowIndex) === 1 && distance < 1;
    });
    neighbours.set(key.letter, touching.map((other) => other.letter).join(""));
  }
  return neighbours;
}

const NEIGHBOURS = buildNeighbours();

/** Letters whose key touches the key of `letter` (upper case A–Z), or "" for other characters. */
export function azertyNeighbours(letter: string): string {
  return NEIGHBOURS.get(letter.toUpperCase()) ?? "";
}

export type TypoKind = "substitution" | "insertion" | "deletion" | "transposition";

const TYPO_KINDS: readonly TypoKind[] = [
  "substitution",
  "substitution",
  "insertion",
  "deletion",
  "transposition",
];

/**
 * One keyboard typo at a random letter of `text` (upper case). Substitutions are the most common kind, as in
 * studies of typed names. A text without any A–Z letter is returned unchanged.
 */
export function applyAzertyTypo(text: string, random: RandomStream): string {
  const positions: number[] = [];
  for (let index = 0; index < text.length; index++) if (NEIGHBOURS.has(text[index])) positions.push(index);
  if (positions.length === 0) return text;
  const at = positions[drawInteger(random, positions.length)];
  const letter = text[at];
  const neighbours = NEIGHBOURS.get(letter)!;
  const neighbour = neighbours[drawInteger(random, neighbours.length)];
  const kind = TYPO_KINDS[drawInteger(random, TYPO_KINDS.length)];
  switch (kind) {
    case "substitution":
      return text.slice(0, at) + neighbour + text.slice(at + 1);
    case "insertion":
      return text.slice(0, at + 1) + neighbour + text.slice(at + 1);
    case "deletion":
      // Deleting the only letter would empty the field, which is a missing value, not a typo.
      return text.length > 1 ? text.slice(0, at) + text.slice(at + 1) : neighbour;
    case "transposition": {
      const next = at + 1 < text.length ? at + 1 : at - 1;
      if (next < 0 || text[next] === letter) return text.slice(0, at) + neighbour + text.slice(at + 1);
      const [first, second] = next > at ? [at, next] : [next, at];
      return text.slice(0, first) + text[second] + text[first] + text.slice(second + 1);
    }
  }
}
