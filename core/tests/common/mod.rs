//! Fixtures shared by the native and the browser tests.
#![allow(dead_code)]

use base64::Engine as _;
use immail_meet_core::{GrantResponse, Jwt};

/// Meeting URLs a grant may carry that must never reach an iframe, with the reason.
pub const REFUSED_URLS: &[(&str, &str)] = &[
    ("javascript:alert(1)", "javascript scheme"),
    (
        "JAVASCRIPT:alert(document.cookie)",
        "upper-case javascript scheme",
    ),
    ("data:text/html,<script>alert(1)</script>", "data URL"),
    ("blob:https://web.immail.ca/0b3c", "blob URL"),
    ("/meet/abc", "relative path"),
    ("meet/abc", "relative"),
    ("//web.immail.ca/meet/abc", "protocol-relative"),
    ("http://web.immail.ca/meet/abc", "plain http"),
    (
        "https://web.immail.ca.evil.com/meet/abc",
        "suffix look-alike",
    ),
    ("https://evil.com/web.immail.ca/meet/abc", "host in path"),
    ("https://evil.com/meet/abc", "other host"),
    ("https://web.immail.ca./meet/abc", "trailing dot"),
    (
        "https://wеb.immail.ca/meet/abc",
        "Cyrillic e (IDN homograph)",
    ),
    (
        "https://xn--wb-ulc.immail.ca/meet/abc",
        "punycode look-alike",
    ),
    ("https://web.immail.ca@evil.com/meet/abc", "user-info trick"),
    ("https://user:pw@web.immail.ca/meet/abc", "user-info"),
    ("https://web.immail.ca:8443/meet/abc", "other port"),
    (
        "https://web.immail.ca:80/meet/abc",
        "http's default port on https",
    ),
    (
        "https://web.immail.ca:0443/meet/abc",
        "default port with a leading zero",
    ),
    ("https://web.immail.ca:/meet/abc", "empty port"),
    ("https://web.immail.ca/MEET/abc", "path in another case"),
    (
        "https://web.immail.ca/meet/abc?jwt=stolen",
        "query of its own",
    ),
    ("https://web.immail.ca/meet/abc#x", "fragment"),
    ("https://web.immail.ca/meet/", "no room"),
    ("https://web.immail.ca/meet/../admin", "dot segments"),
    ("https://web.immail.ca/meet/a/b", "nested path"),
    ("https://web.immail.ca/other/abc", "wrong path"),
    ("https://web.immail.ca/meet/%2e%2e", "percent-encoded room"),
    ("https://web.immail.ca\\@evil.com/meet/abc", "backslash"),
    ("https:\\\\evil.com/meet/abc", "backslashes as slashes"),
    ("https://web.immail.ca/meet/a b", "space"),
    (" https://web.immail.ca/meet/abc", "leading space"),
    ("https://web.immail.ca/meet/abc\n", "newline"),
    ("https://web.immail.ca/meet/ab\tc", "tab"),
    ("https://web.immail.ca/meet/room<script>", "markup in room"),
    ("https:web.immail.ca/meet/abc", "no slashes"),
    ("https:///meet/abc", "empty host"),
    ("https://127.0.0.1/meet/abc", "ip host"),
    ("", "empty"),
];

/// Meeting URLs every browser reads as `https://web.immail.ca/meet/abc`: accepted, and
/// normalised to that canonical form.
pub const NORMALISED_URLS: &[&str] = &[
    "https://web.immail.ca/meet/abc",
    "HTTPS://web.immail.ca/meet/abc",
    "Https://WEB.IMMAIL.CA/meet/abc",
    "https://Web.Immail.ca/meet/abc",
    "https://web.immail.ca:443/meet/abc",
    "hTTpS://wEb.iMmAiL.cA:443/meet/abc",
];

/// A JWT-shaped token with the given payload (signature is not checked by anyone here).
pub fn token(payload: &str) -> String {
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    format!(
        "{}.{}.{}",
        b64(r#"{"alg":"HS256","typ":"JWT"}"#),
        b64(payload),
        b64("signature")
    )
}

/// A token that expires in the year 2100.
pub fn fresh_token() -> String {
    token(r#"{"exp":4102444800,"room":"abc"}"#)
}

/// A token that expired in 2001.
pub fn expired_token() -> String {
    token(r#"{"exp":1000000000}"#)
}

/// Names that must round-trip exactly and never inject a parameter.
pub const HOSTILE_NAMES: &[&str] = &[
    "Zoë \"x&start_recording=true#\"",
    "a&jwt=forged",
    "=&=&",
    "100% + 50%",
    "#fragment?query",
    "line\nbreak\r\n",
    "tab\there",
    "😀 emoji 👩‍👩‍👧",
    "עברית مرحبا",
    "O'Brien <script>alert(1)</script>",
    "  spaces  ",
    "+plus+",
    "%41%zz%",
    "semi;colon",
];

/// "Now" in the tests: 2027-01-15, seconds since the Unix epoch.
pub const NOW: f64 = 1_800_000_000.0;

/// An answer with this meeting URL and token.
pub fn answer(url: &str, jwt: &str) -> GrantResponse {
    GrantResponse {
        meeting_url: Some(url.into()),
        jwt: Jwt::new(jwt),
        ..Default::default()
    }
}
