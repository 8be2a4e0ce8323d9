// Scenario "warehouse duplicates": one table where each person has a Zipf-distributed number of records,
// shuffled; truth gives each record's entity id.

import { upperBound } from "../sorted-search.js";
import { createAgeDistribution } from "./age-distribution.js";
import { paddedId } from "./identity-pair.js";
import {
  drawIdentityPerson,
  IDENTITY_COLUMNS,
  type IdentityReference,
  recordIdentity,
} from "./identity-person.js";
import { createIndexPermutation } from "./index-permutation.js";
import { createRandomStream, drawFromCumulative, zipfCumulative } from "./random-stream.js";
import {
  type ResolvedWarehouseDuplicatesOptions,
  resolveSyntheticOptions,
  type WarehouseDuplicatesOptions,
  warehouseDuplicatesOptionsSchema,
} from "./synthetic-options.js";
import { lazyRows, type SyntheticCohort } from "./synthetic-table.js";

export const WAREHOUSE_HEADER = ["record_id", ...IDENTITY_COLUMNS] as const;
export const WAREHOUSE_TRUTH_HEADER = ["record_id", "entity_id"] as const;

/**
 * First record slot of each entity: entity e owns slots starts[e] .. starts[e+1]-1. Four bytes per entity
 * is the only memory that grows with the table; the last entity is cut so the total is exactly `recordCount`.
 */
function drawEntityStarts(options: ResolvedWarehouseDuplicatesOptions): Int32Array {
  const random = createRandomStream(options.seed, "entity-sizes");
  const sizes = zipfCumulative(options.zipfExponent, options.maxRecordsPerEntity);
  let starts = new Int32Array(1024);
  let entities = 0;
  let total = 0;
  while (total < options.recordCount) {
    if (entities === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[entities++] = total;
    total = Math.min(options.recordCount, total + 1 + drawFromCumulative(random, sizes));
  }
  return starts.slice(0, entities);
}

/** The entity owning record slot `slot` (the last start not after it). */
function entityOfSlot(starts: Int32Array, slot: number): number {
  return Math.max(0, upperBound(starts, slot) - 1);
}

export function resolveWarehouseDuplicatesOptions(
  options: WarehouseDuplicatesOptions = {},
): ResolvedWarehouseDuplicatesOptions {
  return resolveSyntheticOptions(warehouseDuplicatesOptionsSchema, options);
}

/** Generates the warehouse (`warehouse` table) and its truth (`record_id`, `entity_id`). */
export function generateWarehouseDuplicates(
  options: WarehouseDuplicatesOptions,
  reference: IdentityReference,
): SyntheticCohort<ResolvedWarehouseDuplicatesOptions> {
  const resolved = resolveWarehouseDuplicatesOptions(options);
  const { seed, recordCount } = resolved;
  const starts = drawEntityStarts(resolved);
  const entityCount = starts.length;
  const ages = createAgeDistribution(resolved.referenceYear, resolved.minimumAge, resolved.maximumAge);
  // Records of one entity occupy consecutive slots; the row order visits slots pseudo-randomly.
  const order = createIndexPermutation(recordCount, createRandomStream(seed, "warehouse-order"));
  const entityOfRow = (row: number) => entityOfSlot(starts, order.forward(row));
  return {
    scenario: "warehouse-duplicates",
    options: resolved,
    tables: [
      {
        name: "warehouse",
        header: WAREHOUSE_HEADER,
        rows: lazyRows(function* () {
          for (let row = 0; row < recordCount; row++) {
            const entity = entityOfRow(row);
            const person = drawIdentityPerson(
              createRandomStream(seed, "warehouse-person", entity),
              reference,
              resolved,
              ages,
            );
            const recordRandom = createRandomStream(seed, "warehouse-record", row);
            yield [
              paddedId("W", row, recordCount),
              ...recordIdentity(person, reference, resolved.noise, recordRandom),
            ];
          }
        }),
      },
    ],
    truth: {
      name: "truth",
      header: WAREHOUSE_TRUTH_HEADER,
      rows: lazyRows(function* () {
        for (let row = 0; row < recordCount; row++) {
          yield [paddedId("W", row, recordCount), paddedId("E", entityOfRow(row), entityCount)];
        }
      }),
    },
  };
}
