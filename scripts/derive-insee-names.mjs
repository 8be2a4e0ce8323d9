// Derives the compact INSEE name tables shipped in packages/linkage-core/data/ from the raw INSEE archives.
// Reproducible: same archives → byte-identical outputs (sorted deterministically, gzip without timestamps).
// Usage: node scripts/derive-insee-names.mjs [--input-dir DIR] [--output-dir DIR]
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, inflateRawSync } from "node:zlib";

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

/** Names listed with per-decade counts, per sex; chosen by peak share so every decade is well covered. */
const TOP_FIRST_NAMES_PER_SEX = 3000;
/** Further first names (with total births only) that carry the remaining mass, per sex. */
const RARE_FIRST_NAMES_PER_SEX = 6000;
/** Surnames listed with per-decade counts. */
const TOP_SURNAMES = 12000;
/** Rarer surnames (total births only), sampled evenly by rank over the rest of the file. */
const RARE_SURNAMES = 30000;

const FIRST_NAME_DECADES = Array.from({ length: 13 }, (_, index) => 1900 + 10 * index);
const SURNAME_DECADES = Array.from({ length: 11 }, (_, index) => 1891 + 10 * index);
const OTHER_ROW = "*OTHER*";

const EXPECTED_SHA256 = {
  "insee_nat_2022.csv.zip": "c13b45e770c684b3c8531f28b6e3eae62194dc6dc86205fa17e4c6447b01b81d",
  "insee_noms_2008.txt.zip": "c8693ff69bed32621250f1fc06e71b686e72bba1dbd771055e431d305527cfba",
};

function parseArguments(argv) {
  const options = {
    inputDirectory: "/work/shared/datasets/insee",
    outputDirectory: join(repositoryRoot, "packages/linkage-core/data"),
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--input-dir") options.inputDirectory = argv[++index];
    else if (argument === "--output-dir") options.outputDirectory = argv[++index];
    else throw new Error(`Unknown argument ${argument}; expected --input-dir DIR or --output-dir DIR.`);
  }
  return options;
}

/** Reads the single entry of a plain (non-zip64) zip archive: enough for the two INSEE files. */
function readSingleZipEntry(archive) {
  const endSignature = 0x06054b50;
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== endSignature) end--;
  if (end < 0) throw new Error("Not a zip archive: end of central directory not found.");
  const centralOffset = archive.readUInt32LE(end + 16);
  if (archive.readUInt32LE(centralOffset) !== 0x02014b50) throw new Error("Corrupt zip central directory.");
  const method = archive.readUInt16LE(centralOffset + 10);
  const compressedSize = archive.readUInt32LE(centralOffset + 20);
  const localOffset = archive.readUInt32LE(centralOffset + 42);
  const nameLength = archive.readUInt16LE(localOffset + 26);
  const extraLength = archive.readUInt16LE(localOffset + 28);
  const dataStart = localOffset + 30 + nameLength + extraLength;
  const data = archive.subarray(dataStart, dataStart + compressedSize);
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  throw new Error(`Unsupported zip compression method ${method}.`);
}

function readArchive(inputDirectory, fileName) {
  const archive = readFileSync(join(inputDirectory, fileName));
  const digest = createHash("sha256").update(archive).digest("hex");
  if (digest !== EXPECTED_SHA256[fileName]) {
    process.stderr.write(`warning: ${fileName} has SHA-256 ${digest}, not the documented one.\n`);
  }
  return { text: readSingleZipEntry(archive).toString("utf8"), digest };
}

function compareByCountThenName(left, right) {
  if (left.total !== right.total) return right.total - left.total;
  return left.name < right.name ? -1 : left.name > right.name ? 1 : 0;
}

