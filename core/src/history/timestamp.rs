//! [`Timestamp`]: a point in time as the history APIs send it (ISO 8601 text or a Unix
//! time number), kept as milliseconds since the Unix epoch.

use std::fmt;

use serde::de::{Error, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, in milliseconds since the Unix epoch (UTC).
///
/// Read from ISO 8601 / RFC 3339 text (`2021-04-29T03:24:34.550Z`, a space instead of
/// `T`, any fraction of a second, `Z`, `±hh:mm`, `±hhmm` or no offset = UTC, or a bare
/// date), or from a Unix time number (seconds, or milliseconds when it is too large to
/// be seconds), by [`Timestamp::parse`] and [`Timestamp::from_unix_number`] or serde.
/// Written (`Display`, serde) as RFC 3339 in UTC with milliseconds.
///
/// # Usage
/// ```
/// use immail_meet_core::Timestamp;
/// let t = Timestamp::parse("2021-04-29T05:24:34.55+02:00").unwrap();
/// assert_eq!(t.to_string(), "2021-04-29T03:24:34.550Z");
/// assert_eq!(t.unix_millis(), 1_619_666_674_550);
/// assert_eq!(Timestamp::parse("yesterday"), None);
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser. Components
/// show it in the reader's local time zone, which only the browser knows: rendered on
/// the server it reads as UTC until hydration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Unix times at or above this (in absolute value) are milliseconds, not seconds
/// (1e11 seconds is the year 5138; 1e11 milliseconds is 1973).
const MILLIS_THRESHOLD: f64 = 1e11;

impl Timestamp {
    /// The time `ms` milliseconds after the Unix epoch.
    pub fn from_unix_millis(ms: i64) -> Self {
        Self(ms)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(self) -> i64 {
        self.0
    }

    /// A Unix time number: seconds, or milliseconds when at least 1e11. `None` when not
    /// finite or out of range.
    pub fn from_unix_number(n: f64) -> Option<Self> {
        let ms = if n.abs() >= MILLIS_THRESHOLD {
            n
        } else {
            n * 1000.0
        };
        (ms.is_finite() && ms.abs() < 1e16).then_some(Self(ms as i64))
    }

    /// Parses ISO 8601 / RFC 3339 text; `None` if it is not a valid date and time.
    pub fn parse(text: &str) -> Option<Self> {
        let mut s = Scanner(text.trim().as_bytes());
        let year = s.digits(4)?;
        s.byte(b'-')?;
        let month = s.digits(2)?;
        s.byte(b'-')?;
        let day = s.digits(2)?;
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let mut ms = days_from_civil(year, month, day) * 86_400_000;
        if s.0.is_empty() {
            return Some(Self(ms));
        }
        match s.next()? {
            b'T' | b't' | b' ' => {}
            _ => return None,
        }
        let hour = s.digits(2)?;
        s.byte(b':')?;
        let minute = s.digits(2)?;
        let second = if s.peek() == Some(b':') {
            s.next();
            s.digits(2)?
        } else {
            0
        };
        // 60 is a leap second: counted as the last millisecond of 59.
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut millis = 0;
        if matches!(s.peek(), Some(b'.' | b',')) {
            s.next();
            let mut scale = 100;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = s.peek() {
                s.next();
                millis += i64::from(d - b'0') * scale;
                scale /= 10;
                any = true;
            }
            if !any {
                return None;
            }
        }
        if second == 60 {
            millis = 999;
        }
        ms += ((hour * 60 + minute) * 60 + second.min(59)) * 1000 + millis;
        let offset_minutes = match s.next() {
            None | Some(b'Z' | b'z') => 0,
            Some(sign @ (b'+' | b'-')) => {
                let hours = s.digits(2)?;
                if s.peek() == Some(b':') {
                    s.next();
                }
                let minutes = s.digits(2)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = hours * 60 + minutes;
                if sign == b'-' {
                    -offset
                } else {
                    offset
                }
            }
            Some(_) => return None,
        };
        s.0.is_empty().then(|| Self(ms - offset_minutes * 60_000))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC with milliseconds: `2021-04-29T03:24:34.550Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400_000);
        let ms = self.0.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        let (hour, minute, second) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{:03}Z",
            ms % 1000
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// ISO 8601 text or a Unix time number, as [`Timestamp::parse`] and
    /// [`Timestamp::from_unix_number`] read them.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date and time")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Timestamp, E> {
        Timestamp::parse(text).ok_or_else(|| E::invalid_value(Unexpected::Other("text"), &self))
    }

    fn visit_f64<E: Error>(self, n: f64) -> Result<Timestamp, E> {
        Timestamp::from_unix_number(n)
            .ok_or_else(|| E::invalid_value(Unexpected::Other("number"), &self))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<Timestamp, E> {
        self.visit_f64(n as f64)
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<Timestamp, E> {
        self.visit_f64(n as f64)
    }
}

/// Reads a fixed pattern byte by byte (no slicing that could panic).
struct Scanner<'a>(&'a [u8]);

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn next(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn byte(&mut self, expected: u8) -> Option<()> {
        (self.next()? == expected).then_some(())
    }

    /// Exactly `n` ASCII digits, as a number.
    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut value = 0;
        for _ in 0..n {
            match self.next()? {
                d @ b'0'..=b'9' => value = value * 10 + i64::from(d - b'0'),
                _ => return None,
            }
        }
        Some(value)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let march_month = (month + 9) % 12; // March = 0
    let day_of_year = (153 * march_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * march_month + 2) / 5 + 1;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(17) {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
