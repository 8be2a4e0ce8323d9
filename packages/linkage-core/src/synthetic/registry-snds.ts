// Scenario "registry → SNDS": an SNDS-like extract (persons and hospital stays) and a disease registry
// (subjects and their own stays) linked to part of it, with the noise real linkages meet; truth maps them.
import { formatDay, formatYearMonth } from "./civil-date.js";
import { recordBirthDate, shiftByOneDay } from "./date-noise.js";
import { drawMoveDestination, type Geography } from "./geography.js";
import {
  createRandomStream,
  drawChance,
  drawElement,
  drawPoisson,
  type RandomStream,
} from "./random-stream.js";
import {
  createRegistrySelection,
  createSndsContext,
  drawPersonOutsideExtract,
  drawStays,
  generateSndsPair,
  generateSndsPerson,
  type HospitalStay,
  type RegistrySelection,
  type SndsContext,
  sndsDiagnosisStay,
  sndsOrdinaryStays,
  sndsPairCount,
  sndsPersonStays,
  sndsPseudonym,
  sortStays,
  type TruePerson,
} from "./snds-population.js";
import {
  type RegistrySndsOptions,
  type ResolvedRegistrySndsOptions,
  registrySndsOptionsSchema,
  resolveSyntheticOptions,
} from "./synthetic-options.js";
import { lazyRows, type SyntheticCohort, type SyntheticTable } from "./synthetic-table.js";

/** The sentinel birth year-month of the extract when the birth date is unknown. */
export const SNDS_BIRTH_SENTINEL = "1600-01";
/** The sentinel death date of the extract for persons alive. */
export const SNDS_ALIVE_SENTINEL = "1600-01-01";

export const SNDS_PERSON_HEADER = [
  "snds_id",
  "sex",
  "birth_year_month",
  "commune_code",
  "death_date",
] as const;
export const SNDS_STAY_HEADER = ["snds_id", "finess", "admission_date", "discharge_date"] as const;
export const REGISTRY_PERSON_HEADER = [
  "registry_id",
  "sex",
  "birth_date",
  "commune_code",
  "death_date",
] as const;
export const REGISTRY_STAY_HEADER = ["registry_id", "finess", "admission_date", "discharge_date"] as const;
export const REGISTRY_SNDS_TRUTH_HEADER = ["registry_id", "snds_id"] as const;

interface RegistryContext extends RegistrySelection {
  readonly snds: SndsContext;
}

/** A registry subject's record and stays. */
interface RegistrySubject {
  readonly row: readonly string[];
  readonly stays: readonly (readonly string[])[];
}

export function registryId(subject: number): string {
  return `REG${String(subject + 1).padStart(8, "0")}`;
}

/** The extract position of registry subject `subject`, or -1 when the subject is absent from the extract. */
function extractIndexOf(context: RegistryContext, subject: number): number {
  const position = context.subjectOrder.forward(subject);
  return position < context.linkedCount ? context.extractSelection.forward(position) : -1;
}

function recordRegistrySex(options: ResolvedRegistrySndsOptions, person: TruePerson, random: RandomStream) {
  const sex = drawChance(random, options.sexErrorRate) ? 3 - person.sex : person.sex;
  return drawChance(random, options.registryMissingSexRate) ? "" : String(sex);
}

function recordRegistryBirthDate(
  options: ResolvedRegistrySndsOptions,
  person: TruePerson,
  random: RandomStream,
) {
  return recordBirthDate(
    person.birthDay,
    {
      shiftRate: options.birthDateShiftRate,
      dayMonthSwapRate: options.dayMonthSwapRate,
      missingRate: options.registryMissingBirthDateRate,
    },
    random,
  );
}

function recordRegistryCommune(
  options: ResolvedRegistrySndsOptions,
  geography: Geography,
  person: TruePerson,
  random: RandomStream,
): string {
  const commune = drawChance(random, options.moverRate)
    ? drawMoveDestination(geography, person.commune, options.moverNeighbourShare, random)
    : person.commune;
  const alternatives = geography.alternativeCodes[commune];
  const code =
    alternatives.length > 0 && drawChance(random, options.formerCommuneCodeRate)
      ? drawElement(random, alternatives)
      : geography.communeCodes[commune];
  return drawChance(random, options.registryMissingCommuneRate) ? "" : code;
}

function recordRegistryDeath(options: ResolvedRegistrySndsOptions, person: TruePerson, random: RandomStream) {
  if (person.deathDay === undefined || !drawChance(random, options.registryDeathKnownRate)) return "";
  const day = drawChance(random, options.deathDateShiftRate)
    ? shiftByOneDay(person.deathDay, random)
    : person.deathDay;
  return formatDay(day);
}

/** The registry's copy of a stay from the extract: same stay, sometimes a day off or another establishment. */
function copyStay(context: SndsContext, stay: HospitalStay, random: RandomStream): HospitalStay {
  const shift = drawChance(random, context.options.stayDateShiftRate) ? shiftByOneDay(0, random) : 0;
  const pool = context.establishments.byDepartement[stay.departement];
  let establishment = stay.establishment;
  if (pool.length > 1 && drawChance(random, context.options.stayFinessMismatchRate)) {
    while (establishment === stay.establishment) establishment = drawElement(random, pool);
  }
  return {
    establishment,
    departement: stay.departement,
    admissionDay: stay.admissionDay + shift,
    dischargeDay: stay.dischargeDay + shift,
  };
}

