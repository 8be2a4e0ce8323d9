// One entry point over the three scenarios, keyed by scenario name (used by the file writer and the CLI).
import { LinkageError } from "../errors.js";
import { generateIdentityPair } from "./identity-pair.js";
import { generateRegistrySnds } from "./registry-snds.js";
import type {
  IdentityPairOptions,
  RegistrySndsOptions,
  WarehouseDuplicatesOptions,
} from "./synthetic-options.js";
import type { SyntheticReference } from "./synthetic-reference.js";
import type { SyntheticCohort, SyntheticScenario } from "./synthetic-table.js";
import { generateWarehouseDuplicates } from "./warehouse-duplicates.js";

/** The options object of each scenario. */
export interface SyntheticScenarioOptions {
  readonly "registry-snds": RegistrySndsOptions;
  readonly "identity-pair": IdentityPairOptions;
  readonly "warehouse-duplicates": WarehouseDuplicatesOptions;
}

const generators: {
  readonly [Scenario in SyntheticScenario]: (
    options: SyntheticScenarioOptions[Scenario],
    reference: SyntheticReference,
  ) => SyntheticCohort;
} = {
  "registry-snds": generateRegistrySnds,
  "identity-pair": generateIdentityPair,
  "warehouse-duplicates": generateWarehouseDuplicates,
};

export const syntheticScenarios = Object.keys(generators) as readonly SyntheticScenario[];

/** Generates any scenario by name; throws SYNTHETIC_SCENARIO_UNKNOWN for a name not in `syntheticScenarios`. */
export function generateSyntheticCohort<Scenario extends SyntheticScenario>(
  scenario: Scenario,
  options: SyntheticScenarioOptions[Scenario],
  reference: SyntheticReference,
): SyntheticCohort {
  const generate = Object.hasOwn(generators, scenario) ? generators[scenario] : undefined;
  if (!generate) {
    throw new LinkageError(
      "SYNTHETIC_SCENARIO_UNKNOWN",
      `unknown synthetic scenario "${String(scenario)}".`,
      {
        hint: `Use one of: ${syntheticScenarios.join(", ")}.`,
      },
    );
  }
  return generate(options, reference);
}
