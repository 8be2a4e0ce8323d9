// Checks of a comparison that its schema cannot express: level order, column references, reachable levels.
import { jsonPathOf, type SpecIssue } from "../errors.js";
import { comparisonSchema, MAX_LEVELS } from "./comparison-schema.js";
import { columnsReadByLevel } from "./level-columns.js";
import { levelLabel } from "./level-labels.js";
import { objectKeysOfSchema, specIssuesFromZod } from "./spec-issues-from-zod.js";
import type { ComparisonSpec, LevelSpec } from "./types.js";

const comparisonKeys = objectKeysOfSchema(comparisonSchema);

/** Every problem of one comparison (shape, ranges and semantics), with JSON paths under `jsonPath`. */
export function validateComparison(comparison: ComparisonSpec, jsonPath: string): SpecIssue[] {
  const parsed = comparisonSchema.safeParse(comparison);
  if (!parsed.success) return specIssuesFromZod(parsed.error.issues, comparison, jsonPath, comparisonKeys);
  if (comparison.name === undefined) {
    return [
      { jsonPath: `${jsonPath}.name`, message: `"name" is missing: give the comparison a unique name.` },
    ];
  }
  return comparisonSemanticIssues(comparison, jsonPath);
}

/** Semantic checks of a comparison whose shape is already valid. */
export function comparisonSemanticIssues(comparison: ComparisonSpec, jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const columns = new Set<string>();
  comparison.columns.forEach((column, index) => {
    if (columns.has(column)) {
      issues.push({
        jsonPath: `${jsonPath}.columns[${index}]`,
        message: `column "${column}" is listed twice: list each column once.`,
      });
    }
    columns.add(column);
  });
  issues.push(...levelOrderIssues(comparison.levels, jsonPath));
  comparison.levels.forEach((level, index) => {
    issues.push(...levelIssues(level, columns, `${jsonPath}.levels[${index}]`));
  });
  issues.push(...termFrequencyIssues(comparison.levels, jsonPath));
  issues.push(...missingAsInformationIssues(comparison, jsonPath));
  issues.push(...unreachableLevelIssues(comparison, jsonPath));
  return issues;
}

function levelOrderIssues(levels: readonly LevelSpec[], jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (index: number) => `${jsonPath}.levels[${index}]`;
  const nullIndices = indicesOfKind(levels, "null");
  const elseIndices = indicesOfKind(levels, "else");
  nullIndices.forEach((index, position) => {
    if (position > 0) {
      issues.push({ jsonPath: at(index), message: "a second null level: keep a single null level, first." });
    } else if (index !== 0) {
      issues.push({ jsonPath: at(index), message: "the null level must come first: move it to the start." });
    }
  });
  if (elseIndices.length === 0) {
    issues.push({
      jsonPath: `${jsonPath}.levels`,
      message: `no "else" level: end the levels with {"kind": "else"}, which takes every pair no other level takes.`,
    });
  }
  elseIndices.forEach((index, position) => {
    if (position > 0) {
      issues.push({ jsonPath: at(index), message: `a second "else" level: keep a single one, last.` });
    } else if (index !== levels.length - 1) {
      issues.push({
        jsonPath: at(index),
        message: `the "else" level must come last: levels after it never hold.`,
      });
    }
  });
  const otherCount = levels.length - nullIndices.length - elseIndices.length;
  if (otherCount === 0) {
    issues.push({
      jsonPath: `${jsonPath}.levels`,
      message: `only null and else levels: add at least one level between them (for example {"kind": "exact"}).`,
    });
  }
  if (levels.length - nullIndices.length > MAX_LEVELS) {
    issues.push({
      jsonPath: `${jsonPath}.levels`,
      message: `${levels.length - nullIndices.length} non-null levels; at most ${MAX_LEVELS} are supported.`,
    });
  }
  return issues;
}

function indicesOfKind(levels: readonly LevelSpec[], kind: LevelSpec["kind"]): number[] {
  const indices: number[] = [];
  levels.forEach((level, index) => {
    if (level.kind === kind) indices.push(index);
  });
  return indices;
}

