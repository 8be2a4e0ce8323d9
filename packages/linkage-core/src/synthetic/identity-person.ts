// Persons with identity traits (first name, birth and usage names, birth date, residence) and how one source
// records them: the shared core of the identity-pair and warehouse scenarios.
import { civilDateFromDayNumber } from "../calendar/day-number.js";
import { foldAccents } from "../data/text-normalise.js";
import { type AgeDistribution, drawBirthDay } from "./age-distribution.js";
import { applyAzertyTypo } from "./azerty-typos.js";
import { recordBirthDate } from "./date-noise.js";
import { drawCommune, drawMoveDestination, drawPostalCode, type Geography } from "./geography.js";
import { drawFirstName, drawSurname, type NameTable } from "./name-table.js";
import { isCompoundName, writeCompoundFirstName } from "./name-variants.js";
import { drawChance, type RandomStream } from "./random-stream.js";
import type { IdentityPopulationOptions, ResolvedIdentityNoiseOptions } from "./synthetic-options.js";

/** Columns of an identity record, after its id column. */
export const IDENTITY_COLUMNS = [
  "first_name",
  "birth_name",
  "usage_name",
  "sex",
  "birth_date",
  "commune_code",
  "postal_code",
] as const;

export interface IdentityPerson {
  readonly sex: 1 | 2;
  readonly birthDay: number;
  readonly firstName: string;
  readonly birthName: string;
  /** Spouse's surname (or birth name joined to it) carried as usage name; "" when none. */
  readonly usageName: string;
  readonly commune: number;
  /** One of the commune's postal codes: the one of the person's address. */
  readonly postalCode: string;
}

/** Reference data the identity scenarios draw from. */
export interface IdentityReference {
  readonly names: NameTable;
  readonly geography: Geography;
}

/** Youngest age at which the population model gives a woman a spouse's usage name. */
const USAGE_NAME_MINIMUM_AGE = 23;

export function drawIdentityPerson(
  random: RandomStream,
  reference: IdentityReference,
  population: IdentityPopulationOptions,
  ages: AgeDistribution,
): IdentityPerson {
  const sex = drawChance(random, 0.5) ? 1 : 2;
  const birthDay = drawBirthDay(random, ages);
  const birthYear = civilDateFromDayNumber(birthDay).year;
  const firstName = drawFirstName(reference.names, sex, birthYear, random);
  const birthName = drawSurname(reference.names, birthYear, random);
  let usageName = "";
  if (
    sex === 2 &&
    population.referenceYear - birthYear >= USAGE_NAME_MINIMUM_AGE &&
    drawChance(random, population.marriedWomenUsageNameRate)
  ) {
    // The spouse is taken from the same generation; a spouse with the same name leaves nothing to see.
    const spouseName = drawSurname(reference.names, birthYear, random);
    if (spouseName !== birthName) {
      usageName = drawChance(random, population.doubleUsageNameShare)
        ? `${birthName}-${spouseName}`
        : spouseName;
    }
  }
  const commune = drawCommune(reference.geography, random);
  const postalCode = drawPostalCode(reference.geography, commune, random);
  return { sex, birthDay, firstName, birthName, usageName, commune, postalCode };
}

function recordFirstName(person: IdentityPerson, noise: ResolvedIdentityNoiseOptions, random: RandomStream) {
  if (!isCompoundName(person.firstName) || !drawChance(random, noise.compoundFirstNameVariantRate)) {
    return person.firstName;
  }
  return writeCompoundFirstName(person.firstName, drawChance(random, 0.5) ? "spaced" : "firstPart");
}

/**
 * The person as one source records it (values in `IDENTITY_COLUMNS` order). Every noise draw is made from
 * `random`, the record's own stream, in a fixed order.
 */
export function recordIdentity(
  person: IdentityPerson,
  reference: IdentityReference,
  noise: ResolvedIdentityNoiseOptions,
  random: RandomStream,
): string[] {
  let firstName = recordFirstName(person, noise, random);
  let birthName = person.birthName;
  let usageName = person.usageName;
  if (usageName !== "") {
    // Many sources only know the name in current use and file it as "the" name.
    if (drawChance(random, noise.usageNameAsBirthNameRate)) {
      birthName = usageName;
      usageName = "";
    } else if (drawChance(random, noise.missingUsageNameRate)) {
      usageName = "";
    }
  }
  if (drawChance(random, noise.accentLossRate)) {
    firstName = foldAccents(firstName);
    birthName = foldAccents(birthName);
    usageName = foldAccents(usageName);
  }
  if (drawChance(random, noise.firstNameTypoRate)) firstName = applyAzertyTypo(firstName, random);
  if (drawChance(random, noise.surnameTypoRate)) {
    birthName = applyAzertyTypo(birthName, random);
    if (usageName !== "") usageName = applyAzertyTypo(usageName, random);
  }
  if (drawChance(random, noise.nameSwapRate)) [firstName, birthName] = [birthName, firstName];
  if (drawChance(random, noise.missingFirstNameRate)) firstName = "";
  const sex = drawChance(random, noise.sexErrorRate) ? 3 - person.sex : person.sex;
  const birthDate = recordBirthDate(
    person.birthDay,
    {
      shiftRate: noise.birthDateShiftRate,
      dayMonthSwapRate: noise.dayMonthSwapRate,
      missingRate: noise.missingBirthDateRate,
    },
    random,
  );
  const geography = reference.geography;
  let commune = person.commune;
  let postalCode = person.postalCode;
  if (drawChance(random, noise.moverRate)) {
    commune = drawMoveDestination(geography, person.commune, noise.moverNeighbourShare, random);
    postalCode = drawPostalCode(geography, commune, random);
  }
  return [
    firstName,
    birthName,
    usageName,
    String(sex),
    birthDate,
    drawChance(random, noise.missingCommuneRate) ? "" : geography.communeCodes[commune],
    drawChance(random, noise.missingPostalCodeRate) ? "" : postalCode,
  ];
}
