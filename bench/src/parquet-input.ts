// Reads Splink's historical_50k Parquet file into plain string records (hyparquet, pure JavaScript).
import { readFile } from "node:fs/promises";
import { parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";

export type StringRecord = Record<string, string | null>;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export async function readParquetRecords(path: string): Promise<StringRecord[]> {
  const bytes = await readFile(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file, compressors })) as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, asText(value)])),
  );
}

/** historical_50k with names lower-cased: unique_id, cluster, first_name, surname, dob, birth_place, postcode_fake, gender, occupation. */
export async function readHistoricalFigures(path: string): Promise<StringRecord[]> {
  const records = await readParquetRecords(path);
  return records.map((record) => ({
    unique_id: record.unique_id ?? null,
    cluster: record.cluster ?? null,
    first_name: record.first_name?.toLowerCase() ?? null,
    surname: record.surname?.toLowerCase() ?? null,
    dob: record.dob ?? null,
    birth_place: record.birth_place?.toLowerCase() ?? null,
    postcode_fake: record.postcode_fake ?? null,
    gender: record.gender ?? null,
    occupation: record.occupation?.toLowerCase() ?? null,
  }));
}
