// Options of the three synthetic scenarios: one object per scenario, every rate documented with its default,
// validated at once so that every mistake is reported together with its JSON path.
import { z } from "zod";
import {
  jsonPathOf,
  LinkageError,
  type LinkageErrorOptions,
  type SpecIssue,
  summariseIssues,
} from "../errors.js";

/** Options that do not validate; `issues` lists every problem with its JSON path. */
export class SyntheticOptionsError extends LinkageError {
  readonly issues: readonly SpecIssue[];
  constructor(issues: readonly SpecIssue[], options: LinkageErrorOptions = {}) {
    super("SYNTHETIC_OPTIONS_INVALID", summariseIssues(issues, "the synthetic cohort options"), {
      jsonPath: issues[0]?.jsonPath,
      hint: "See docs/synthetic-cohorts.md for every option and its default.",
      ...options,
    });
    this.issues = issues;
  }
}

const rate = (defaultValue: number) => z.number().min(0).max(1).default(defaultValue);
const count = (defaultValue: number) => z.number().int().min(1).max(2_000_000_000).default(defaultValue);
const seed = z
  .union([z.string(), z.number().int()])
  .default("linkage")
  .transform((value) => String(value));

const year = (defaultValue: number) => z.number().int().min(1900).max(2100).default(defaultValue);

/** Registry → SNDS scenario. Rates are per record unless said otherwise. */
export const registrySndsOptionsSchema = z
  .strictObject({
    seed,
    /** Persons in the SNDS-like extract. */
    sndsPersonCount: count(100_000),
    /** Subjects in the registry. */
    registryPersonCount: count(5_000),
    /** Share of registry subjects present in the extract (the rest are absent from it). */
    registryInSndsRate: rate(0.85),
    /** Hospital stays and deaths fall within these years. */
    studyStartYear: year(2010),
    studyEndYear: year(2022),
    /** Share of persons belonging to a same-sex twin pair (same birth date and commune). */
    twinRate: rate(0.01),
    /** Share of persons who die during the study period. */
    deathRate: rate(0.1),
    /** Mean number of hospital stays per person (Poisson). */
    meanStaysPerPerson: z.number().min(0).max(50).default(1.2),
    /** Share of stays in an establishment outside the person's département. */
    outOfDepartementStayRate: rate(0.1),
    /** SNDS birth year-month replaced by the sentinel `1600-01`. */
    sndsBirthSentinelRate: rate(0.003),
    /** SNDS commune given as a PMSI-style postal-based code instead of the INSEE code. */
    sndsPostalCodeRate: rate(0.05),
    sndsMissingCommuneRate: rate(0.01),
    /** Registry commune (at diagnosis) differs from the SNDS commune (latest residence). */
    moverRate: rate(0.08),
    /** Share of movers who stay in the same département. */
    moverNeighbourShare: rate(0.75),
    /** Among registry records whose commune has alternative codes, share recorded with one of them. */
    formerCommuneCodeRate: rate(0.3),
    /** Among registry birth dates where it changes the date (day ≤ 12, day ≠ month), share swapped. */
    dayMonthSwapRate: rate(0.01),
    /** Registry birth date off by one day. */
    birthDateShiftRate: rate(0.01),
    registryMissingBirthDateRate: rate(0.005),
    registryMissingCommuneRate: rate(0.02),
    /** Registry sex recorded as the other sex. */
    sexErrorRate: rate(0.002),
    registryMissingSexRate: rate(0.002),
    /** Among subjects who died, share whose death the registry records. */
    registryDeathKnownRate: rate(0.85),
    /** Among recorded deaths, share whose registry date is one day off. */
    deathDateShiftRate: rate(0.05),
    /**
     * Share of registry subjects with a diagnosis stay: the hospital stay that brought them to a disease registry,
     * which the registry records (as any shared stay, with `stayDateShiftRate` and `stayFinessMismatchRate`) and
     * the extract holds when they are in it. 0 for a registry fed without hospital reports.
     */
    registryDiagnosisStayRate: rate(0.9),
    /** Share of a linked subject's other SNDS stays that the registry also records. */
    registryStayRecordedRate: rate(0.7),
    /** Mean number of stays only the registry records (Poisson), per subject. */
    registryOnlyStaysMean: z.number().min(0).max(50).default(0.3),
    /** Among shared stays, share whose registry dates are one day off. */
    stayDateShiftRate: rate(0.05),
    /** Among shared stays, share recorded with another establishment of the same département. */
    stayFinessMismatchRate: rate(0.05),
  })
  .superRefine((options, context) => {
    if (options.studyEndYear < options.studyStartYear) {
      context.addIssue({
        code: "custom",
        path: ["studyEndYear"],
        message: "must not be before studyStartYear",
      });
    }
    const linked = Math.round(options.registryInSndsRate * options.registryPersonCount);
    if (linked > options.sndsPersonCount) {
      context.addIssue({
        code: "custom",
        path: ["registryPersonCount"],
        message: `${linked} registry subjects should be in the extract but it holds only ${options.sndsPersonCount} persons`,
      });
    }
  });

