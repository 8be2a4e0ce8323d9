// Public surface of the data layer: datasets, CSV reading and writing helpers, standardisation.
export { CsvDatasetReader } from "./csv-dataset-reader.js";
export {
  type CsvDelimiter,
  type CsvEncoding,
  type CsvReadOptions,
  type CsvReadResult,
  csvDelimiters,
  defaultNullValues,
  type SkippedRow,
} from "./csv-options.js";
export type { DataWarning } from "./data-warning.js";
export {
  ColumnEncoder,
  type CombinedDataset,
  cellValue,
  combineDatasets,
  type Dataset,
  datasetFromRecords,
  type EncodedColumn,
  NULL_CODE,
} from "./dataset.js";
export {
  canonicalDatePrecision,
  type DateFormat,
  type DateParseResult,
  type DatePartsResult,
  type DatePrecision,
  dateFormats,
  defaultDateFormats,
  defaultDateSentinels,
  parseDate,
  parseDateParts,
  truncateDate,
} from "./dates.js";
export { detectDelimiter } from "./detect-delimiter.js";
export { type CsvCell, formatCsvField, formatCsvRow } from "./format-csv-row.js";
export {
  departementFromCommuneCode,
  standardiseCommuneCode,
  standardiseDepartement,
  standardisePostalCode,
} from "./insee-commune.js";
export { readCsvBytes, readCsvChunks, readCsvString } from "./read-csv.js";
export { classifySex, type SexClassification, standardiseSex } from "./sex-code.js";
export {
  columnStandardisationSchema,
  parseStandardisation,
  standardisationSchema,
  standardiseStepSchema,
} from "./standardisation-schema.js";
export {
  type CodeStep,
  type ColumnStandardisation,
  type CompiledStandardisation,
  codeSteps,
  compileStandardisation,
  type DateStep,
  type NamedStep,
  type NullValuesStep,
  namedSteps,
  type StandardisedColumn,
  type StandardiseIssue,
  type StandardiseStep,
  standardiseColumn,
  standardiseDataset,
  standardiseValue,
  type TextStep,
  textSteps,
} from "./standardise.js";
export {
  collapseWhitespace,
  foldAccents,
  normalisePunctuation,
  punctuationToSpace,
  removePunctuation,
} from "./text-normalise.js";
