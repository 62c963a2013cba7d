//! HTTP range requests (RFC 9110 §14) for recording downloads: one byte range per
//! request, which is what download managers and browsers resuming a download send.
//!
//! | `Range` header | outcome |
//! | --- | --- |
//! | absent, another unit, or several ranges | the whole file (`200`): allowed by RFC 9110 |
//! | `bytes=a-b`, `bytes=a-`, `bytes=-n` | that part (`206`), clipped to the file |
//! | a range starting past the end, `bytes=-0`, or malformed (`bytes=5-2`, `bytes=x`) | `416` with `Content-Range: bytes */<length>` |

use std::fmt;

/// One byte range as asked for, before the file's length is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeSpec {
    /// `bytes=first-last` (inclusive).
    FromTo(u64, u64),
    /// `bytes=first-`: to the end.
    From(u64),
    /// `bytes=-n`: the last `n` bytes.
    Suffix(u64),
}

/// What a `Range` header asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeRequest {
    /// The whole file (no header, another unit, several ranges).
    Whole,
    /// One range.
    One(RangeSpec),
    /// A `bytes` range that cannot be read: answered with `416`.
    Invalid,
}

impl RangeRequest {
    /// Reads a `Range` header value.
    ///
    /// ```
    /// use immail_meet_server::range::{RangeRequest, RangeSpec};
    /// assert_eq!(RangeRequest::parse(Some("bytes=0-99")), RangeRequest::One(RangeSpec::FromTo(0, 99)));
    /// assert_eq!(RangeRequest::parse(Some("bytes=0-1,5-6")), RangeRequest::Whole);
    /// assert_eq!(RangeRequest::parse(Some("bytes=9-2")), RangeRequest::Invalid);
    /// ```
    pub fn parse(header: Option<&str>) -> Self {
        let Some(header) = header else {
            return Self::Whole;
        };
        let Some((unit, set)) = header.trim().split_once('=') else {
            return Self::Invalid;
        };
        if !unit.trim().eq_ignore_ascii_case("bytes") {
            return Self::Whole;
        }
        if set.contains(',') {
            return Self::Whole;
        }
        let Some((first, last)) = set.trim().split_once('-') else {
            return Self::Invalid;
        };
        let number = |text: &str| {
            let text = text.trim();
            (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<u64>().ok())
                .flatten()
        };
        match (first.trim().is_empty(), number(first), number(last)) {
            (true, _, Some(n)) => Self::One(RangeSpec::Suffix(n)),
            (false, Some(a), None) if last.trim().is_empty() => Self::One(RangeSpec::From(a)),
            (false, Some(a), Some(b)) if a <= b => Self::One(RangeSpec::FromTo(a, b)),
            _ => Self::Invalid,
        }
    }

    /// What to send of a file of `length` bytes: `Ok(None)` the whole file,
    /// `Ok(Some(part))` one part, `Err(length)` a `416` (a range outside the file, or an
    /// unreadable one).
    ///
    /// ```
    /// use immail_meet_server::range::{ByteRange, RangeRequest};
    /// assert_eq!(RangeRequest::parse(Some("bytes=-10")).resolve(100), Ok(Some(ByteRange { start: 90, end: 99 })));
    /// assert_eq!(RangeRequest::parse(None).resolve(100), Ok(None));
    /// assert_eq!(RangeRequest::parse(Some("bytes=200-")).resolve(100), Err(100));
    /// ```
    pub fn resolve(self, length: u64) -> Result<Option<ByteRange>, u64> {
        match self {
            Self::Whole => Ok(None),
            Self::One(spec) => spec.resolve(length).map(Some).ok_or(length),
            Self::Invalid => Err(length),
        }
    }
}

/// A satisfiable range of a file of known length: `start..=end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteRange {
    /// First byte.
    pub start: u64,
    /// Last byte (inclusive).
    pub end: u64,
}

impl ByteRange {
    /// How many bytes it holds.
    pub fn len(&self) -> u64 {
        self.end - self.start + 1
    }

    /// Never empty; for clippy's `len` rule.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl fmt::Display for ByteRange {
    /// `start-end`, as in `Content-Range: bytes start-end/length`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl RangeSpec {
    /// The bytes this asks for in a file of `length` bytes, clipped to its end; `None`
    /// if none of them exist (start past the end, an empty file, `bytes=-0`).
    pub fn resolve(self, length: u64) -> Option<ByteRange> {
        let last = length.checked_sub(1)?;
        let (start, end) = match self {
            Self::FromTo(a, b) => (a, b.min(last)),
            Self::From(a) => (a, last),
            Self::Suffix(0) => return None,
            Self::Suffix(n) => (length.saturating_sub(n), last),
        };
        (start <= end).then_some(ByteRange { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_single_byte_ranges() {
        use RangeRequest::*;
        use RangeSpec::*;
        for (header, expected) in [
            (None, Whole),
            (Some("bytes=0-0"), One(FromTo(0, 0))),
            (Some(" bytes = 10 - 20 "), One(FromTo(10, 20))),
            (Some("BYTES=5-"), One(From(5))),
            (Some("bytes=-500"), One(Suffix(500))),
            (Some("items=0-5"), Whole),
            (Some("bytes=0-1, 4-5"), Whole),
            (Some("bytes=5-2"), Invalid),
            (Some("bytes=abc"), Invalid),
            (Some("bytes=-"), Invalid),
            (Some("bytes=1-x"), Invalid),
            (Some("bytes=+1-2"), Invalid),
            (Some("bytes=99999999999999999999-"), Invalid),
            (Some("bytes"), Invalid),
            (Some(""), Invalid),
        ] {
            assert_eq!(RangeRequest::parse(header), expected, "{header:?}");
        }
    }

    #[test]
    fn resolves_against_the_length() {
        let r = |spec: RangeSpec, length| spec.resolve(length).map(|r| (r.start, r.end));
        assert_eq!(r(RangeSpec::FromTo(0, 99), 1000), Some((0, 99)));
        assert_eq!(r(RangeSpec::FromTo(900, 5000), 1000), Some((900, 999)));
        assert_eq!(r(RangeSpec::From(999), 1000), Some((999, 999)));
        assert_eq!(r(RangeSpec::From(1000), 1000), None);
        assert_eq!(r(RangeSpec::Suffix(10), 1000), Some((990, 999)));
        assert_eq!(r(RangeSpec::Suffix(5000), 1000), Some((0, 999)));
        assert_eq!(r(RangeSpec::Suffix(0), 1000), None);
        assert_eq!(r(RangeSpec::FromTo(0, 0), 0), None);
        assert_eq!(RangeSpec::FromTo(5, 9).resolve(100).unwrap().len(), 5);
        assert_eq!(
            RangeSpec::FromTo(5, 9).resolve(100).unwrap().to_string(),
            "5-9"
        );
    }
}
