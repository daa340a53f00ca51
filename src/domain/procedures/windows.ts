import type { TimeWindow } from './schema';

/**
 * Time rules of the manual (PSCP's test environment hours, IP changes after 15:00) evaluated in
 * the window's own time zone, whatever the agent's computer is set to.
 */
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface LocalTime {
  readonly day: (typeof DAY_KEYS)[number];
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(now: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as LocalTime['day'];
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface WindowStatus {
  readonly open: boolean;
  /** Minutes until the window opens (when closed), within the next week. */
  readonly opensInMinutes?: number;
}

export function windowStatus(w: TimeWindow, now: Date): WindowStatus {
  const t = localTime(now, w.timeZone);
  const from = toMinutes(w.from);
  const to = toMinutes(w.to);
  const dayOpen = (w.days as readonly string[]).includes(t.day);
  if (dayOpen && t.minutes >= from && t.minutes < to) return { open: true };
  // Walk forward day by day (at most a week) to the next opening.
  const today = DAY_KEYS.indexOf(t.day);
  for (let offset = 0; offset <= 7; offset++) {
    const day = DAY_KEYS[(today + offset) % 7] ?? 'mon';
    if (!(w.days as readonly string[]).includes(day)) continue;
    const minutes = offset * 1440 + from - t.minutes;
    if (minutes > 0) return { open: false, opensInMinutes: minutes };
  }
  return { open: false };
}
