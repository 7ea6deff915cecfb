// Dates and times as Belgians write them (day/month/year, 24-hour clock), whatever the
// web view's own date inputs do: WebKitGTK shows month/day/year whatever the page's
// language, and 12/01/2026 reads as the 12th of January in Brussels.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01" → "01/12/2026" ("" when the value is not a date). */
export function showDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What a person typed → "YYYY-MM-DD", or null when it is not a day of the calendar.
 * Day, month, year separated by / - . or spaces ("1/12/2026", "01.12.26"), or ISO
 * ("2026-12-01"). Two-digit years are this century's.
 */
export function readDate(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[3].length === 2) y += 2000;
  }
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return null;
  // The last day of that month (0th day of the next one), leap years included.
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A time typed as "19:30", "19h30", "19.30", "19h" or "19" → "19:30"; null otherwise. */
export function readTime(text: string): string | null {
  const m = /^(\d{1,2})(?:\s*[:hH.u]\s*(\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? '0')];
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** "2026-12-01" → "mardi 1 décembre 2026" in `locale` ("" when not a date). */
export function longDate(iso: string, locale: string): string {
  if (!showDate(iso)) return '';
  // Noon UTC: the same calendar day in every time zone.
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });
}