/** Record-level noise of the identity-trait scenarios (identity pair and warehouse). */
export const identityNoiseOptionsSchema = z.strictObject({
  /** First name with one AZERTY keyboard typo. */
  firstNameTypoRate: rate(0.02),
  /** Birth name (and usage name) with one AZERTY keyboard typo. */
  surnameTypoRate: rate(0.02),
  /** Names recorded without accents. */
  accentLossRate: rate(0.3),
  /** Among compound first names, share written spaced or shortened to the first part (half each). */
  compoundFirstNameVariantRate: rate(0.3),
  /** First name and birth name swapped. */
  nameSwapRate: rate(0.005),
  /** Among persons with a usage name, share recorded with it in the birth-name column. */
  usageNameAsBirthNameRate: rate(0.2),
  /** Among persons with a usage name, share recorded without it. */
  missingUsageNameRate: rate(0.3),
  sexErrorRate: rate(0.001),
  /** Among birth dates where it changes the date, share with day and month swapped. */
  dayMonthSwapRate: rate(0.005),
  /** Birth date off by one day. */
  birthDateShiftRate: rate(0.005),
  missingFirstNameRate: rate(0.002),
  missingBirthDateRate: rate(0.003),
  /** Commune (and postal code) of another residence. */
  moverRate: rate(0.1),
  /** Share of movers who stay in the same département. */
  moverNeighbourShare: rate(0.75),
  missingCommuneRate: rate(0.02),
  missingPostalCodeRate: rate(0.02),
});

const populationShape = {
  /** Ages are counted at the end of this year. */
  referenceYear: year(2022),
  minimumAge: z.number().int().min(0).max(110).default(18),
  maximumAge: z.number().int().min(0).max(110).default(100),
  /** Share of women aged 23 or more who carry a spouse's surname as usage name. */
  marriedWomenUsageNameRate: rate(0.45),
  /** Among usage names, share that join birth name and spouse's name (DUPONT-MARTIN). */
  doubleUsageNameShare: rate(0.15),
};

function checkAges(options: { minimumAge: number; maximumAge: number }, context: z.RefinementCtx): void {
  if (options.maximumAge < options.minimumAge) {
    context.addIssue({ code: "custom", path: ["maximumAge"], message: "must not be below minimumAge" });
  }
}

/** Identity-trait pair: two sources sharing part of their persons. */
export const identityPairOptionsSchema = z
  .strictObject({
    seed,
    sourceARecordCount: count(10_000),
    sourceBRecordCount: count(10_000),
    /** Share of the smaller source's persons that are also in the other source. */
    overlapRate: rate(0.5),
    ...populationShape,
    noise: identityNoiseOptionsSchema.prefault({}),
  })
  .superRefine(checkAges);

/** Warehouse with duplicates: a Zipf number of records per person. */
export const warehouseDuplicatesOptionsSchema = z
  .strictObject({
    seed,
    /** Records in the warehouse (exact). */
    recordCount: count(10_000),
    /** P(k records for a person) is proportional to k^-zipfExponent. */
    zipfExponent: z.number().min(0).max(10).default(2),
    maxRecordsPerEntity: z.number().int().min(1).max(1000).default(10),
    ...populationShape,
    noise: identityNoiseOptionsSchema.prefault({}),
  })
  .superRefine(checkAges);

export type RegistrySndsOptions = z.input<typeof registrySndsOptionsSchema>;
export type ResolvedRegistrySndsOptions = z.output<typeof registrySndsOptionsSchema>;
export type IdentityNoiseOptions = z.input<typeof identityNoiseOptionsSchema>;
export type ResolvedIdentityNoiseOptions = z.output<typeof identityNoiseOptionsSchema>;
export type IdentityPairOptions = z.input<typeof identityPairOptionsSchema>;
export type ResolvedIdentityPairOptions = z.output<typeof identityPairOptionsSchema>;
export type WarehouseDuplicatesOptions = z.input<typeof warehouseDuplicatesOptionsSchema>;
export type ResolvedWarehouseDuplicatesOptions = z.output<typeof warehouseDuplicatesOptionsSchema>;

/** The population fields shared by the identity pair and warehouse scenarios. */
export interface IdentityPopulationOptions {
  readonly referenceYear: number;
  readonly minimumAge: number;
  readonly maximumAge: number;
  readonly marriedWomenUsageNameRate: number;
  readonly doubleUsageNameShare: number;
}

/** Fills defaults and validates; throws SyntheticOptionsError listing every problem. */
export function resolveSyntheticOptions<Schema extends z.ZodType>(
  schema: Schema,
  options: unknown,
): z.output<Schema> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  throw new SyntheticOptionsError(
    // An unknown key is reported at its own path, one issue per key.
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            jsonPath: jsonPathOf("$", [...issue.path, key]),
            message: `unknown option "${key}": remove it or fix its spelling.`,
          }))
        : [{ jsonPath: jsonPathOf("$", issue.path), message: issue.message }],
    ),
  );
}
