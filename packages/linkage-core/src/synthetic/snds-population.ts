// The SNDS side of the registry → SNDS scenario: persons generated two at a time (so that twins share a
// stream) with their extract-side noise, and their hospital stays from a stream of their own, so that the
// persons table does not pay for stays. Everything is regenerable from the seed alone, in any order.

import { dayNumber } from "../calendar/day-number.js";
import { type AgeDistribution, createAgeDistribution, drawBirthDay } from "./age-distribution.js";
import { drawCommune, type Geography } from "./geography.js";
import { createIndexPermutation, type IndexPermutation } from "./index-permutation.js";
import {
  createRandomStream,
  cumulativeSums,
  drawChance,
  drawElement,
  drawFromCumulative,
  drawInteger,
  drawPoisson,
  type RandomStream,
} from "./random-stream.js";
import type { ResolvedRegistrySndsOptions } from "./synthetic-options.js";

/** One hospital stay; `departement` indexes `Geography.departementCodes`. */
export interface HospitalStay {
  readonly establishment: string;
  readonly departement: number;
  readonly admissionDay: number;
  readonly dischargeDay: number;
}

/** The true attributes of a person. `deathDay` is undefined while alive at the end of the study. */
export interface TruePerson {
  readonly sex: 1 | 2;
  readonly birthDay: number;
  readonly commune: number;
  readonly deathDay: number | undefined;
}

/** A person of the extract with the values the extract records. */
export interface SndsPerson extends TruePerson {
  readonly index: number;
  readonly birthSentinel: boolean;
  /** INSEE code, postal-based code, or "" when missing. */
  readonly recordedCommune: string;
}

/** FINESS numbers of the establishments of each département. */
export interface EstablishmentPool {
  readonly byDepartement: readonly (readonly string[])[];
}

/** Everything a pair of SNDS persons is generated from. */
export interface SndsContext {
  readonly seed: string;
  readonly options: ResolvedRegistrySndsOptions;
  readonly geography: Geography;
  readonly establishments: EstablishmentPool;
  /** Running sums of département populations, for stays away from home. */
  readonly departementCumulative: Float64Array;
  readonly ages: AgeDistribution;
  readonly studyStartDay: number;
  readonly studyEndDay: number;
  readonly idKeys: Uint32Array;
  /** Whether person `index` of the extract is a registry subject (and may have a diagnosis stay). */
  readonly isRegistrySubject: (index: number) => boolean;
}

/** About one establishment per 60,000 inhabitants (roughly the number of French hospitals with stays). */
const INHABITANTS_PER_ESTABLISHMENT = 60_000;
/** Share of stays without a night (ambulatory care). */
const SAME_DAY_STAY_SHARE = 0.35;
const MEAN_NIGHTS_OF_OVERNIGHT_STAYS = 5;

/** A 9-character FINESS-like number: the département code, then digits (unique across the pool). */
export function buildEstablishmentPool(geography: Geography, random: RandomStream): EstablishmentPool {
  const used = new Set<string>();
  const byDepartement = geography.departementCodes.map((code, index) => {
    const size = Math.max(
      1,
      Math.round(geography.departementPopulation[index] / INHABITANTS_PER_ESTABLISHMENT),
    );
    const digits = 9 - code.length - 1;
    const numbers: string[] = [];
    while (numbers.length < size) {
      const candidate = `${code}0${String(drawInteger(random, 10 ** digits)).padStart(digits, "0")}`;
      if (used.has(candidate)) continue;
      used.add(candidate);
      numbers.push(candidate);
    }
    return numbers;
  });
  return { byDepartement };
}

/**
 * Which registry subjects are in the extract, and as which persons: registry subject r is in it when
 * `subjectOrder.forward(r) < linkedCount`, as person `extractSelection.forward(subjectOrder.forward(r))`.
 */
export interface RegistrySelection {
  readonly subjectOrder: IndexPermutation;
  readonly linkedCount: number;
  readonly extractSelection: IndexPermutation;
}

export function createRegistrySelection(options: ResolvedRegistrySndsOptions): RegistrySelection {
  return {
    subjectOrder: createIndexPermutation(
      options.registryPersonCount,
      createRandomStream(options.seed, "registry-order"),
    ),
    linkedCount: Math.round(options.registryInSndsRate * options.registryPersonCount),
    extractSelection: createIndexPermutation(
      options.sndsPersonCount,
      createRandomStream(options.seed, "extract-selection"),
    ),
  };
}

