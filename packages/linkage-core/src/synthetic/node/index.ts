// Node adapters of the synthetic generators: reference-data loading and atomic CSV writing.
export {
  loadFrenchGeography,
  loadInseeNameTable,
  loadSyntheticReference,
  NAME_TABLE_FILES,
  packageDataDirectory,
} from "./load-reference.js";
export {
  MANIFEST_FILE,
  type SyntheticCohortManifest,
  type SyntheticFileEntry,
  type SyntheticWriteProgress,
  type WriteSyntheticCohortSettings,
  writeSyntheticCohort,
} from "./write-cohort.js";
