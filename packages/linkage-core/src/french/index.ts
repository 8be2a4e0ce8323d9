// Public API of the French-domain comparators: phonetics, names, partial birth dates, death dates, commune
// geography, PMSI geographic codes and hospital-stay event sets.

export {
  type AttachEventColumnOptions,
  type AttachedEvents,
  attachEventColumn,
} from "./attach-event-column.js";
export {
  compareDeathDates,
  type DeathDateCategory,
  deathDateCategories,
  deathDatesAgree,
  parseDeathDate,
  parsedDeathDatesAgree,
  SNDS_MISSING_DEATH_YEAR,
} from "./death-dates.js";
export { foldAccentsToUpperCase, foldToLetters } from "./fold-accents.js";
export { type PartialDate, parseDayNumber, parsePartialDate } from "./french-dates.js";
export {
  anyNameMatches,
  compareFrenchNames,
  type FrenchNameCategory,
  type FrenchNameForms,
  type FrenchNameOptions,
  frenchNameCategories,
  frenchNameForms,
  frenchNameFormsAgree,
  frenchNamesAgree,
  nameVariants,
  normaliseFrenchName,
} from "./french-names.js";
export {
  arrondissementsOfCity,
  type CommuneCategory,
  cityCodeOfCommune,
  communeCategories,
  communeName,
  communesAgree,
  communesOfPostalCode,
  compareCommunes,
  currentCommuneCode,
  departementOfCommune,
  isPostalCodeCompatible,
  postalCodesOfCommune,
  type ResolvedCommune,
  regionOfCommune,
  regionOfDepartement,
  resolveCommune,
  resolvedCommunesAgree,
} from "./geography.js";
export { GEOGRAPHY_YEAR } from "./geography-data.js";
export {
  type BuildStaysOptions,
  buildStaysFromColumn,
  buildStaysFromEvents,
  buildStaysOfValues,
  EstablishmentCodes,
  type HospitalStays,
  STAY_FIELD_SEPARATOR,
  STAY_SEPARATOR,
  type StayEvent,
} from "./hospital-stays.js";
export {
  comparePartialBirthDates,
  type PartialDateCategory,
  parsedBirthDatesAgree,
  partialBirthDatesAgree,
  partialDateCategories,
} from "./partial-dates.js";
export {
  type PhoneticAlgorithm,
  type PhoneticEncoder,
  phoneticAlgorithms,
  phoneticCode,
} from "./phonetics.js";
export {
  buildPmsiGeographicTable,
  comparePmsiCodeToCommune,
  type PmsiAgreementCategory,
  type PmsiCommuneCategory,
  type PmsiComparisonOptions,
  type PmsiFacts,
  type PmsiGeographicCode,
  type PmsiGeographicTable,
  parsePmsiGeographicCode,
  pmsiAgreementCategories,
  pmsiCodeAgrees,
  pmsiFacts,
  pmsiFactsAgree,
} from "./pmsi-geography.js";
export {
  compareHospitalStays,
  countMatchingStays,
  finessDepartement,
  type StayBlockingKeyOptions,
  type StayEstablishmentMatch,
  type StayMatchCategory,
  type StayMatchingOptions,
  stayBlockingKeys,
  stayCount,
  stayMatchCategories,
} from "./stay-matching.js";
