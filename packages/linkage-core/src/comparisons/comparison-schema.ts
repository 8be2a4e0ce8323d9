// Zod schemas of comparison levels and comparisons in their JSON form: the source of the spec's JSON Schema.
import { z } from "zod";
import { type PhoneticAlgorithm, phoneticAlgorithms } from "../french/phonetics.js";
import type { StayEstablishmentMatch } from "../french/stay-matching.js";
import type {
  CommuneLevel,
  ComparisonSpec,
  DateUnit,
  DeathDateLevel,
  EditDistanceComparator,
  FrenchNameLevelCategory,
  LevelKind,
  LevelSpec,
  PartialDateLevel,
  PmsiGeographyLevel,
  SimilarityComparator,
} from "./types.js";

/** Most non-null levels a comparison may have: levels are stored in Int8Array vectors. */
export const MAX_LEVELS = 100;

/** A zod enum listing every member of a union type: a member missing from `members` is a compile error. */
function enumOf<T extends string>(members: Record<T, true>) {
  return z.enum(Object.keys(members) as [T, ...T[]]);
}

const similarityComparatorSchema = enumOf<SimilarityComparator>({
  jaroWinkler: true,
  jaro: true,
  jaccard: true,
  dice: true,
  tokenJaccard: true,
  tokenDice: true,
}).meta({ description: "Similarity in [0, 1]; the level holds when similarity ≥ threshold." });
const editDistanceComparatorSchema = enumOf<EditDistanceComparator>({
  levenshtein: true,
  damerauLevenshtein: true,
}).meta({ description: "Edit distance; the level holds when distance ≤ threshold." });
const dateUnitSchema = enumOf<DateUnit>({ days: true, months: true, years: true });
export const phoneticAlgorithmSchema = z
  .enum(phoneticAlgorithms as readonly PhoneticAlgorithm[] as [PhoneticAlgorithm, ...PhoneticAlgorithm[]])
  .meta({
    id: "PhoneticAlgorithm",
    description: "Phonetic algorithm: soundexFr, phonex, fonem (French) or doubleMetaphone.",
  });

const frenchNameCategorySchema = enumOf<FrenchNameLevelCategory>({
  exact: true,
  compoundVariant: true,
  particleVariant: true,
  phonetic: true,
  jaroWinkler: true,
}).meta({
  description:
    "exact (after normalisation), compoundVariant (JEAN PIERRE / JEANPIERRE / JEAN), particleVariant (DE LA FONTAINE / FONTAINE), phonetic (same code), jaroWinkler (≥ threshold).",
});
export const partialDateCategorySchema = enumOf<PartialDateLevel["category"]>({
  exactDay: true,
  exactYearMonth: true,
  dayMonthSwap: true,
  sameMonthYearPlusMinusOne: true,
  sameYear: true,
  within12Months: true,
}).meta({ description: "How two birth dates (full or year-month) agree; see docs/french-comparators.md." });
export const deathDateCategorySchema = enumOf<DeathDateLevel["category"]>({
  exact: true,
  withinOneDay: true,
  withinSevenDays: true,
  sameMonth: true,
  deadOnOneSideOnly: true,
  bothAlive: true,
}).meta({
  description: "How two death dates agree; missing values and the SNDS placeholder mean no death date.",
});
export const communeCategorySchema = enumOf<CommuneLevel["category"]>({
  sameCommune: true,
  sameCity: true,
  compatiblePostalCode: true,
  sameDepartement: true,
  sameRegion: true,
}).meta({ description: "How two INSEE commune codes agree, former codes carried to today's commune." });

const stayEstablishmentSchema = enumOf<StayEstablishmentMatch>({ same: true, sameDepartement: true }).meta({
  description:
    "same (default): matching stays have the same FINESS; sameDepartement: FINESS numbers of the same département (a stay recorded under the legal entity in one source and the geographic establishment in the other).",
});

const pmsiCategorySchema = enumOf<PmsiGeographyLevel["category"]>({
  compatiblePostalCode: true,
  sameDepartement: true,
  sameRegion: true,
}).meta({ description: "How a PMSI geographic code agrees with a commune code." });

