// The ways a correct name is recorded differently by another source: a compound first name written with a
// space or shortened to its first part. (Accents dropped by legacy systems: `foldAccents` of data.)

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