export function createSndsContext(
  options: ResolvedRegistrySndsOptions,
  geography: Geography,
  selection: RegistrySelection = createRegistrySelection(options),
): SndsContext {
  const setup = createRandomStream(options.seed, "snds-setup");
  const idKeys = new Uint32Array(4);
  for (let index = 0; index < idKeys.length; index++) idKeys[index] = drawInteger(setup, 0x100000000);
  return {
    seed: options.seed,
    options,
    geography,
    establishments: buildEstablishmentPool(geography, createRandomStream(options.seed, "establishments")),
    departementCumulative: cumulativeSums(geography.departementPopulation),
    // Everyone alive at some point of the study, newborns included.
    ages: createAgeDistribution(options.studyEndYear, 0, 104),
    studyStartDay: dayNumber(options.studyStartYear, 1, 1),
    studyEndDay: dayNumber(options.studyEndYear, 12, 31),
    idKeys,
    isRegistrySubject: (index) => selection.extractSelection.inverse(index) < selection.linkedCount,
  };
}

/** Bijective 32-bit scramble, so distinct indexes always give distinct pseudonyms. */
function scramble(index: number, key: number, offset: number): number {
  let value = (index ^ key) >>> 0;
  value = Math.imul(value, 0x9e3779b1) >>> 0;
  value ^= value >>> 15;
  value = Math.imul(value, 0x85ebca6b) >>> 0;
  value ^= value >>> 13;
  return (value + offset) >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, "0"));

function hex32(value: number): string {
  return (
    HEX_BYTES[value >>> 24] +
    HEX_BYTES[(value >>> 16) & 255] +
    HEX_BYTES[(value >>> 8) & 255] +
    HEX_BYTES[value & 255]
  );
}

/** A 16-hex-digit pseudonymous identifier, unique per index (its first half is a bijection of it). */
export function sndsPseudonym(context: SndsContext, index: number): string {
  const keys = context.idKeys;
  const head = scramble(index, keys[0], keys[1]);
  return hex32(head) + hex32(scramble(head, keys[2], keys[3]));
}

function drawStayDepartement(context: SndsContext, home: number, random: RandomStream): number {
  if (!drawChance(random, context.options.outOfDepartementStayRate)) return home;
  return drawFromCumulative(random, context.departementCumulative);
}

/** `count` stays between the study start (or birth) and the study end (or death), sorted by admission. */
export function drawStays(
  context: SndsContext,
  person: { readonly birthDay: number; readonly commune: number; readonly deathDay: number | undefined },
  count: number,
  random: RandomStream,
): HospitalStay[] {
  const from = Math.max(person.birthDay, context.studyStartDay);
  const to = Math.min(person.deathDay ?? context.studyEndDay, context.studyEndDay);
  if (count === 0 || to < from) return [];
  const home = context.geography.departementOfCommune[person.commune];
  const stays: HospitalStay[] = [];
  for (let index = 0; index < count; index++) {
    const admissionDay = from + drawInteger(random, to - from + 1);
    const nights = drawChance(random, SAME_DAY_STAY_SHARE)
      ? 0
      : 1 + Math.floor(-Math.log(1 - random()) * (MEAN_NIGHTS_OF_OVERNIGHT_STAYS - 1));
    const departement = drawStayDepartement(context, home, random);
    stays.push({
      establishment: drawElement(random, context.establishments.byDepartement[departement]),
      departement,
      admissionDay,
      dischargeDay: Math.min(admissionDay + nights, to),
    });
  }
  return sortStays(stays);
}

/** Stays by admission, then discharge (in place). */
export function sortStays(stays: HospitalStay[]): HospitalStay[] {
  return stays.sort(
    (left, right) => left.admissionDay - right.admissionDay || left.dischargeDay - right.dischargeDay,
  );
}

function drawDeathDay(context: SndsContext, birthDay: number, random: RandomStream): number | undefined {
  if (!drawChance(random, context.options.deathRate)) return undefined;
  // Uniform over the part of the study the person is alive for.
  const from = Math.max(birthDay, context.studyStartDay);
  return from + drawInteger(random, context.studyEndDay - from + 1);
}

function drawTruePerson(context: SndsContext, random: RandomStream): TruePerson {
  const sex = drawChance(random, 0.5) ? 1 : 2;
  const birthDay = drawBirthDay(random, context.ages);
  const commune = drawCommune(context.geography, random);
  return { sex, birthDay, commune, deathDay: drawDeathDay(context, birthDay, random) };
}