export const columnNameSchema = z
  .string()
  .min(1)
  .meta({ description: "Name of a column of the input data." });
const labelSchema = z
  .string()
  .min(1)
  .optional()
  .meta({ description: "Label for outputs and charts; derived from the level when absent." });
const levelColumnSchema = columnNameSchema
  .optional()
  .meta({ description: "Column this level reads; defaults to the comparison's first column." });
const levelColumnsSchema = z
  .array(columnNameSchema)
  .min(1)
  .optional()
  .meta({ description: "Several columns that must all satisfy the condition; exclusive with `column`." });
export const similarityThresholdSchema = z
  .number()
  .gt(0)
  .lte(1)
  .meta({ description: "Similarity threshold in (0, 1]." });
export const editDistanceThresholdSchema = z
  .number()
  .int()
  .min(0)
  .meta({ description: "Largest number of edits, an integer ≥ 0." });
export const qgramLengthSchema = z
  .number()
  .int()
  .min(1)
  .max(10)
  .optional()
  .meta({ description: "q-gram length for jaccard and dice (default 2)." });
export const termFrequencySchema = z
  .boolean()
  .optional()
  .meta({ description: "Adjust this level's weight for how common the value is (rare values weigh more)." });
export const termFrequencyWeightSchema = z
  .number()
  .min(0)
  .max(1)
  .optional()
  .meta({ description: "Strength of the term-frequency adjustment in [0, 1] (default 1)." });
export const dateDifferenceThresholdSchema = z.strictObject({
  unit: dateUnitSchema,
  threshold: z.number().min(0).meta({ description: "Largest difference, in `unit`." }),
});

