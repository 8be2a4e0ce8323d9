// Scenario "identity pair": two sources recording identity traits (INSEE names by sex and birth decade,
// usage names, birth date, commune, postal code), sharing part of their persons; truth lists the shared pairs.
import { createAgeDistribution } from "./age-distribution.js";
import {
  drawIdentityPerson,
  IDENTITY_COLUMNS,
  type IdentityReference,
  recordIdentity,
} from "./identity-person.js";
import { createIndexPermutation } from "./index-permutation.js";
import { createRandomStream } from "./random-stream.js";
import {
  type IdentityPairOptions,
  identityPairOptionsSchema,
  type ResolvedIdentityPairOptions,
  resolveSyntheticOptions,
} from "./synthetic-options.js";
import { lazyRows, type SyntheticCohort } from "./synthetic-table.js";

export const IDENTITY_RECORD_HEADER = ["record_id", ...IDENTITY_COLUMNS] as const;
export const IDENTITY_PAIR_TRUTH_HEADER = ["source_a_id", "source_b_id"] as const;

/** Zero-padded identifier, wide enough for `total` records. */
export function paddedId(prefix: string, index: number, total: number): string {
  return prefix + String(index + 1).padStart(Math.max(8, String(total).length), "0");
}

export function resolveIdentityPairOptions(options: IdentityPairOptions = {}): ResolvedIdentityPairOptions {
  return resolveSyntheticOptions(identityPairOptionsSchema, options);
}

/**
 * Generates the identity pair. Persons 0..overlap-1 are in both sources; each source lists its persons
 * in its own pseudo-random order, so row positions reveal nothing. Tables: `source-a`, `source-b`;
 * truth: one row per shared person (`source_a_id`, `source_b_id`), in source A order.
 */
export function generateIdentityPair(
  options: IdentityPairOptions,
  reference: IdentityReference,
): SyntheticCohort<ResolvedIdentityPairOptions> {
  const resolved = resolveIdentityPairOptions(options);
  const { seed, sourceARecordCount: countA, sourceBRecordCount: countB } = resolved;
  const overlap = Math.round(resolved.overlapRate * Math.min(countA, countB));
  const ages = createAgeDistribution(resolved.referenceYear, resolved.minimumAge, resolved.maximumAge);
  const orderA = createIndexPermutation(countA, createRandomStream(seed, "source-a-order"));
  const orderB = createIndexPermutation(countB, createRandomStream(seed, "source-b-order"));
  // Source B holds the shared persons, then persons of its own, numbered after all of source A's.
  const personOfB = (row: number): number => {
    const position = orderB.forward(row);
    return position < overlap ? position : countA + (position - overlap);
  };
  const person = (index: number) =>
    drawIdentityPerson(createRandomStream(seed, "identity-person", index), reference, resolved, ages);
  const source = (name: string, prefix: string, count: number, personOf: (row: number) => number) => ({
    name,
    header: IDENTITY_RECORD_HEADER,
    rows: lazyRows(function* () {
      for (let row = 0; row < count; row++) {
        const recordRandom = createRandomStream(seed, name, row);
        yield [
          paddedId(prefix, row, count),
          ...recordIdentity(person(personOf(row)), reference, resolved.noise, recordRandom),
        ];
      }
    }),
  });
  return {
    scenario: "identity-pair",
    options: resolved,
    tables: [
      source("source-a", "A", countA, (row) => orderA.forward(row)),
      source("source-b", "B", countB, personOfB),
    ],
    truth: {
      name: "truth",
      header: IDENTITY_PAIR_TRUTH_HEADER,
      rows: lazyRows(function* () {
        for (let row = 0; row < countA; row++) {
          const shared = orderA.forward(row);
          if (shared < overlap)
            yield [paddedId("A", row, countA), paddedId("B", orderB.inverse(shared), countB)];
        }
      }),
    },
  };
}