/**
 * The hospital stays of person `index` of the extract, from the person's own streams: the stays of the
 * population, and for a registry subject its diagnosis stay (`sndsDiagnosisStay`), sorted by admission.
 */
export function sndsPersonStays(context: SndsContext, person: TruePerson, index: number): HospitalStay[] {
  const stays = sndsOrdinaryStays(context, person, index);
  const diagnosis = sndsDiagnosisStay(context, person, index);
  return diagnosis === undefined ? stays : sortStays([...stays, diagnosis]);
}

/** The stays of person `index` that any person of the population may have (no diagnosis stay). */
export function sndsOrdinaryStays(context: SndsContext, person: TruePerson, index: number): HospitalStay[] {
  const random = createRandomStream(context.seed, "snds-stays", index);
  return drawStays(context, person, drawPoisson(random, context.options.meanStaysPerPerson), random);
}

/**
 * The diagnosis stay of person `index` of the extract when the person is a registry subject who has one
 * (`registryDiagnosisStayRate`), from a stream of its own so that other draws never shift.
 */
export function sndsDiagnosisStay(
  context: SndsContext,
  person: TruePerson,
  index: number,
): HospitalStay | undefined {
  if (!context.isRegistrySubject(index)) return undefined;
  return drawDiagnosisStay(context, person, createRandomStream(context.seed, "diagnosis-stay", index));
}

function drawDiagnosisStay(
  context: SndsContext,
  person: TruePerson,
  random: RandomStream,
): HospitalStay | undefined {
  if (!drawChance(random, context.options.registryDiagnosisStayRate)) return undefined;
  return drawStays(context, person, 1, random)[0];
}

/** A person absent from the extract (a registry subject), their stays and diagnosis stay, from the caller's stream. */
export function drawPersonOutsideExtract(
  context: SndsContext,
  random: RandomStream,
): { readonly person: TruePerson; readonly stays: HospitalStay[] } {
  const person = drawTruePerson(context, random);
  const stays = drawStays(context, person, drawPoisson(random, context.options.meanStaysPerPerson), random);
  const diagnosis = drawDiagnosisStay(context, person, random);
  return { person, stays: diagnosis === undefined ? stays : sortStays([...stays, diagnosis]) };
}

/** How the extract records the commune: missing, as a PMSI-style postal code, or as the INSEE code. */
function recordCommune(context: SndsContext, commune: number, random: RandomStream): string {
  const { sndsMissingCommuneRate, sndsPostalCodeRate } = context.options;
  const draw = random();
  if (draw < sndsMissingCommuneRate) return "";
  if (draw < sndsMissingCommuneRate + sndsPostalCodeRate) {
    return drawElement(random, context.geography.postalCodes[commune]);
  }
  return context.geography.communeCodes[commune];
}

function recordSndsPerson(
  context: SndsContext,
  person: TruePerson,
  index: number,
  random: RandomStream,
): SndsPerson {
  return {
    index,
    sex: person.sex,
    birthDay: person.birthDay,
    commune: person.commune,
    deathDay: person.deathDay,
    birthSentinel: drawChance(random, context.options.sndsBirthSentinelRate),
    recordedCommune: recordCommune(context, person.commune, random),
  };
}

/** Number of pairs needed for `sndsPersonCount` persons. */
export function sndsPairCount(context: SndsContext): number {
  return Math.ceil(context.options.sndsPersonCount / 2);
}

/**
 * Persons 2k and 2k+1 of the extract, from one stream. A twin pair shares sex, birth day and commune
 * (each twin has its own death and stays); the twin draw is made even for the last, single person, so
 * that it never shifts the other draws.
 */
export function generateSndsPair(context: SndsContext, pairIndex: number): SndsPerson[] {
  const random = createRandomStream(context.seed, "snds-pair", pairIndex);
  const firstIndex = 2 * pairIndex;
  const hasSecond = firstIndex + 1 < context.options.sndsPersonCount;
  const twins = drawChance(random, context.options.twinRate) && hasSecond;
  const first = drawTruePerson(context, random);
  const persons = [recordSndsPerson(context, first, firstIndex, random)];
  if (hasSecond) {
    const second: TruePerson = twins
      ? { ...first, deathDay: drawDeathDay(context, first.birthDay, random) }
      : drawTruePerson(context, random);
    persons.push(recordSndsPerson(context, second, firstIndex + 1, random));
  }
  return persons;
}

/** Person `index` of the extract. */
export function generateSndsPerson(context: SndsContext, index: number): SndsPerson {
  return generateSndsPair(context, index >>> 1)[index & 1];
}
