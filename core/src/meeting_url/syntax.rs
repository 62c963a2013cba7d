//! The strict lexical rules meeting URLs and allow-list entries share: characters,
//! scheme, host and port, with what a browser reads as the same address normalised
//! (letter case of scheme and host, the scheme's default port) and everything else
//! that a browser might read differently refused.

use super::MeetingUrlError;

/// Printable ASCII only, and no backslash (which browsers read as `/` in http URLs).
pub(super) fn check_characters(text: &str) -> Result<(), MeetingUrlError> {
    if text.is_empty() {
        return Err(MeetingUrlError::Empty);
    }
    if text.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        Ok(())
    } else {
        Err(MeetingUrlError::InvalidCharacter)
    }
}

/// A URL scheme: a letter, then letters, digits, `+`, `-` or `.`.
pub(super) fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// `true` for `https`, `false` for `http` (in any letter case, as browsers read them);
/// any other scheme is refused, named in lower case.
pub(super) fn is_https(scheme: &str) -> Result<bool, MeetingUrlError> {
    if scheme.eq_ignore_ascii_case("https") {
        Ok(true)
    } else if scheme.eq_ignore_ascii_case("http") {
        Ok(false)
    } else {
        Err(MeetingUrlError::SchemeNotAllowed(
            scheme.to_ascii_lowercase(),
        ))
    }
}

/// Splits `host[:port]` (or `[::1]:port`), checks both parts strictly and gives them in
/// canonical form: the host in lower case, no port when it is the scheme's default
/// (`443` for https, `80` for http).
pub(super) fn split_authority(
    authority: &str,
    https: bool,
) -> Result<(String, Option<u16>), MeetingUrlError> {
    let malformed = || MeetingUrlError::MalformedHost(authority.to_owned());
    let (host, port) = match authority.strip_prefix("[::1]") {
        Some("") => ("[::1]", None),
        Some(rest) => ("[::1]", Some(rest.strip_prefix(':').ok_or_else(malformed)?)),
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let port = match port {
        None => None,
        Some(digits) => {
            // Digits without a leading zero: `:0443` or `:` alone are refused.
            let valid = !digits.is_empty()
                && digits.len() <= 5
                && !digits.starts_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit());
            let port: u16 = digits
                .parse()
                .ok()
                .filter(|_| valid)
                .ok_or_else(malformed)?;
            let default = if https { 443 } else { 80 };
            (port != default).then_some(port)
        }
    };
    let host = host.to_ascii_lowercase();
    if host == "[::1]" || is_dns_name(&host) {
        Ok((host, port))
    } else {
        Err(malformed())
    }
}

/// A lower-case DNS name or dotted IPv4 address: labels of `a-z 0-9 -`, no empty
/// label, no label starting or ending with `-`, no trailing dot. A name whose last label
/// is a number is an IPv4 address to a browser, so it must be one written canonically
/// (`127.0.0.1`, never `127.1` or `0x7f.0.0.1`).
fn is_dns_name(host: &str) -> bool {
    let labels_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    labels_ok && (!ends_in_number(host) || is_ipv4(host))
}

/// Whether a browser would read `host` as an IPv4 address: its last label is all
/// digits, or `0x` and hex digits.
fn ends_in_number(host: &str) -> bool {
    let last = host.rsplit('.').next().unwrap_or_default();
    let hex = last
        .strip_prefix("0x")
        .map(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    hex.unwrap_or_else(|| last.bytes().all(|b| b.is_ascii_digit()))
}

/// Four decimal octets, each 0 to 255 without a leading zero.
fn is_ipv4(host: &str) -> bool {
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|o| {
            !o.is_empty()
                && o.len() <= 3
                && (o.len() == 1 || !o.starts_with('0'))
                && o.bytes().all(|b| b.is_ascii_digit())
                && o.parse::<u8>().is_ok()
        })
}

/// `localhost`, `127.x.y.z` or `[::1]` (a canonical host, as [`split_authority`] gives).
pub(super) fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "[::1]" || (is_ipv4(host) && host.starts_with("127."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorities_are_canonical_or_refused() {
        let canonical = |a: &str, https| split_authority(a, https).ok();
        assert_eq!(
            canonical("WEB.Immail.CA", true),
            Some(("web.immail.ca".into(), None))
        );
        assert_eq!(
            canonical("web.immail.ca:443", true),
            Some(("web.immail.ca".into(), None))
        );
        assert_eq!(
            canonical("web.immail.ca:80", true),
            Some(("web.immail.ca".into(), Some(80)))
        );
        assert_eq!(
            canonical("localhost:80", false),
            Some(("localhost".into(), None))
        );
        assert_eq!(
            canonical("[::1]:8080", false),
            Some(("[::1]".into(), Some(8080)))
        );
        for refused in [
            "web.immail.ca:",
            "web.immail.ca:0443",
            "web.immail.ca:65536",
            "web.immail.ca.",
            "127.1",
            "0x7f.0.0.1",
            "1.2.3.04",
            "256.0.0.1",
            "example.123",
            "-a.com",
            "",
        ] {
            assert_eq!(canonical(refused, true), None, "{refused}");
        }
        assert!(
            is_loopback("127.0.0.1")
                && is_loopback("localhost")
                && !is_loopback("127.0.0.1.nip.io")
        );
        assert!(!is_loopback("10.0.0.1"));
    }
}
