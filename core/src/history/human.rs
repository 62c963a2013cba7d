//! Durations and sizes for people: `1 h 2 min`, `132.6 MB`.

/// A duration in seconds, for people: `45 s`, `1 min 3 s`, `2 h 5 min`.
///
/// # Usage
/// ```
/// use immail_meet_core::human_duration;
/// assert_eq!(human_duration(63), "1 min 3 s");
/// assert_eq!(human_duration(7_500), "2 h 5 min");
/// ```
///
/// # Server-Side Rendering
/// Pure logic: works the same on the server and in the browser.
pub fn human_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    let mut part = |n: u64, unit: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&n.to_string());
        out.push(' ');
        out.push_str(unit);
    };
    if h > 0 {
        part(h, "h");
        if m > 0 {
            part(m, "min");
        }
    } else if m > 0 {
        part(m, "min");
        if s > 0 {
            part(s, "s");
        }
    } else {
        part(s, "s");
    }
    out
}

/// A size in bytes, for people, in SI units with one decimal: `900 B`, `1.5 kB`,
/// `132.6 MB`.
///
/// # Usage
/// ```
/// use immail_meet_core::human_size;
/// assert_eq!(human_size(132_602_068), "132.6 MB");
/// assert_eq!(human_size(999), "999 B");
/// ```
///
/// # Server-Side Rendering
/// Pure logic: works the same on the server and in the browser.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["kB", "MB", "GB", "TB", "PB"];
    if bytes < 1000 {
        return format_parts(bytes, None, "B");
    }
    // Tenths of a unit, rounded half up, in integers (no float formatting, and no u128:
    // `whole` stays below 10^5 and `rest * 10` below 10^16).
    let (mut unit, mut shown) = (1000_u64, (0_u64, UNITS[0]));
    for name in UNITS {
        let (whole, rest) = (bytes / unit, bytes % unit);
        shown = (whole * 10 + (rest * 10 + unit / 2) / unit, name);
        if shown.0 < 10_000 {
            break;
        }
        unit *= 1000;
    }
    format_parts(shown.0 / 10, Some((shown.0 % 10) as u8), shown.1)
}

fn format_parts(whole: u64, tenth: Option<u8>, unit: &str) -> String {
    let mut out = whole.to_string();
    if let Some(tenth) = tenth {
        out.push('.');
        out.push(char::from(b'0' + tenth));
    }
    out.push(' ');
    out.push_str(unit);
    out
}