const levelSchemas = {
  null: z.strictObject({
    kind: z.literal("null"),
    label: labelSchema,
    columnsMissing: z.enum(["any", "all"]).optional().meta({
      description:
        "any (default): null when any column is missing on either side; all: only when every column is missing on at least one side.",
    }),
  }),
  exact: z.strictObject({
    kind: z.literal("exact"),
    label: labelSchema,
    column: levelColumnSchema,
    columns: levelColumnsSchema,
    termFrequency: termFrequencySchema,
    termFrequencyWeight: termFrequencyWeightSchema,
  }),
  similarity: z.strictObject({
    kind: z.literal("similarity"),
    label: labelSchema,
    comparator: similarityComparatorSchema,
    threshold: similarityThresholdSchema,
    q: qgramLengthSchema,
    column: levelColumnSchema,
    columns: levelColumnsSchema,
  }),
  editDistance: z.strictObject({
    kind: z.literal("editDistance"),
    label: labelSchema,
    comparator: editDistanceComparatorSchema,
    threshold: editDistanceThresholdSchema,
    column: levelColumnSchema,
    columns: levelColumnsSchema,
  }),
  numericDifference: z.strictObject({
    kind: z.literal("numericDifference"),
    label: labelSchema,
    mode: z
      .enum(["absolute", "relative"])
      .meta({ description: "absolute: |a − b|; relative: |a − b| / max(|a|, |b|)." }),
    threshold: z.number().min(0).meta({ description: "Largest difference, ≥ 0." }),
    column: levelColumnSchema,
  }),
  dateDifference: z.strictObject({
    kind: z.literal("dateDifference"),
    label: labelSchema,
    unit: dateUnitSchema,
    threshold: z.number().min(0).meta({ description: "Largest difference, in `unit`." }),
    column: levelColumnSchema,
  }),
  dayMonthSwap: z.strictObject({
    kind: z.literal("dayMonthSwap"),
    label: labelSchema,
    column: levelColumnSchema,
  }),
  phonetic: z.strictObject({
    kind: z.literal("phonetic"),
    label: labelSchema,
    algorithm: phoneticAlgorithmSchema,
    column: levelColumnSchema,
    columns: levelColumnsSchema,
  }),
  columnsReversed: z.strictObject({
    kind: z.literal("columnsReversed"),
    label: labelSchema,
    columns: z
      .tuple([columnNameSchema, columnNameSchema])
      .meta({ description: "The two columns found swapped between the records." }),
  }),
  distanceKm: z.strictObject({
    kind: z.literal("distanceKm"),
    label: labelSchema,
    latitudeColumn: columnNameSchema,
    longitudeColumn: columnNameSchema,
    threshold: z.number().gt(0).meta({ description: "Largest great-circle distance in km, > 0." }),
  }),
  literal: z.strictObject({
    kind: z.literal("literal"),
    label: labelSchema,
    value: z.string().meta({ description: "Value both records must hold." }),
    column: levelColumnSchema,
  }),
  custom: z.strictObject({
    kind: z.literal("custom"),
    label: labelSchema,
    name: z.string().min(1).meta({ description: "Name of a predicate registered through the library API." }),
  }),
  frenchName: z.strictObject({
    kind: z.literal("frenchName"),
    label: labelSchema,
    category: frenchNameCategorySchema,
    phoneticAlgorithm: phoneticAlgorithmSchema
      .optional()
      .meta({ description: 'Phonetic code of the "phonetic" category (default phonex).' }),
    threshold: similarityThresholdSchema
      .optional()
      .meta({ description: 'Jaro–Winkler threshold of the "jaroWinkler" category, in (0, 1].' }),
    column: levelColumnSchema,
    columns: levelColumnsSchema.meta({
      description:
        "Several name columns (birth name, usage name): the level holds when any name of one record agrees with any of the other.",
    }),
  }),
  partialDate: z.strictObject({
    kind: z.literal("partialDate"),
    label: labelSchema,
    category: partialDateCategorySchema,
    column: levelColumnSchema,
  }),
  deathDate: z.strictObject({
    kind: z.literal("deathDate"),
    label: labelSchema,
    category: deathDateCategorySchema,
    column: levelColumnSchema,
  }),
  commune: z.strictObject({
    kind: z.literal("commune"),
    label: labelSchema,
    category: communeCategorySchema,
    column: levelColumnSchema,
  }),
  pmsiGeography: z.strictObject({
    kind: z.literal("pmsiGeography"),
    label: labelSchema,
    category: pmsiCategorySchema,
    pmsiColumn: levelColumnSchema.meta({
      description: "Column of PMSI geographic codes; defaults to the comparison's first column.",
    }),
    communeColumn: levelColumnSchema.meta({
      description: "Column of INSEE commune codes; defaults to the comparison's first column.",
    }),
  }),
  hospitalStays: z.strictObject({
    kind: z.literal("hospitalStays"),
    label: labelSchema,
    minimumMatches: z
      .number()
      .int()
      .min(1)
      .meta({ description: "Least number of stays that must pair up one-to-one, ≥ 1." }),
    toleranceDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .meta({ description: "Largest difference of admission days and of discharge days, in days." }),
    establishment: stayEstablishmentSchema.optional(),
    column: levelColumnSchema,
  }),
  missingValues: z.strictObject({
    kind: z.literal("missingValues"),
    label: labelSchema,
    sides: z
      .enum(["both", "oneOnly"])
      .meta({ description: "both: missing on both sides; oneOnly: missing on exactly one side." }),
    column: levelColumnSchema,
  }),
  else: z.strictObject({ kind: z.literal("else"), label: labelSchema }),
} satisfies { [K in LevelKind]: z.ZodType<Extract<LevelSpec, { kind: K }>> };

export const levelSchema = z
  .discriminatedUnion("kind", Object.values(levelSchemas) as LevelSchemaList)
  .meta({ id: "Level", description: "A comparison level, chosen by its kind." });
type LevelSchemaList = [(typeof levelSchemas)[LevelKind], ...(typeof levelSchemas)[LevelKind][]];

export const comparisonSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Unique name of the comparison; defaults to its columns joined by '_'." }),
    columns: z
      .array(columnNameSchema)
      .min(1)
      .meta({ description: "Input columns; levels read the first by default." }),
    levels: z
      .array(levelSchema)
      .min(1)
      .meta({ description: "Levels, optional null first, most similar first, `else` last." }),
  })
  .meta({ id: "Comparison", description: "A comparison given level by level." }) satisfies z.ZodType<
  Omit<ComparisonSpec, "name"> & { readonly name?: string }
>;
