import { OFFICE_TIME_ZONE, officeDayOf } from '../../shared/domain';

/** Time as the services see it; tests pass a fake `now`. */
export interface Clock {
  now(): number;
  officeDay(): string;
  readonly timeZone: string;
}

export function createClock(now: () => number = Date.now, timeZone = OFFICE_TIME_ZONE): Clock {
  return { now, officeDay: () => officeDayOf(now(), timeZone), timeZone };
}
