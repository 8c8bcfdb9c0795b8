// Calendar arithmetic for due dates, in China Standard Time (UTC+8, no daylight saving): a rule
// that says "within 6 months" or "within 20 working days" counts local calendar days, whatever
// the time zone of the machine that evaluates it.
// NOTE: working days are Monday–Friday; public holidays and the make-up working weekends
// (调休) are ignored, so a deadline that spans 国庆 or 春节 comes out earlier than the official one.

export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar day: year, month 1–12, day 1–31. */
export type LocalDate = { y: number; m: number; d: number };

/** The China-time calendar day of an instant. */
export function chinaDate(instant: string | Date | number): LocalDate {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  const t = new Date(ms + OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `n` calendar months later; a day missing from the target month becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const index = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

/**
 * The n-th working day after `date` (the day itself does not count: published on a Friday, the
 * first working day is the Monday after).
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  let t = Date.UTC(date.y, date.m - 1, date.d);
  let left = n;
  while (left > 0) {
    t += DAY_MS;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  const r = new Date(t);
  return { y: r.getUTCFullYear(), m: r.getUTCMonth() + 1, d: r.getUTCDate() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * The last instant of a China-time day, as ISO-8601 with its +08:00 offset — a due date is met
 * anywhere on that day and missed from the next.
 */
export function endOfChinaDay(date: LocalDate): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}T23:59:59.999+08:00`;
}

/** The first instant (epoch ms) of the China-time day after the one `instant` falls on. */
export function startOfNextChinaDay(instant: number): number {
  return Date.parse(endOfChinaDay(chinaDate(instant))) + 1;
}