/**
 * The registry's stays of a subject in the extract: its diagnosis stay, part of the extract's other stays, plus
 * stays of its own.
 */
function registryStaysOfLinked(
  context: SndsContext,
  person: TruePerson,
  extractIndex: number,
  random: RandomStream,
): HospitalStay[] {
  const stays: HospitalStay[] = [];
  const diagnosis = sndsDiagnosisStay(context, person, extractIndex);
  if (diagnosis !== undefined) stays.push(copyStay(context, diagnosis, random));
  for (const stay of sndsOrdinaryStays(context, person, extractIndex)) {
    if (drawChance(random, context.options.registryStayRecordedRate)) {
      stays.push(copyStay(context, stay, random));
    }
  }
  stays.push(
    ...drawStays(context, person, drawPoisson(random, context.options.registryOnlyStaysMean), random),
  );
  return sortStays(stays);
}

function stayRow(id: string, stay: HospitalStay): string[] {
  return [id, stay.establishment, formatDay(stay.admissionDay), formatDay(stay.dischargeDay)];
}

function generateRegistrySubject(context: RegistryContext, subject: number): RegistrySubject {
  const snds = context.snds;
  const random = createRandomStream(snds.seed, "registry-subject", subject);
  const extractIndex = extractIndexOf(context, subject);
  let person: TruePerson;
  let ownStays: HospitalStay[] = [];
  if (extractIndex >= 0) {
    person = generateSndsPerson(snds, extractIndex);
  } else {
    ({ person, stays: ownStays } = drawPersonOutsideExtract(snds, random));
  }
  const id = registryId(subject);
  const options = snds.options;
  const row = [
    id,
    recordRegistrySex(options, person, random),
    recordRegistryBirthDate(options, person, random),
    recordRegistryCommune(options, snds.geography, person, random),
    recordRegistryDeath(options, person, random),
  ];
  const stays = extractIndex >= 0 ? registryStaysOfLinked(snds, person, extractIndex, random) : ownStays;
  return { row, stays: stays.map((stay) => stayRow(id, stay)) };
}

function* sndsPersonRows(context: SndsContext): Generator<readonly string[]> {
  const pairs = sndsPairCount(context);
  for (let pair = 0; pair < pairs; pair++) {
    for (const person of generateSndsPair(context, pair)) {
      yield [
        sndsPseudonym(context, person.index),
        String(person.sex),
        person.birthSentinel ? SNDS_BIRTH_SENTINEL : formatYearMonth(person.birthDay),
        person.recordedCommune,
        person.deathDay === undefined ? SNDS_ALIVE_SENTINEL : formatDay(person.deathDay),
      ];
    }
  }
}

function* sndsStayRows(context: SndsContext): Generator<readonly string[]> {
  const pairs = sndsPairCount(context);
  for (let pair = 0; pair < pairs; pair++) {
    for (const person of generateSndsPair(context, pair)) {
      const stays = sndsPersonStays(context, person, person.index);
      if (stays.length === 0) continue;
      const id = sndsPseudonym(context, person.index);
      for (const stay of stays) yield stayRow(id, stay);
    }
  }
}

function* registrySubjects(context: RegistryContext): Generator<RegistrySubject> {
  const subjects = context.snds.options.registryPersonCount;
  for (let subject = 0; subject < subjects; subject++) yield generateRegistrySubject(context, subject);
}

/** Resolved options of the scenario (defaults filled in); throws SyntheticOptionsError when invalid. */
export function resolveRegistrySndsOptions(options: RegistrySndsOptions = {}): ResolvedRegistrySndsOptions {
  return resolveSyntheticOptions(registrySndsOptionsSchema, options);
}

/**
 * Generates the registry → SNDS scenario. Tables: `snds-persons`, `snds-stays`, `registry-persons`,
 * `registry-stays`; truth: `registry_id → snds_id` (empty when the subject is absent from the extract).
 * Rows are produced lazily; memory does not grow with the number of persons.
 */
export function generateRegistrySnds(
  options: RegistrySndsOptions,
  reference: { readonly geography: Geography },
): SyntheticCohort<ResolvedRegistrySndsOptions> {
  const resolved = resolveRegistrySndsOptions(options);
  const selection = createRegistrySelection(resolved);
  const snds = createSndsContext(resolved, reference.geography, selection);
  const context: RegistryContext = { snds, ...selection };
  const table = (
    name: string,
    header: readonly string[],
    rows: () => Generator<readonly string[]>,
  ): SyntheticTable => ({
    name,
    header,
    rows: lazyRows(rows),
  });
  return {
    scenario: "registry-snds",
    options: resolved,
    tables: [
      table("snds-persons", SNDS_PERSON_HEADER, () => sndsPersonRows(snds)),
      table("snds-stays", SNDS_STAY_HEADER, () => sndsStayRows(snds)),
      table("registry-persons", REGISTRY_PERSON_HEADER, function* () {
        for (const subject of registrySubjects(context)) yield subject.row;
      }),
      table("registry-stays", REGISTRY_STAY_HEADER, function* () {
        for (const subject of registrySubjects(context)) yield* subject.stays;
      }),
    ],
    truth: table("truth", REGISTRY_SNDS_TRUTH_HEADER, function* () {
      const subjects = resolved.registryPersonCount;
      for (let subject = 0; subject < subjects; subject++) {
        const extractIndex = extractIndexOf(context, subject);
        yield [registryId(subject), extractIndex >= 0 ? sndsPseudonym(snds, extractIndex) : ""];
      }
    }),
  };
}