function levelIssues(
  level: LevelSpec,
  comparisonColumns: ReadonlySet<string>,
  jsonPath: string,
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const listed = [...comparisonColumns];
  if (level.kind !== "null") {
    for (const { column, key } of columnsReadByLevel(level, listed)) {
      if (!comparisonColumns.has(column)) {
        issues.push({
          jsonPath: jsonPathOf(jsonPath, key),
          message: `column "${column}" is not among the comparison's columns (${listed.join(", ")}): add it to "columns" so that nulls and keys account for it.`,
        });
      }
    }
  }
  if ("columns" in level && level.kind !== "columnsReversed" && level.columns !== undefined) {
    if (level.column !== undefined) {
      issues.push({
        jsonPath: `${jsonPath}.columns`,
        message: `both "column" and "columns" are given: keep one.`,
      });
    }
    const seen = new Set<string>();
    level.columns.forEach((column, index) => {
      if (seen.has(column)) {
        issues.push({
          jsonPath: `${jsonPath}.columns[${index}]`,
          message: `column "${column}" is listed twice.`,
        });
      }
      seen.add(column);
    });
  }
  if (level.kind === "columnsReversed" && level.columns[0] === level.columns[1]) {
    issues.push({
      jsonPath: `${jsonPath}.columns[1]`,
      message: `both columns are "${level.columns[0]}": a reversal needs two different columns.`,
    });
  }
  if (level.kind === "distanceKm" && level.latitudeColumn === level.longitudeColumn) {
    issues.push({
      jsonPath: `${jsonPath}.longitudeColumn`,
      message: `latitudeColumn and longitudeColumn are both "${level.latitudeColumn}": give the two coordinate columns.`,
    });
  }
  if (
    level.kind === "similarity" &&
    level.q !== undefined &&
    level.comparator !== "jaccard" &&
    level.comparator !== "dice"
  ) {
    issues.push({
      jsonPath: `${jsonPath}.q`,
      message: `"q" applies only to the jaccard and dice comparators, not ${level.comparator}: remove it.`,
    });
  }
  if (level.kind === "frenchName") issues.push(...frenchNameIssues(level, jsonPath));
  return issues;
}

function frenchNameIssues(level: Extract<LevelSpec, { kind: "frenchName" }>, jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (level.category === "jaroWinkler" && level.threshold === undefined) {
    issues.push({
      jsonPath: `${jsonPath}.threshold`,
      message: 'the "jaroWinkler" category needs a "threshold" in (0, 1], for example 0.92.',
    });
  }
  if (level.category !== "jaroWinkler" && level.threshold !== undefined) {
    issues.push({
      jsonPath: `${jsonPath}.threshold`,
      message: `"threshold" applies only to the "jaroWinkler" category, not ${level.category}: remove it.`,
    });
  }
  if (level.category !== "phonetic" && level.phoneticAlgorithm !== undefined) {
    issues.push({
      jsonPath: `${jsonPath}.phoneticAlgorithm`,
      message: `"phoneticAlgorithm" applies only to the "phonetic" category, not ${level.category}: remove it.`,
    });
  }
  return issues;
}

/**
 * Levels about missing values (death levels read a missing date as "no death date"; missingValues levels) are
 * never reached after a null level that takes every pair with a missing value first.
 */
function missingAsInformationIssues(comparison: ComparisonSpec, jsonPath: string): SpecIssue[] {
  const first = comparison.levels[0];
  if (first === undefined || first.kind !== "null") return [];
  // With "all", a single missing column among several does not make the pair null.
  if (first.columnsMissing === "all" && comparison.columns.length > 1) return [];
  const issues: SpecIssue[] = [];
  comparison.levels.forEach((level, index) => {
    const column = ("column" in level ? level.column : undefined) ?? comparison.columns[0];
    const at = `${jsonPath}.levels[${index}]`;
    if (
      level.kind === "deathDate" &&
      (level.category === "bothAlive" || level.category === "deadOnOneSideOnly")
    ) {
      issues.push({
        jsonPath: at,
        message: `a missing "${column}" means no death date, but the null level (levels[0]) takes every pair with a missing value first, so this level would never see them: remove the null level from a death-date comparison.`,
      });
    }
    if (level.kind === "missingValues") {
      issues.push({
        jsonPath: at,
        message: `the null level (levels[0]) takes every pair with a missing "${column}" first, so this level could never hold: remove the null level.`,
      });
    }
  });
  return issues;
}

function termFrequencyIssues(levels: readonly LevelSpec[], jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  let first: number | undefined;
  levels.forEach((level, index) => {
    if (level.kind !== "exact") return;
    const at = `${jsonPath}.levels[${index}]`;
    if (level.termFrequencyWeight !== undefined && !level.termFrequency) {
      issues.push({
        jsonPath: `${at}.termFrequencyWeight`,
        message: `termFrequencyWeight has no effect without "termFrequency": true: add it or remove the weight.`,
      });
    }
    if (!level.termFrequency) return;
    if (level.columns !== undefined && level.columns.length > 1) {
      issues.push({
        jsonPath: `${at}.termFrequency`,
        message: "term-frequency adjustment needs a single column: remove it or use one column.",
      });
    }
    if (first === undefined) first = index;
    else {
      issues.push({
        jsonPath: `${at}.termFrequency`,
        message: `levels[${first}] already has the term-frequency adjustment: keep it on one exact level per comparison.`,
      });
    }
  });
  return issues;
}

