// The ways a correct name is recorded differently by another source: accents dropped, a compound first
// name written with a space or shortened to its first part, a usage name in place of the birth name.

const LIGATURES: Readonly<Record<string, string>> = { Æ: "AE", æ: "ae", Œ: "OE", œ: "oe" };

/** The name without diacritics (É → E, Ç → C) and with ligatures spelled out (Æ → AE), as in legacy systems. */
export function removeAccents(name: string): string {
  let plain = name.normalize("NFD").replace(/\p{M}/gu, "");
  if (/[ÆæŒœ]/.test(plain)) plain = plain.replace(/[ÆæŒœ]/g, (ligature) => LIGATURES[ligature]);
  return plain;
}

export function isCompoundName(name: string): boolean {
  return name.includes("-");
}

/** How a compound first name is written: as given (JEAN-PIERRE), spaced (JEAN PIERRE) or shortened (JEAN). */
export type CompoundFirstNameForm = "hyphenated" | "spaced" | "firstPart";

export function writeCompoundFirstName(name: string, form: CompoundFirstNameForm): string {
  switch (form) {
    case "hyphenated":
      return name;
    case "spaced":
      return name.replaceAll("-", " ");
    case "firstPart": {
      const end = name.indexOf("-");
      return end > 0 ? name.slice(0, end) : name;
    }
  }
}
