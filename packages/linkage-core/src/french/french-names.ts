// French name normalisation, compound and particle variants, and a graded name comparison.
// Works on single values so that the engine can cache the result per distinct pair of names.
import { BoundedCache } from "./bounded-cache.js";
import { foldAccentsToUpperCase } from "./fold-accents.js";
import { type PhoneticAlgorithm, phoneticCode } from "./phonetics.js";

/** How two names agree, strongest first. */
export type FrenchNameCategory = "exact" | "compoundVariant" | "particleVariant" | "phonetic" | "none";

/** Categories from the strongest agreement to none, the order in which comparisons report them. */
export const frenchNameCategories: readonly FrenchNameCategory[] = [
  "exact",
  "compoundVariant",
  "particleVariant",
  "phonetic",
  "none",
];

export interface FrenchNameOptions {
  /** Phonetic code used for the `phonetic` category. Default "phonex". */
  readonly phoneticAlgorithm?: PhoneticAlgorithm;
}

/** A name's normalised form and the variants it may be written as. */
export interface FrenchNameForms {
  /** Normalised tokens joined by one space ("JEAN PIERRE"); "" when the value holds no letter. */
  readonly normalised: string;
  /** All tokens glued together ("JEANPIERRE", "DELAFONTAINE"): the name written without separators. */
  readonly joined: string;
  /** First token of a compound name ("JEAN" for "JEAN PIERRE"); null for a single-token name. */
  readonly firstToken: string | null;
  /** The name with its particles removed ("FONTAINE" for "DE LA FONTAINE"); null when it has none. */
  readonly withoutParticles: string | null;
}

// Particles of French surnames, as single tokens once apostrophes became spaces (D'ARTAGNAN → D ARTAGNAN).
const PARTICLES: ReadonlySet<string> = new Set(["DE", "DU", "DES", "LA", "LE", "LES", "D", "L"]);
const SAINT_FORMS: ReadonlySet<string> = new Set(["SAINT", "SAINTE", "ST", "STE"]);
const SEPARATORS = /[^A-Z]+/g;

/**
 * Upper case, accents folded, hyphens, apostrophes and any other non-letter → one space, SAINT/SAINTE/ST/STE → ST,
 * trimmed. "Jean-Pierre" → "JEAN PIERRE", "d'Artagnan" → "D ARTAGNAN", "Ste-Croix" → "ST CROIX".
 */
export function normaliseFrenchName(value: string): string {
  return tokensOf(value).join(" ");
}

function tokensOf(value: string): string[] {
  const tokens = foldAccentsToUpperCase(value).replace(SEPARATORS, " ").trim().split(" ");
  if (tokens.length === 1 && tokens[0] === "") return [];
  return tokens.map((token) => (SAINT_FORMS.has(token) ? "ST" : token));
}

/** Normalised form and variants of one name. */
export function frenchNameForms(value: string): FrenchNameForms {
  const tokens = tokensOf(value);
  const normalised = tokens.join(" ");
  // A particle is dropped only when a non-particle token remains: "LE" alone stays a name.
  const kept = tokens.filter((token) => !PARTICLES.has(token));
  const withoutParticles = kept.length > 0 && kept.length < tokens.length ? kept.join(" ") : null;
  return {
    normalised,
    joined: tokens.join(""),
    firstToken: tokens.length > 1 ? tokens[0]! : null,
    withoutParticles,
  };
}

/**
 * Every distinct way the name may be written: normalised, without separators, first token of a compound name,
 * and without particles (with and without separators). "JEAN-PIERRE" → JEAN PIERRE, JEANPIERRE, JEAN.
 */
export function nameVariants(value: string): readonly string[] {
  const forms = frenchNameForms(value);
  if (forms.normalised === "") return [];
  const variants = new Set([forms.normalised, forms.joined]);
  if (forms.firstToken !== null) variants.add(forms.firstToken);
  if (forms.withoutParticles !== null) {
    variants.add(forms.withoutParticles);
    variants.add(forms.withoutParticles.replaceAll(" ", ""));
  }
  return [...variants];
}

/** The strongest category that holds between two names ("none" when either has no letter). */
export function compareFrenchNames(
  left: string,
  right: string,
  options: FrenchNameOptions = {},
): FrenchNameCategory {
  const leftForms = frenchNameForms(left);
  const rightForms = frenchNameForms(right);
  for (const category of frenchNameCategories) {
    if (category !== "none" && formsAgree(leftForms, rightForms, category, options)) return category;
  }
  return "none";
}

