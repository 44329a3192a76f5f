/**
 * Opening hours of places — the door of `hours/`.
 *
 * Hours are stored as an OpenStreetMap `opening_hours` string (https://wiki.openstreetmap.org/wiki/Key:opening_hours)
 * and read with the `opening_hours` library. New Caledonia's public holidays are not in the library: they are
 * computed in hours/holidays.ts and put in place of `PH` before the library reads the string. Every computation
 * happens in the territory's zone (Pacific/Noumea, UTC+11 all year, no daylight saving time), whatever the
 * server's own zone.
 */
export { DAYS, minutesToHHMM, type Day, type MinuteRange } from './hours/days.ts';
export { hoursFromFreeText, type FreeTextHours } from './hours/free-text.ts';
export { publicHolidays, publicHolidayOn, type PublicHoliday } from './hours/holidays.ts';
export { HOURS_TIME_ZONE, territoryDay } from './hours/clock.ts';
export { validateOpeningHours, openingHoursField, type HoursValidation } from './hours/osm.ts';
export {
  openNow,
  nextOpening,
  hoursStatus,
  openAtWeekend,
  frenchTime,
  type HoursState,
  type HoursStatus,
} from './hours/status.ts';
export {
  allClosed,
  formFromOsm,
  hoursFieldNames,
  hoursFieldOrder,
  hoursFormSchema,
  hoursFormValues,
  normaliseTime,
  osmFromForm,
  type Closure,
  type DayHours,
  type HoursForm,
  type HoursFormOutput,
  type TimeRange,
} from './hours/form.ts';