/**
 * A level is unreachable when an earlier level of the same kind, on the same columns, holds for every pair
 * it would hold for (for example Jaro–Winkler ≥ 0.92 after ≥ 0.88): the user listed levels out of order.
 */
function unreachableLevelIssues(comparison: ComparisonSpec, jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const facts = comparison.levels.map((level) => reachFacts(level, comparison.columns));
  facts.forEach((later, index) => {
    if (later === undefined) return;
    for (let earlier = 0; earlier < index; earlier++) {
      const before = facts[earlier];
      if (before === undefined) continue;
      const sameCondition = before.signature === later.signature && before.looseness >= later.looseness;
      const stricterCondition =
        before.coversSignature === later.signature && before.looseness >= later.looseness;
      const exactAfterSimilar =
        later.kind === "exact" && before.coversExact && before.columns === later.columns;
      if (sameCondition || stricterCondition || exactAfterSimilar) {
        issues.push({
          jsonPath: `${jsonPath}.levels[${index}]`,
          message: `this level ("${levelLabel(comparison.levels[index], comparison)}") can never hold: levels[${earlier}] ("${levelLabel(comparison.levels[earlier], comparison)}") already takes every pair it would. List levels from the most to the least similar.`,
        });
        break;
      }
    }
  });
  return issues;
}

interface ReachFacts {
  readonly kind: LevelSpec["kind"];
  /** Same signature = same condition up to its threshold. */
  readonly signature: string;
  /** Higher = holds for more pairs. */
  readonly looseness: number;
  /** Holds whenever the values are equal (so a later exact level on the same columns is unreachable). */
  readonly coversExact: boolean;
  /**
   * Signature of a stricter condition this level holds for whenever it holds at no greater looseness (a stay
   * in the same département whenever a stay in the same establishment).
   */
  readonly coversSignature?: string;
  readonly columns: string;
}

function reachFacts(level: LevelSpec, comparisonColumns: readonly string[]): ReachFacts | undefined {
  if (level.kind === "null" || level.kind === "else") return undefined;
  const columns = columnsReadByLevel(level, comparisonColumns)
    .map(({ column }) => column)
    .join("\u0000");
  const base = { kind: level.kind, columns, coversExact: false, looseness: 0 };
  switch (level.kind) {
    case "similarity":
      return {
        ...base,
        signature: `similarity:${level.comparator}:${level.q ?? 2}:${columns}`,
        looseness: -level.threshold,
        coversExact: true,
      };
    case "editDistance":
      return {
        ...base,
        signature: `editDistance:${level.comparator}:${columns}`,
        looseness: level.threshold,
        coversExact: true,
      };
    case "numericDifference":
      return { ...base, signature: `numeric:${level.mode}:${columns}`, looseness: level.threshold };
    case "dateDifference":
      return { ...base, signature: `date:${level.unit}:${columns}`, looseness: level.threshold };
    case "distanceKm":
      return { ...base, signature: `distance:${columns}`, looseness: level.threshold };
    case "phonetic":
      return { ...base, signature: `phonetic:${level.algorithm}:${columns}` };
    case "literal":
      return { ...base, signature: `literal:${JSON.stringify(level.value)}:${columns}` };
    case "custom":
      return { ...base, signature: `custom:${level.name}` };
    case "frenchName":
      return {
        ...base,
        signature:
          level.category === "jaroWinkler"
            ? `frenchName:jaroWinkler:${columns}`
            : `frenchName:${level.category}:${level.phoneticAlgorithm ?? "phonex"}:${columns}`,
        looseness: level.category === "jaroWinkler" ? -(level.threshold ?? 1) : 0,
      };
    case "partialDate":
    case "deathDate":
    case "commune":
      return { ...base, signature: `${level.kind}:${level.category}:${columns}` };
    case "pmsiGeography":
      return {
        ...base,
        signature: `pmsiGeography:${level.category}:${level.pmsiColumn ?? ""}:${level.communeColumn ?? ""}:${columns}`,
      };
    case "missingValues":
      return { ...base, signature: `missingValues:${level.sides}:${columns}` };
    case "hospitalStays": {
      // Same FINESS and same département are different conditions; the second holds whenever the first does,
      // so a same-FINESS level listed after a same-département one with as few stays can never hold.
      const signature = (establishment: string) =>
        `hospitalStays:${establishment}:${level.toleranceDays}:${columns}`;
      const establishment = level.establishment ?? "same";
      return {
        ...base,
        signature: signature(establishment),
        looseness: -level.minimumMatches,
        ...(establishment === "sameDepartement" ? { coversSignature: signature("same") } : {}),
      };
    }
    default:
      return { ...base, signature: `${level.kind}:${columns}` };
  }
}
