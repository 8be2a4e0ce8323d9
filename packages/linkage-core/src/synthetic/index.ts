// Public API of the synthetic-cohort generators (platform-free). File writing and reference-data loading
// live in `./node/`.
export { type AgeDistribution, createAgeDistribution, drawBirthDay } from "./age-distribution.js";
export { applyAzertyTypo, azertyNeighbours, type TypoKind } from "./azerty-typos.js";
export { formatDay, formatYearMonth } from "./civil-date.js";
export {
  buildGeography,
  type CommuneRecord,
  drawCommune,
  drawCommuneInDepartement,
  drawMoveDestination,
  drawPostalCode,
  type Geography,
  type PostalCodeRecord,
} from "./geography.js";
export {
  generateIdentityPair,
  IDENTITY_PAIR_TRUTH_HEADER,
  IDENTITY_RECORD_HEADER,
  resolveIdentityPairOptions,
} from "./identity-pair.js";
export {
  drawIdentityPerson,
  IDENTITY_COLUMNS,
  type IdentityPerson,
  type IdentityReference,
  recordIdentity,
} from "./identity-person.js";
export { createIndexPermutation, type IndexPermutation } from "./index-permutation.js";
export {
  drawFirstName,
  drawName,
  drawSurname,
  type InseeNameTableTexts,
  type NameDistribution,
  type NameTable,
  OTHER_NAMES_ROW,
  parseInseeNameTables,
} from "./name-table.js";
export { type CompoundFirstNameForm, isCompoundName, writeCompoundFirstName } from "./name-variants.js";
export { createRandomStream, type RandomStream } from "./random-stream.js";
export {
  generateRegistrySnds,
  REGISTRY_PERSON_HEADER,
  REGISTRY_SNDS_TRUTH_HEADER,
  REGISTRY_STAY_HEADER,
  registryId,
  resolveRegistrySndsOptions,
  SNDS_ALIVE_SENTINEL,
  SNDS_BIRTH_SENTINEL,
  SNDS_PERSON_HEADER,
  SNDS_STAY_HEADER,
} from "./registry-snds.js";
export {
  generateSyntheticCohort,
  type SyntheticScenarioOptions,
  syntheticScenarios,
} from "./synthetic-cohort.js";
export {
  type IdentityNoiseOptions,
  type IdentityPairOptions,
  type IdentityPopulationOptions,
  identityNoiseOptionsSchema,
  identityPairOptionsSchema,
  type RegistrySndsOptions,
  type ResolvedIdentityNoiseOptions,
  type ResolvedIdentityPairOptions,
  type ResolvedRegistrySndsOptions,
  type ResolvedWarehouseDuplicatesOptions,
  registrySndsOptionsSchema,
  SyntheticOptionsError,
  type WarehouseDuplicatesOptions,
  warehouseDuplicatesOptionsSchema,
} from "./synthetic-options.js";
export type { SyntheticReference } from "./synthetic-reference.js";
export {
  type CsvChunk,
  csvChunks,
  csvField,
  csvLine,
  DEFAULT_CSV_CHUNK_CHARACTERS,
  type SyntheticCohort,
  type SyntheticScenario,
  type SyntheticTable,
  writeTableCsv,
} from "./synthetic-table.js";
export {
  generateWarehouseDuplicates,
  resolveWarehouseDuplicatesOptions,
  WAREHOUSE_HEADER,
  WAREHOUSE_TRUTH_HEADER,
} from "./warehouse-duplicates.js";
