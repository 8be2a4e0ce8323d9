// The config `linkage demo` writes next to its synthetic cohort: a French identity linkage, commented.

/** JSONC text of the demo's config, for a cohort written by `linkage generate identity-pair`. */
export function demoConfigText(dataFolder: string, resultsFolder: string): string {
  return `{
  // Written by \`linkage demo\`: links two synthetic French sources (identity traits) one-to-one.
  // Edit it and run \`linkage run <this file> --force\` to try other comparisons or blocking rules.
  "linkType": "link",
  "inputs": [
    ${inputText("source_a", `${dataFolder}/source-a.csv`)},
    ${inputText("source_b", `${dataFolder}/source-b.csv`)}
  ],
  "comparisons": [
    // Names: exact (weighted by how common the name is), same French phonetic code, then Jaro–Winkler.
    { "template": "nameComparison", "column": "first_name", "phonetic": "phonex", "thresholds": [0.92, 0.85], "termFrequency": true },
    { "template": "nameComparison", "column": "birth_name", "phonetic": "phonex", "thresholds": [0.92, 0.85], "termFrequency": true },
    { "template": "exactMatch", "column": "sex" },
    // Birth dates: exact, day and month swapped, then within a day, a month, a year.
    {
      "template": "dateDifferenceAtThresholds",
      "column": "birth_date",
      "dayMonthSwap": true,
      "thresholds": [
        { "unit": "days", "threshold": 1 },
        { "unit": "months", "threshold": 1 },
        { "unit": "years", "threshold": 1 }
      ]
    },
    { "template": "exactMatch", "column": "commune_code", "termFrequency": true },
    { "template": "levenshteinAtThresholds", "column": "postal_code", "thresholds": [1] }
  ],
  // A pair is compared when any rule holds: same birth date; same birth name and birth year;
  // same first name and birth name; same phonetic birth name and commune.
  "blockingRules": [
    { "keys": ["birth_date"] },
    { "keys": ["birth_name", { "column": "birth_date", "transform": { "kind": "year" } }] },
    { "keys": ["first_name", "birth_name"] },
    { "keys": [{ "column": "birth_name", "transform": { "kind": "phonetic", "algorithm": "soundexFr" } }, "commune_code"] }
  ],
  "threshold": { "kind": "matchProbability", "value": 0.5 },
  "output": { "directory": "${resultsFolder}" }
}
`;
}

function inputText(name: string, path: string): string {
  return `{
      "name": "${name}",
      "path": "${path}",
      "idColumn": "record_id",
      "standardise": [
        { "column": "first_name", "steps": ["trim", "upper", "foldAccents", "normalisePunctuation", "collapseWhitespace"] },
        { "column": "birth_name", "steps": ["trim", "upper", "foldAccents", "normalisePunctuation", "collapseWhitespace"] },
        { "column": "birth_date", "steps": [{ "kind": "date" }] },
        { "column": "sex", "steps": ["sex"] },
        { "column": "commune_code", "steps": ["inseeCommune"] }
      ]
    }`;
}
