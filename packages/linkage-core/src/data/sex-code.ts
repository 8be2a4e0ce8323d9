// Sex codes as French registries and international exports write them, mapped to the INSEE convention:
// "1" male, "2" female (also the first digit of the NIR).
import { foldAccents } from "./text-normalise.js";

/** "1" or "2"; "unknown" for explicit unknown codes (0, 9, I…), "unrecognised" for anything else. */
export type SexClassification = "1" | "2" | "unknown" | "unrecognised";

const sexCodes: ReadonlyMap<string, SexClassification> = new Map<string, SexClassification>([
  ...["1", "m", "h", "homme", "masculin", "masc", "male", "man", "garcon"].map(
    (code) => [code, "1"] as const,
  ),
  ...["2", "f", "femme", "feminin", "fem", "female", "woman", "fille"].map((code) => [code, "2"] as const),
  ...["0", "9", "i", "u", "x", "inconnu", "indetermine", "unknown", "nr", "nc"].map(
    (code) => [code, "unknown"] as const,
  ),
]);

/** Classifies a sex code, whatever its case, accents, surrounding spaces or trailing dot ("M.", "Féminin"). */
export function classifySex(value: string): SexClassification {
  const key = foldAccents(value.trim().toLowerCase()).replace(/\.$/, "");
  return sexCodes.get(key) ?? "unrecognised";
}

/** "1" (male), "2" (female), or null when unknown or unrecognised. */
export function standardiseSex(value: string): "1" | "2" | null {
  const classification = classifySex(value);
  return classification === "1" || classification === "2" ? classification : null;
}
