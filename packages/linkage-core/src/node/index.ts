// Node-only adapters (file system I/O). Everything else in linkage-core is platform-free.

export * from "../synthetic/node/index.js";
export { type AtomicWriteStream, createAtomicWriteStream, writeFileAtomic } from "./atomic-write.js";
export { type CsvFileWriter, type CsvFileWriterOptions, createCsvFileWriter } from "./csv-file-writer.js";
export { readCsvFile } from "./read-csv-file.js";
export { createWorkerComparer, defaultThreadCount, type WorkerComparerOptions } from "./worker-comparer.js";
