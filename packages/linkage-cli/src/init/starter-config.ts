// Builds the commented starter config of `linkage init` from what was guessed about each file: inputs, the
// standardisation and comparison of every recognised column, and blocking rules that suit them.
import type { CsvDelimiter, CsvEncoding, DatePrecision } from "linkage-core";
import type { ColumnGuess, ColumnRole } from "./column-roles.js";
import { array, inline, type JsoncMember, object, renderJsonc } from "./jsonc-text.js";
import {
  blockingPhonetic,
  type ComparedRole,
  comparedRoleOrder,
  type RoleContext,
  rolePlans,
} from "./role-plans.js";

export interface AnalysedFile {
  /** Input name (file stem). */
  readonly name: string;
  /** Path written in the config: relative to the config's folder. */
  readonly configPath: string;
  readonly delimiter: CsvDelimiter;
  readonly encoding: CsvEncoding;
  /** Why this encoding, for the comment. */
  readonly encodingReason: string;
  readonly sampleRows: number;
  readonly guesses: readonly ColumnGuess[];
}

export interface StarterConfig {
  readonly text: string;
  readonly linkType: "dedupe" | "link";
  readonly idColumns: readonly (string | null)[];
  readonly comparisons: readonly { readonly role: ComparedRole | null; readonly column: string }[];
  readonly blockingRules: readonly string[];
  readonly notCompared: readonly {
    readonly file: string;
    readonly column: string;
    readonly reason: string;
  }[];
}

