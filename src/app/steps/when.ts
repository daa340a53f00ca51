/** A date-time as the agent reads it, short; the ISO text itself when it is not a date. */
export function when(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-ES`, { dateStyle: 'short', timeStyle: 'short' });
}
