// The two shapes of a date in the engine: a full civil date, and a date known to the year, month or day.

/** A full date of the proleptic Gregorian calendar. */
export interface CivilDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

/** A date at day, month or year precision: `month` and `day` are 0 when unknown. */
export interface CalendarDate {
  readonly year: number;
  /** 1–12, or 0 when unknown. */
  readonly month: number;
  /** 1–31, or 0 when unknown (always 0 when `month` is). */
  readonly day: number;
}