interface SharedColumn {
  /** Undefined for the generic guesses made when no role was recognised. */
  readonly role: ComparedRole | undefined;
  /** Column name in the config. */
  readonly column: string;
  /** Header of the role's column in each file. */
  readonly headers: readonly string[];
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

export interface StarterConfigOptions {
  readonly schemaPath?: string;
  readonly french: boolean;
  /** Blocking rules (by position among those proposed) left out because they make no pair in the files. */
  readonly emptyRules?: readonly number[];
}

export function buildStarterConfig(
  files: readonly AnalysedFile[],
  options: StarterConfigOptions,
): StarterConfig {
  const linkType = files.length === 1 ? "dedupe" : "link";
  const roleColumns = files.map((file) => firstColumnPerRole(file.guesses));
  const idColumns = files.map((file) => idColumnOf(file.guesses));
  const shared = sharedColumns(files, roleColumns);
  const context = roleContext(files, roleColumns, options.french);
  const notCompared = notComparedColumns(files, shared, idColumns);
  const comparisons = shared.length > 0 ? shared : fallbackColumns(files);
  const proposed = blockingRules(comparisons, context);
  const empty = new Set(options.emptyRules ?? []);
  // Keep at least one rule: a config without any does not load, and the user must then write one anyway.
  const rules = proposed.length > empty.size ? proposed.filter((_, index) => !empty.has(index)) : proposed;
  const dropped = rules.length < proposed.length ? proposed.filter((_, index) => empty.has(index)) : [];
  const truthColumn = commonTruthColumn(files);
  const members: JsoncMember[] = [];
  if (options.schemaPath) {
    members.push({
      key: "$schema",
      value: inline(options.schemaPath),
      note: "lets editors check and complete this file",
    });
  }
  members.push(
    {
      key: "linkType",
      value: inline(linkType),
      note:
        linkType === "link"
          ? "records of one file are linked to records of the other, each at most once"
          : "duplicates are searched within the one file and grouped into clusters",
    },
    {
      key: "inputs",
      value: array(
        files.map((file, index) => inputMember(file, idColumns[index]!, comparisons, index, context)),
      ),
    },
    comparisonsMember(comparisons, shared.length === 0, notCompared, context),
    blockingRulesMember(rules, dropped),
    {
      key: "threshold",
      value: inline({ kind: "matchProbability", value: 0.5 }),
      note: "pairs at least this probable are linked; tune it with `linkage evaluate` or `linkage cluster`",
      comments: [
        "Training needs no settings: u is estimated from random pairs, m by EM on the blocked pairs, λ by EM (seed 42).",
      ],
    },
  );
  if (truthColumn) {
    members.push({
      key: "truth",
      value: inline({ column: truthColumn }),
      disabled: true,
      comments: [
        `"${truthColumn}" looks like a known entity id: uncomment to evaluate runs against it (never used in training).`,
      ],
    });
  }
  members.push({
    key: "output",
    value: inline({ directory: "linkage-output" }),
    note: "relative to this file",
  });
  const header = [
    `Starter config written by \`linkage init\` from ${files.map((file) => file.configPath).join(" and ")}.`,
    "Every choice below is a guess from the headers and the first rows: read the comments, then check with",
    "`linkage profile`, `linkage blocking` and a first `linkage run`. Format: docs/cli.md and docs/spec.md.",
  ];
  return {
    text: renderJsonc(object(members), header),
    linkType,
    idColumns,
    comparisons: comparisons.map(({ role, column }) => ({ role: role ?? null, column })),
    blockingRules: rules.map((rule) => rule.name),
    notCompared,
  };
}

function roleContext(
  files: readonly AnalysedFile[],
  roleColumns: readonly Map<ColumnRole, string>[],
  french: boolean,
): RoleContext {
  const guessOf = (index: number, role: ColumnRole) =>
    files[index]!.guesses.find((guess) => guess.header === roleColumns[index]!.get(role));
  return {
    french,
    datePrecision: coarsestPrecision(files.map((_, index) => guessOf(index, "birthDate")?.datePrecision)),
    frenchPostalCodes: files.every(
      (_, index) =>
        !roleColumns[index]!.has("postalCode") || guessOf(index, "postalCode")?.frenchPostalCodes === true,
    ),
  };
}

function notComparedColumns(
  files: readonly AnalysedFile[],
  shared: readonly SharedColumn[],
  idColumns: readonly (string | null)[],
): StarterConfig["notCompared"] {
  return files.flatMap((file, index) => {
    const compared = new Set(shared.map((column) => column.headers[index]!));
    return file.guesses
      .filter((guess) => !compared.has(guess.header) && guess.header !== idColumns[index])
      .map((guess) => ({
        file: file.name,
        column: guess.header,
        reason: notComparedReason(guess, shared, files.length),
      }));
  });
}

function comparisonsMember(
  comparisons: readonly SharedColumn[],
  fallback: boolean,
  notCompared: StarterConfig["notCompared"],
  context: RoleContext,
): JsoncMember {
  return {
    key: "comparisons",
    comments: comparisonsComments(fallback, notCompared),
    value: array(
      comparisons.map(({ role, column }) => ({
        comments: [
          `${column}: ${role ? rolePlans[role].comparisonWhy(context) : "a guess, the column's role was not recognised"}`,
        ],
        value: inline(
          role
            ? rolePlans[role].comparison(column, context)
            : { template: "jaroWinklerAtThresholds", column },
        ),
      })),
    ),
  };
}

function blockingRulesMember(
  rules: readonly BlockingRuleChoice[],
  dropped: readonly BlockingRuleChoice[],
): JsoncMember {
  return {
    key: "blockingRules",
    comments: [
      "Only pairs that agree on every key of at least one rule are compared. Check the counts and, when a truth",
      "is known, the recall with `linkage blocking` before a run; add a rule if true pairs are missed.",
    ],
    value: array([
      ...rules.map((rule) => ({ comments: [rule.why], value: inline({ keys: rule.keys }) })),
      ...dropped.map((rule) => ({
        comments: [`${rule.why} — left out: it makes no pair in these files (EM cannot train on it)`],
        value: inline({ keys: rule.keys }),
        disabled: true,
      })),
    ]),
  };
}

function firstColumnPerRole(guesses: readonly ColumnGuess[]): Map<ColumnRole, string> {
  const columns = new Map<ColumnRole, string>();
  for (const guess of guesses)
    if (guess.role && !columns.has(guess.role)) columns.set(guess.role, guess.header);
  return columns;
}

/** The id column: named like one, never empty and unique in the sample. */
function idColumnOf(guesses: readonly ColumnGuess[]): string | null {
  return (
    guesses.find((guess) => guess.role === "id" && guess.unique && guess.completeness === 1)?.header ?? null
  );
}

/**
 * Roles found in every file, each under one column name: the first file's header, or the role's standard
 * name when that header names another column in some file (the other files are renamed to it).
 */
function sharedColumns(
  files: readonly AnalysedFile[],
  roleColumns: readonly Map<ColumnRole, string>[],
): SharedColumn[] {
  const shared: SharedColumn[] = [];
  const taken = new Set<string>();
  for (const role of comparedRoleOrder) {
    const headers = roleColumns.map((columns) => columns.get(role));
    if (headers.some((header) => header === undefined)) continue;
    const names = headers as string[];
    const clashes = (candidate: string) =>
      taken.has(candidate) ||
      files.some(
        (file, index) =>
          names[index] !== candidate && file.guesses.some((guess) => guess.header === candidate),
      );
    const column = !clashes(names[0]!)
      ? names[0]!
      : !clashes(rolePlans[role].standardName)
        ? rolePlans[role].standardName
        : undefined;
    if (column === undefined) continue;
    taken.add(column);
    shared.push({ role, column, headers: names });
  }
  return shared;
}

/** Without any recognised role, up to five shared text columns compared by Jaro–Winkler, as a start. */
function fallbackColumns(files: readonly AnalysedFile[]): SharedColumn[] {
  const first = files[0]!;
  return first.guesses
    .filter((guess) => guess.role !== "id" && guess.role !== "truth" && guess.completeness > 0)
    .filter((guess) => files.every((file) => file.guesses.some((other) => other.header === guess.header)))
    .slice(0, 5)
    .map((guess) => ({ role: undefined, column: guess.header, headers: files.map(() => guess.header) }));
}

/** The coarsest birth-date precision among the inputs: dates can only be compared at the precision all have. */
function coarsestPrecision(precisions: readonly (DatePrecision | undefined)[]): DatePrecision {
  const order: DatePrecision[] = ["day", "month", "year"];
  const coarsest = Math.max(0, ...precisions.map((precision) => (precision ? order.indexOf(precision) : 0)));
  return order[coarsest]!;
}

function commonTruthColumn(files: readonly AnalysedFile[]): string | undefined {
  const first = files[0]!.guesses.find((guess) => guess.role === "truth")?.header;
  return first !== undefined && files.every((file) => file.guesses.some((guess) => guess.header === first))
    ? first
    : undefined;
}

function inputMember(
  file: AnalysedFile,
  idColumn: string | null,
  columns: readonly SharedColumn[],
  index: number,
  context: RoleContext,
): JsoncMember {
  const rename = Object.fromEntries(
    columns
      .filter((column) => column.headers[index] !== column.column)
      .map((column) => [column.headers[index]!, column.column]),
  );
  const idGuess = file.guesses.find((guess) => guess.role === "id");
  const members: JsoncMember[] = [
    { key: "name", value: inline(file.name) },
    { key: "path", value: inline(file.configPath), note: "relative to this config file" },
  ];
  if (idColumn) {
    members.push({
      key: "idColumn",
      value: inline(idColumn),
      note: "named like an id, unique and never empty in the rows read",
    });
  } else {
    members.push({
      key: "idColumn",
      value: inline(idGuess?.header ?? "id"),
      disabled: true,
      note: idGuess
        ? "named like an id but not unique or not always filled in the rows read: records are numbered by row instead"
        : "no id column recognised: records are numbered by row; name your id column here",
    });
  }
  members.push({
    key: "delimiter",
    value: inline(file.delimiter),
    note: `${DELIMITER_NAMES[file.delimiter]}, detected on the header line`,
  });
  members.push({ key: "encoding", value: inline(file.encoding), note: file.encodingReason });
  if (Object.keys(rename).length > 0) {
    members.push({
      key: "rename",
      value: inline(rename),
      note: "so that both inputs use the same column names",
    });
  }
  const standardised = columns.flatMap((column) =>
    column.role ? [{ role: column.role, column: column.column }] : [],
  );
  if (standardised.length > 0) {
    members.push({
      key: "standardise",
      comments: ["Applied to each distinct value before comparing and blocking (same steps in every input)."],
      value: array(
        standardised.map(({ role, column }) => ({
          comments: [`${column}: ${rolePlans[role].stepsWhy(context)}`],
          value: inline({ column, steps: rolePlans[role].steps(context) }),
        })),
      ),
    });
  }
  return { value: object(members) };
}

interface BlockingRuleChoice {
  readonly name: string;
  readonly keys: readonly unknown[];
  readonly why: string;
}

/** Rules from the roles present: each pairs a name or date with another field, so blocks stay small. */
function blockingRules(columns: readonly SharedColumn[], context: RoleContext): BlockingRuleChoice[] {
  const column = (role: ComparedRole) => columns.find((shared) => shared.role === role)?.column;
  const ssn = column("socialSecurityNumber");
  const first = column("firstName");
  const surname = column("surname");
  const birth = column("birthDate");
  const place = column("commune") ?? column("postalCode") ?? column("city");
  const email = column("email");
  const phonetic = { kind: "phonetic", algorithm: blockingPhonetic(context) };
  const byYear = { kind: "year" };
  const byYearMonth = context.datePrecision === "year" ? byYear : { kind: "yearMonth" };
  const rules: BlockingRuleChoice[] = [];
  const add = (keys: unknown[], why: string, name: string) => rules.push({ keys, why, name });
  if (ssn) add([ssn], `same ${ssn}: catches true pairs whatever their names`, ssn);
  if (surname && birth) {
    add(
      [
        { column: surname, transform: phonetic },
        { column: birth, transform: byYear },
      ],
      `same ${phonetic.algorithm} code of ${surname} and same year of ${birth}: robust to spelling`,
      `${surname} sounds alike, ${birth} year`,
    );
  }
  if (first && birth) {
    add(
      [
        { column: first, transform: phonetic },
        { column: birth, transform: byYearMonth },
      ],
      `same ${phonetic.algorithm} code of ${first} and same ${context.datePrecision === "year" ? "year" : "month"} of ${birth}: catches changed surnames (marriage)`,
      `${first} sounds alike, ${birth} month`,
    );
  }
  if (birth && place)
    add([birth, place], `same ${birth} and ${place}: catches misspelt names`, `${birth} and ${place}`);
  if (first && surname)
    add(
      [surname, first],
      `same ${surname} and ${first}: catches wrong or missing birth dates`,
      `${surname} and ${first}`,
    );
  if (email) add([email], `same ${email}`, email);
  if (rules.length === 0) {
    for (const shared of columns.slice(0, 3))
      add(
        [shared.column],
        `same ${shared.column} (a simple start: refine with \`linkage blocking\`)`,
        shared.column,
      );
  }
  return rules;
}

function comparisonsComments(fallback: boolean, notCompared: StarterConfig["notCompared"]): string[] {
  const comments = fallback
    ? [
        "No column role was recognised: every comparison below is a generic guess, replace them (see docs/spec.md).",
      ]
    : ["One comparison per recognised column, from the comparison templates (docs/spec.md lists them all)."];
  if (notCompared.length > 0) {
    comments.push("Not compared:");
    for (const entry of notCompared) comments.push(`  ${entry.file}.${entry.column}: ${entry.reason}`);
  }
  return comments;
}

function notComparedReason(guess: ColumnGuess, shared: readonly SharedColumn[], fileCount: number): string {
  if (guess.role === undefined) return guess.reason;
  if (guess.role === "truth") return "looks like a known entity id (see truth below)";
  if (guess.role === "id") return "an id, not evidence";
  if (shared.some((column) => column.role === guess.role))
    return `a second ${rolePlans[guess.role].label} column`;
  return fileCount > 1 ? `${rolePlans[guess.role].label}, but not in every input` : guess.reason;
}
