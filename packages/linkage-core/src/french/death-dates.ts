// Comparison of death dates where "no date" means alive (or not known dead), and the SNDS writes 1600-01-01 for
// "no death date". Both-missing is a category of its own, not a null: two living people agree on being alive.
import { dayNumber } from "../calendar/day-number.js";
import { BoundedCache } from "./bounded-cache.js";
import { type PartialDate, parsePartialDate } from "./french-dates.js";

/** How two death dates agree, most similar first. */
export type DeathDateCategory =
  | "exact"
  | "withinOneDay"
  | "withinSevenDays"
  | "sameMonth"
  | "deadOnOneSideOnly"
  | "bothAlive"
  | "else";

export const deathDateCategories: readonly DeathDateCategory[] = [
  "exact",
  "withinOneDay",
  "withinSevenDays",
  "sameMonth",
  "deadOnOneSideOnly",
  "bothAlive",
  "else",
];

/** Year the SNDS uses for "no death date" (1600-01-01, 1600-01 or 160001 depending on the table). */
export const SNDS_MISSING_DEATH_YEAR = 1600;

/**
 * A death date read from a value: null when the value is null, empty, unreadable or the SNDS placeholder.
 * Unreadable values count as missing because a death comparison has no null level to put them in; check your
 * data with parsePartialDate first if that matters.
 */
export function parseDeathDate(value: string | null): PartialDate | null {
  return value === null ? null : parsedDeathDates.get(value, readDeathDate);
}

const parsedDeathDates = new BoundedCache<PartialDate | null>();

function readDeathDate(value: string): PartialDate | null {
  const date = parsePartialDate(value);
  return date === null || date.year === SNDS_MISSING_DEATH_YEAR ? null : date;
}

type Dated = (left: PartialDate, right: PartialDate) => boolean;

function daysApart(left: PartialDate, right: PartialDate): number | null {
  if (left.day === null || right.day === null) return null;
  return Math.abs(
    dayNumber(left.year, left.month!, left.day) - dayNumber(right.year, right.month!, right.day),
  );
}

function withinDays(limit: number): Dated {
  return (left, right) => {
    const gap = daysApart(left, right);
    return gap !== null && gap <= limit;
  };
}

// Predicates on two known dates; categories about missing dates are decided before these run.
const datedAgreements: Record<"exact" | "withinOneDay" | "withinSevenDays" | "sameMonth", Dated> = {
  exact: withinDays(0),
  withinOneDay: withinDays(1),
  withinSevenDays: withinDays(7),
  // Same calendar month; a date known only to the month agrees at this level and no higher.
  sameMonth: (left, right) => left.month !== null && left.year === right.year && left.month === right.month,
};

/** The most similar category between two death dates (null, "" and the SNDS placeholder mean no death date). */
export function compareDeathDates(left: string | null, right: string | null): DeathDateCategory {
  const leftDate = parseDeathDate(left);
  const rightDate = parseDeathDate(right);
  if (leftDate === null || rightDate === null) {
    return leftDate === null && rightDate === null ? "bothAlive" : "deadOnOneSideOnly";
  }
  if (datedAgreements.exact(leftDate, rightDate)) return "exact";
  if (datedAgreements.withinOneDay(leftDate, rightDate)) return "withinOneDay";
  if (datedAgreements.withinSevenDays(leftDate, rightDate)) return "withinSevenDays";
  if (datedAgreements.sameMonth(leftDate, rightDate)) return "sameMonth";
  return "else";
}

/** Whether this category holds between two death dates, on its own terms ("else" always holds). */
export function deathDatesAgree(
  left: string | null,
  right: string | null,
  category: DeathDateCategory,
): boolean {
  return parsedDeathDatesAgree(parseDeathDate(left), parseDeathDate(right), category);
}

/**
 * `deathDatesAgree` on dates already read by `parseDeathDate` (null = no death date), as the comparison engine
 * calls it with each distinct value read once.
 */
export function parsedDeathDatesAgree(
  leftDate: PartialDate | null,
  rightDate: PartialDate | null,
  category: DeathDateCategory,
): boolean {
  switch (category) {
    case "bothAlive":
      return leftDate === null && rightDate === null;
    case "deadOnOneSideOnly":
      return (leftDate === null) !== (rightDate === null);
    case "else":
      return true;
    default:
      return leftDate !== null && rightDate !== null && datedAgreements[category](leftDate, rightDate);
  }
}