/** First names: per sex, counts per decade. `_PRENOMS_RARES` and `XXXX` years are mass, not names. */
function deriveFirstNames(text) {
  const names = [new Map(), new Map()];
  const decadeTotals = [new Float64Array(13), new Float64Array(13)];
  const lines = text.split(/\r?\n/);
  for (let lineIndex = 1; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (line === "") continue;
    const [sexText, name, yearText, countText] = line.split(";");
    const sexIndex = Number(sexText) - 1;
    const count = Number(countText);
    // Masked years cannot be placed in a decade; they belong to rare name-year cells and are left out.
    if (yearText === "XXXX") continue;
    const decade = Math.min(12, Math.floor((Number(yearText) - 1900) / 10));
    decadeTotals[sexIndex][decade] += count;
    if (name === "_PRENOMS_RARES") continue;
    let entry = names[sexIndex].get(name);
    if (!entry) {
      entry = { name, counts: new Float64Array(13), total: 0 };
      names[sexIndex].set(name, entry);
    }
    entry.counts[decade] += count;
    entry.total += count;
  }
  const topLines = [["sex", "name", ...FIRST_NAME_DECADES].join("\t")];
  const rareLines = [["sex", "name", "births"].join("\t")];
  const coverage = [];
  for (const sexIndex of [0, 1]) {
    const totals = decadeTotals[sexIndex];
    const entries = [...names[sexIndex].values()];
    // Rank by the best share reached in any decade, so names popular only in one era are kept.
    for (const entry of entries) {
      let peak = 0;
      for (let decade = 0; decade < 13; decade++)
        peak = Math.max(peak, entry.counts[decade] / totals[decade]);
      entry.peak = peak;
    }
    entries.sort((left, right) =>
      left.peak !== right.peak ? right.peak - left.peak : compareByCountThenName(left, right),
    );
    const top = entries.slice(0, TOP_FIRST_NAMES_PER_SEX).sort(compareByCountThenName);
    const rest = entries.slice(TOP_FIRST_NAMES_PER_SEX).sort(compareByCountThenName);
    const other = new Float64Array(totals);
    for (const entry of top) {
      topLines.push([sexIndex + 1, entry.name, ...entry.counts].join("\t"));
      for (let decade = 0; decade < 13; decade++) other[decade] -= entry.counts[decade];
    }
    topLines.push([sexIndex + 1, OTHER_ROW, ...other].join("\t"));
    for (const entry of rest.slice(0, RARE_FIRST_NAMES_PER_SEX)) {
      rareLines.push([sexIndex + 1, entry.name, entry.total].join("\t"));
    }
    coverage.push(Array.from(totals, (total, decade) => (1 - other[decade] / total).toFixed(3)).join(" "));
  }
  return { top: topLines, rare: rareLines, coverage };
}

/** Surnames: counts per birth decade 1891–2000. `AUTRES NOMS` is mass spread over rare names, never a name. */
function deriveSurnames(text) {
  const lines = text.split(/\r?\n/);
  const entries = [];
  const decadeTotals = new Float64Array(11);
  for (let lineIndex = 1; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (line === "") continue;
    const fields = line.split("\t");
    const counts = Float64Array.from(fields.slice(1, 12), Number);
    for (let decade = 0; decade < 11; decade++) decadeTotals[decade] += counts[decade];
    if (fields[0] === "AUTRES NOMS") continue;
    let total = 0;
    for (const count of counts) total += count;
    entries.push({ name: fields[0], counts, total });
  }
  entries.sort(compareByCountThenName);
  const top = entries.slice(0, TOP_SURNAMES);
  const rest = entries.slice(TOP_SURNAMES);
  const other = new Float64Array(decadeTotals);
  const topLines = [["name", ...SURNAME_DECADES].join("\t")];
  for (const entry of top) {
    topLines.push([entry.name, ...entry.counts].join("\t"));
    for (let decade = 0; decade < 11; decade++) other[decade] -= entry.counts[decade];
  }
  topLines.push([OTHER_ROW, ...other].join("\t"));
  // An even sample by rank keeps the shape of the long tail (from fairly common to very rare names).
  const rareLines = [["name", "births"].join("\t")];
  const step = rest.length / RARE_SURNAMES;
  for (let index = 0; index < RARE_SURNAMES && index * step < rest.length; index++) {
    const entry = rest[Math.floor(index * step)];
    rareLines.push([entry.name, entry.total].join("\t"));
  }
  const coverage = Array.from(decadeTotals, (total, decade) => (1 - other[decade] / total).toFixed(3)).join(
    " ",
  );
  return { top: topLines, rare: rareLines, coverage };
}

function writeGzip(outputDirectory, fileName, lines) {
  const target = join(outputDirectory, fileName);
  const compressed = gzipSync(Buffer.from(`${lines.join("\n")}\n`, "utf8"), { level: 9 });
  writeFileSync(`${target}.tmp`, compressed);
  renameSync(`${target}.tmp`, target);
  return { fileName, bytes: compressed.length, rows: lines.length - 1 };
}

function main() {
  const { inputDirectory, outputDirectory } = parseArguments(process.argv.slice(2));
  const firstNameSource = readArchive(inputDirectory, "insee_nat_2022.csv.zip");
  const surnameSource = readArchive(inputDirectory, "insee_noms_2008.txt.zip");
  const firstNames = deriveFirstNames(firstNameSource.text);
  const surnames = deriveSurnames(surnameSource.text);
  const written = [
    writeGzip(outputDirectory, "insee-first-names.tsv.gz", firstNames.top),
    writeGzip(outputDirectory, "insee-first-names-rare.tsv.gz", firstNames.rare),
    writeGzip(outputDirectory, "insee-surnames.tsv.gz", surnames.top),
    writeGzip(outputDirectory, "insee-surnames-rare.tsv.gz", surnames.rare),
  ];
  for (const file of written)
    process.stdout.write(`${file.fileName}: ${file.rows} rows, ${file.bytes} bytes\n`);
  process.stdout.write(`first-name coverage by decade (boys): ${firstNames.coverage[0]}\n`);
  process.stdout.write(`first-name coverage by decade (girls): ${firstNames.coverage[1]}\n`);
  process.stdout.write(`surname coverage by decade: ${surnames.coverage}\n`);
}

main();
