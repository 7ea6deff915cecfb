//! Which backups to keep, as Anki keeps its collection's: the last [`LAST`], then the
//! newest of each day for [`DAYS`] days, of each week for [`WEEKS`] weeks, of each month
//! for [`MONTHS`] months; older ones go. The clock is passed in, so a test can jump
//! through a year.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, Utc};

/// The newest backups kept whatever their age.
pub const LAST: usize = 10;
/// Days with one backup kept each, after the last ones.
pub const DAYS: i64 = 14;
/// Weeks with one backup kept each, after the days.
pub const WEEKS: i64 = 8;
/// Months with one backup kept each, after the weeks.
pub const MONTHS: i64 = 12;

/// Which period a backup of age `age` stands for, if it is still kept at all.
fn period(t: DateTime<Utc>, age: Duration) -> Option<(u8, i32, u32)> {
    let days = Duration::days(DAYS);
    let weeks = days + Duration::weeks(WEEKS);
    // A month as the calendar counts them back from the end of the weekly window.
    let months = weeks + Duration::days(MONTHS * 31);
    if age < days {
        Some((0, t.year(), t.ordinal()))
    } else if age < weeks {
        let w = t.iso_week();
        Some((1, w.year(), w.week()))
    } else if age < months {
        Some((2, t.year(), t.month()))
    } else {
        None
    }
}

/// The indices into `times` (when each backup was made) of the backups to remove at
/// `now`. A backup from the future (a clock set back) counts as made now.
pub fn to_remove(times: &[DateTime<Utc>], now: DateTime<Utc>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    // Newest first; equal times by index, so the answer never depends on the listing.
    order.sort_by(|&a, &b| times[b].cmp(&times[a]).then(a.cmp(&b)));
    let mut seen = BTreeSet::new();
    let mut remove = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        if rank < LAST {
            continue;
        }
        let age = (now - times[i]).max(Duration::zero());
        match period(times[i], age) {
            Some(p) if seen.insert(p) => {}
            _ => remove.push(i),
        }
    }
    remove.sort_unstable();
    remove
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn the_last_ten_are_kept_whatever_their_age() {
        let old: Vec<_> = (0..10)
            .map(|d| at("2020-01-01T10:00:00Z") + Duration::days(d))
            .collect();
        assert!(to_remove(&old, at("2026-12-04T10:00:00Z")).is_empty());
    }

    /// A year of an office's work: a backup every half hour from 9:00 to 17:00 on
    /// weekdays, thinned after each one, as the app does.
    #[test]
    fn a_simulated_year_keeps_days_weeks_and_months() {
        let start = at("2026-01-05T09:00:00Z"); // a Monday
        let mut kept: Vec<DateTime<Utc>> = Vec::new();
        let mut now = start;
        let end = start + Duration::days(400);
        let mut made = 0;
        while now < end {
            if now.weekday().num_days_from_monday() < 5 {
                for half_hour in 0..16 {
                    let t = now + Duration::minutes(30 * half_hour);
                    kept.push(t);
                    made += 1;
                    let gone = to_remove(&kept, t);
                    for i in gone.into_iter().rev() {
                        kept.remove(i);
                    }
                }
            }
            now += Duration::days(1);
        }
        let now = *kept.iter().max().unwrap();
        kept.sort();
        kept.reverse();
        assert!(made > 4000);
        // The last ten, untouched.
        for (i, t) in kept.iter().take(LAST).enumerate() {
            assert_eq!(*t, now - Duration::minutes(30 * i as i64), "{i}");
        }
        // At most one per period beyond those, and nothing past the monthly window.
        assert!(
            kept.len() <= LAST + (DAYS + WEEKS) as usize + MONTHS as usize + 2,
            "{}",
            kept.len()
        );
        let oldest = *kept.last().unwrap();
        assert!(
            now - oldest
                <= Duration::days(DAYS) + Duration::weeks(WEEKS) + Duration::days(MONTHS * 31)
        );
        // Every working day of the last two weeks has a backup.
        for d in 1..DAYS {
            let day = (now - Duration::days(d)).date_naive();
            if day.weekday().num_days_from_monday() < 5 {
                assert!(kept.iter().any(|t| t.date_naive() == day), "{day}");
            }
        }
        // Every week of the eight after them, and every month of the year before.
        for w in 3..=WEEKS {
            let week = (now - Duration::weeks(w)).iso_week();
            assert!(kept.iter().any(|t| t.iso_week() == week), "week {week:?}");
        }
        for m in 3..=11 {
            let month = now - Duration::days(31 * m);
            assert!(
                kept.iter()
                    .any(|t| (t.year(), t.month()) == (month.year(), month.month())),
                "month {}-{}",
                month.year(),
                month.month()
            );
        }
        // Thinning what was kept again removes nothing: the answer is stable.
        assert!(to_remove(&kept, now).is_empty());
    }

    #[test]
    fn a_backup_from_the_future_is_not_removed_for_it() {
        let now = at("2026-12-04T10:00:00Z");
        let mut times: Vec<_> = (0..10).map(|i| now - Duration::minutes(i)).collect();
        times.push(now + Duration::days(3));
        assert!(to_remove(&times, now).is_empty());
    }
}
