export * from './officeDay';
export * from './ticketNumber';
export * from './callOrder';
export * from './waitEstimate';
export * from './callForecast';
export * from './ticketStatus';
export * from './textFold';
export * from './collate';
// The working-time modules export a few @internal helpers to each other; only the public names go out here.
export {
  MINUTE_MS,
  HOUR_MS,
  DAY_MS,
  OFFICE_UTC_OFFSET_MS,
  WORKING_HOURS_PER_DAY,
  MAX_WORKING_HOURS,
  type OfficeSession,
  type OfficeHours,
  DEFAULT_OFFICE_HOURS,
  type CalendarDayKind,
  type CalendarDay,
  type WorkingCalendar,
  dayNumberOfDate,
  dateOfDayNumber,
  officeDayNumber,
  dayStartMs,
  type CalendarOptions,
  createCalendar,
  calendarFromDays,
  isWorkingDay,
  isOpenAt,
  nextOpening,
} from './workingCalendar';
export { addWorkingHours, workingHoursBetween } from './workingHours';
export * from './dueDate';
export * from './dueStatus';
export * from './dueFormat';
export * from './holidays-vn';
export * from './dossier';
export * from './satisfaction';
export * from './voiceCall';
export * from './kioskLookup';
export * from './listenAddress';
export * from './demoPins';
export * from './lateness';
export * from './auditValues';
export * from './rescanGuard';
export * from './index766';
export * from './forms';
export * from './vietQr';
