import { describe, expect, it } from 'vitest';
import { longDate, readDate, readTime, showDate } from './dates';

describe('dates as Belgians write them', () => {
  it('shows an ISO date day first', () => {
    expect(showDate('2026-12-01')).toBe('01/12/2026');
    expect(showDate('')).toBe('');
    expect(showDate('12/01/2026')).toBe('');
  });

  it('reads day/month/year with any usual separator, and ISO', () => {
    expect(readDate('1/12/2026')).toBe('2026-12-01');
    expect(readDate(' 01.12.2026 ')).toBe('2026-12-01');
    expect(readDate('1-12-26')).toBe('2026-12-01');
    expect(readDate('1 12 2026')).toBe('2026-12-01');
    expect(readDate('2026-12-01')).toBe('2026-12-01');
    // Day first, never month first: 12/01 is the 12th of January.
    expect(readDate('12/01/2026')).toBe('2026-01-12');
  });

  it('refuses what is not a day of the calendar', () => {
    for (const bad of ['', 'demain', '31/02/2027', '29/02/2027', '0/1/2026', '1/13/2026',
      '32/1/2026', '1/1/226', '2026-13-01', '1/1/2026 19:00', '=1+1']) {
      expect(readDate(bad), bad).toBeNull();
    }
    expect(readDate('29/02/2028')).toBe('2028-02-29');
  });

  it('reads a time on the 24-hour clock', () => {
    expect(readTime('19:30')).toBe('19:30');
    expect(readTime('19h30')).toBe('19:30');
    expect(readTime('19u30')).toBe('19:30');
    expect(readTime('9.05')).toBe('09:05');
    expect(readTime('19h')).toBe('19:00');
    expect(readTime('19')).toBe('19:00');
    for (const bad of ['24:00', '19:60', '7 PM', 'soir', '']) expect(readTime(bad), bad).toBeNull();
  });

  it('writes the day out in the interface language', () => {
    expect(longDate('2026-12-01', 'fr-BE')).toBe('mardi 1 décembre 2026');
    expect(longDate('2026-12-01', 'nl-BE')).toBe('dinsdag 1 december 2026');
    expect(longDate('2026-12-01', 'en-GB')).toMatch(/^Tuesday,? 1 December 2026$/);
    expect(longDate('not a date', 'fr-BE')).toBe('');
  });
});
