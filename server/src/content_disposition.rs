//! `Content-Disposition: attachment` for a file name that came from elsewhere (imMail,
//! or a room topic a user typed): sanitised so it can neither break the header nor
//! name a path.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Longest file name kept, in characters (the extension is kept when cutting).
pub const MAX_FILE_NAME_CHARS: usize = 150;

/// RFC 8187 `attr-char`s left as they are in `filename*`.
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// A safe file name: the last path component, without control characters, quotes,
/// backslashes or leading/trailing dots and spaces, at most [`MAX_FILE_NAME_CHARS`];
/// `fallback` if nothing is left.
///
/// ```
/// use immail_meet_server::content_disposition::safe_file_name;
/// assert_eq!(safe_file_name("../../etc/passwd", "x"), "passwd");
/// assert_eq!(safe_file_name("a\"b\r\n.msf", "x"), "ab.msf");
/// assert_eq!(safe_file_name("..", "recording-1"), "recording-1");
/// ```
pub fn safe_file_name(name: &str, fallback: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\u{2028}' | '\u{2029}'))
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let name = if trimmed.is_empty() {
        fallback
    } else {
        trimmed
    };
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_owned();
    }
    // Keep a short extension: `very long name….msf`.
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| (1..=8).contains(&ext.chars().count()));
    let keep = MAX_FILE_NAME_CHARS - extension.map_or(0, |e| e.chars().count() + 1);
    let mut short: String = name.chars().take(keep).collect();
    if let Some(ext) = extension {
        short.push('.');
        short.push_str(ext);
    }
    short
}

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` for
/// [`safe_file_name`]`(name, fallback)`. The quoted name replaces every non-ASCII
/// character and `%` with `_` (for old clients); browsers use `filename*`.
///
/// ```
/// use immail_meet_server::content_disposition::attachment;
/// assert_eq!(
///     attachment("Zoë part 1.msf", "x"),
///     "attachment; filename=\"Zo_ part 1.msf\"; filename*=UTF-8''Zo%C3%AB%20part%201.msf"
/// );
/// ```
pub fn attachment(name: &str, fallback: &str) -> String {
    let name = safe_file_name(name, fallback);
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii() && c != '%' { c } else { '_' })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(&name, ATTR_CHAR)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_cannot_break_the_header_or_name_a_path() {
        for (name, expected) in [
            ("6th.msf", "6th.msf"),
            ("C:\\Users\\x\\evil.msf", "evil.msf"),
            ("a/b/", "recording-7"),
            ("  .hidden.msf. ", "hidden.msf"),
            ("x\r\nSet-Cookie: a=b.msf", "xSet-Cookie: a=b.msf"),
            ("tab\there\u{0}.msf", "tabhere.msf"),
            ("line\u{2028}sep.msf", "linesep.msf"),
            ("", "recording-7"),
            ("...", "recording-7"),
        ] {
            assert_eq!(safe_file_name(name, "recording-7"), expected, "{name:?}");
        }
        let long = format!("{}.msf", "é".repeat(400));
        let cut = safe_file_name(&long, "x");
        assert_eq!(cut.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(cut.ends_with("é.msf"), "{cut}");
        let header = attachment("semi;colon \"quoted\" 100%.msf", "x");
        assert_eq!(
            header,
            "attachment; filename=\"semi;colon quoted 100_.msf\"; filename*=UTF-8''semi%3Bcolon%20quoted%20100%25.msf"
        );
        assert!(axum::http::HeaderValue::from_str(&attachment("ü\r\n\"x", "f")).is_ok());
    }
}
