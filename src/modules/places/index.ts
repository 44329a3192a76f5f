export { hoursFromFreeText, type FreeTextHours } from './places.hours.ts';
import './places.policy.ts';
export { placeFields, placeFieldOrder, placeFieldLabels, ridetMessage, type PlaceFields, type PlaceFieldName } from './places.forms.ts';
export { createPlace, updatePlace, assignPlaceManager, upsertImportedPlaces, sameUnmapped, searchTextOf, diffPlace, type ImportedPlace, type UpsertOutcome } from './places.commands.ts';
export { findPlace, findPlaces, placesManagedBy, managedScope, placesOfOrganisation, placeByImportKey, placesByImportKeys, allPlaces, type Place } from './places.queries.ts';
export { readFilters, searchQuery, searchPlaces, noFilters, filterParams, distanceChoices, type PlaceFilters, type SearchResult, type HoursCheck } from './places.search.ts';
export { placeManageRoutes } from './places.manage.routes.tsx';
export { submitReport, answerReport, closeReport } from './places.reports.commands.ts';
export { reportTopics, reportStatuses, type ReportTopic, type ReportStatus } from './places.reports.schema.ts';
export { mergePlaces, mergedFields, defaultChoices, type FieldChoices } from './places.merge.ts';
export { planImport, applyImport, planReport, parseImportFile, importFormatLabels, unmappedFieldLabels, mainPostcodes, demoPlacesFile, type ImportPlan, type ImportRow, type ImportSummary, type ImportFormat } from './places.import.ts';
export { exportPlaces, renderExport, standardRow, extendedRow, standardColumns, extendedColumns, unknownPivot, type ExportFormat } from './places.export.ts';
export { parseCsv, toCsv } from './places.csv.ts';
export {
  DAYS,
  publicHolidays,
  publicHolidayOn,
  validateOpeningHours,
  openingHoursField,
  openNow,
  nextOpening,
  hoursStatus,
  openAtWeekend,
  formFromOsm,
  osmFromForm,
  hoursFormSchema,
  hoursFormValues,
  hoursFieldOrder,
  type Day,
  type HoursStatus,
  type HoursForm,
  type PublicHoliday,
} from './places.hours.ts';
