// CSV lines without their line break (the line writers add it), quoted by the core's RFC 4180 formatter.
import { formatCsvField } from "linkage-core";

export const csvField = (value: string): string => formatCsvField(value);

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}