/**
 * Whether the category holds between two names, on its own terms (not "at least as strong"): use it for an
 * ordered list of levels, where the first level that holds wins. "none" always holds.
 */
export function frenchNamesAgree(
  left: string,
  right: string,
  category: FrenchNameCategory,
  options: FrenchNameOptions = {},
): boolean {
  return formsAgree(frenchNameForms(left), frenchNameForms(right), category, options);
}

// Phonetic codes of names seen before, one memo per algorithm: a name takes part in many pairs.
const phoneticMemos = new Map<PhoneticAlgorithm, BoundedCache<string>>();

function memoisedPhoneticCode(algorithm: PhoneticAlgorithm, value: string): string {
  let memo = phoneticMemos.get(algorithm);
  if (!memo) phoneticMemos.set(algorithm, (memo = new BoundedCache<string>()));
  return memo.get(value, (name) => phoneticCode(algorithm, name));
}

const agreements: Record<
  FrenchNameCategory,
  (left: FrenchNameForms, right: FrenchNameForms, options: FrenchNameOptions) => boolean
> = {
  exact: (left, right) => left.normalised === right.normalised,
  // Same letters once separators go (JEAN PIERRE / JEANPIERRE / JEAN-PIERRE), or one name is the first part
  // of the other (JEAN / JEAN PIERRE). Two compounds sharing only their first token (JEAN PIERRE / JEAN PAUL)
  // are not variants of each other.
  compoundVariant: (left, right) =>
    left.joined === right.joined ||
    left.normalised === right.firstToken ||
    right.normalised === left.firstToken,
  particleVariant: (left, right) => {
    const leftCore = left.withoutParticles ?? left.normalised;
    const rightCore = right.withoutParticles ?? right.normalised;
    return leftCore === rightCore || leftCore.replaceAll(" ", "") === rightCore.replaceAll(" ", "");
  },
  phonetic: (left, right, options) => {
    const algorithm = options.phoneticAlgorithm ?? "phonex";
    const leftCode = memoisedPhoneticCode(algorithm, left.joined);
    if (leftCode !== "" && leftCode === memoisedPhoneticCode(algorithm, right.joined)) return true;
    if (left.withoutParticles === null && right.withoutParticles === null) return false;
    const leftCore = memoisedPhoneticCode(algorithm, left.withoutParticles ?? left.joined);
    return (
      leftCore !== "" && leftCore === memoisedPhoneticCode(algorithm, right.withoutParticles ?? right.joined)
    );
  },
  none: () => true,
};

/**
 * `frenchNamesAgree` on names already turned into forms by `frenchNameForms`: what the comparison engine calls,
 * having computed the forms once per distinct name.
 */
export function frenchNameFormsAgree(
  left: FrenchNameForms,
  right: FrenchNameForms,
  category: FrenchNameCategory,
  options: FrenchNameOptions = {},
): boolean {
  return formsAgree(left, right, category, options);
}

function formsAgree(
  left: FrenchNameForms,
  right: FrenchNameForms,
  category: FrenchNameCategory,
  options: FrenchNameOptions,
): boolean {
  // An empty name agrees with nothing: the null level of the comparison is the place for missing names.
  if (category !== "none" && (left.normalised === "" || right.normalised === "")) return false;
  return agreements[category](left, right, options);
}

/**
 * The strongest category between any name of the left record and any name of the right record: birth name and
 * usage name on either side may match either on the other (a married woman's usage name against her birth
 * name elsewhere). Null when one side has no name at all, so that the caller can treat the pair as missing.
 */
export function anyNameMatches(
  leftNames: readonly (string | null)[],
  rightNames: readonly (string | null)[],
  options: FrenchNameOptions = {},
): FrenchNameCategory | null {
  const leftForms = presentForms(leftNames);
  const rightForms = presentForms(rightNames);
  if (leftForms.length === 0 || rightForms.length === 0) return null;
  for (const category of frenchNameCategories) {
    if (category === "none") break;
    for (const left of leftForms) {
      for (const right of rightForms) {
        if (agreements[category](left, right, options)) return category;
      }
    }
  }
  return "none";
}

function presentForms(names: readonly (string | null)[]): FrenchNameForms[] {
  const forms: FrenchNameForms[] = [];
  for (const name of names) {
    if (name === null) continue;
    const nameForms = frenchNameForms(name);
    if (nameForms.normalised !== "") forms.push(nameForms);
  }
  return forms;
}
