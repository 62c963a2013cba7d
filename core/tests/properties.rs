//! Property tests (native): names never inject parameters, every URL the allow-list
//! accepts means the same thing to a real URL parser (the `url` crate) as its canonical
//! form, and history timestamps agree with `humantime` and read back what they write.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use immail_meet_core::{
    AllowedHosts, Jwt, MeetOptions, MeetingHost, MeetingSrc, MeetingUrlError, Timestamp,
};
use proptest::prelude::*;

const KEYS: [&str; 7] = [
    "jwt",
    "start_recording",
    "startWithAudioMuted",
    "startWithVideoMuted",
    "fileRecordingsEnabled",
    "HIDE_INVITE_MORE_HEADER",
    "hideLogo",
];

/// Any Unicode, with the characters that matter to URLs made frequent.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            2 => prop::sample::select(vec!['&', '=', '#', '%', '+', '?', '"', '\'', '\n', '\r', ' ', '/', ';', '\u{202e}', '\u{0}', 'ë', '😀']),
            2 => prop::char::range('a', 'z'),
        ],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn names_round_trip_and_inject_nothing(first in name(), last in name(), extra in name()) {
        let url = AllowedHosts::default().check("https://web.immail.ca/meet/abc").unwrap();
        let options = MeetOptions {
            first_name: Some(first.clone()),
            last_name: Some(last.clone()),
            extras: vec![("hideLogo".into(), extra.clone())],
            ..Default::default()
        };
        let src = MeetingSrc::build(&url, &Jwt::new("h.p.s"), &options).unwrap();
        let parsed = url::Url::parse(src.expose_secret()).unwrap();
        prop_assert_eq!(parsed.host_str(), Some("web.immail.ca"));
        prop_assert_eq!(parsed.path(), "/meet/abc");
        prop_assert_eq!(parsed.fragment(), None);
        let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
        let mut expected = Vec::new();
        if !first.is_empty() { expected.push(("first_name".to_owned(), first)); }
        if !last.is_empty() { expected.push(("last_name".to_owned(), last)); }
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).skip(expected.len()).collect();
        prop_assert_eq!(keys, KEYS.to_vec());
        prop_assert_eq!(&pairs[..expected.len()], &expected[..]);
        prop_assert_eq!(&pairs[expected.len()].1, "h.p.s");
        prop_assert_eq!(&pairs.last().unwrap().1, &extra);
    }

    #[test]
    fn arbitrary_text_is_accepted_only_as_an_immail_url(text in "\\PC{0,60}") {
        if let Ok(accepted) = AllowedHosts::default().check(&text) {
            let canonical = accepted.to_string();
            prop_assert!(canonical.starts_with("https://web.immail.ca/meet/"));
            let parsed = url::Url::parse(&text).unwrap();
            prop_assert_eq!(parsed.as_str(), canonical);
        }
    }
}

/// Checks every combination of `pieces` (one of each list, joined) against `allowed`
/// and returns those accepted, with their canonical form. For each, a real URL parser
/// must read the text as exactly the canonical URL: the same scheme, host, port and
/// path, no user-info, query or fragment. Every refusal that suggests an entry to add
/// must suggest one that allows exactly what a real parser reads
/// ([`entry_is_what_the_url_needs`]); there must be some.
fn exhaust(allowed: &AllowedHosts, pieces: &[&[&str]]) -> (usize, BTreeSet<(String, String)>) {
    let mut texts = vec![String::new()];
    for list in pieces {
        texts = texts
            .iter()
            .flat_map(|text| list.iter().map(move |piece| format!("{text}{piece}")))
            .collect();
    }
    let mut accepted = BTreeSet::new();
    let mut suggested = 0;
    for text in &texts {
        if let Err(MeetingUrlError::HostNotAllowed {
            entry: Some(entry), ..
        }) = allowed.check(text)
        {
            entry_is_what_the_url_needs(allowed, text, entry);
            suggested += 1;
        }
        if let Ok(url) = allowed.check(text) {
            let canonical = url.to_string();
            let parsed = url::Url::parse(text).expect("a real parser accepts it too");
            let base = url.base();
            assert_eq!(
                parsed.scheme(),
                if base.is_https() { "https" } else { "http" },
                "{text}"
            );
            assert_eq!(parsed.host_str(), Some(base.host()), "{text}");
            assert_eq!(parsed.port(), base.port(), "{text}");
            assert_eq!(
                parsed.path(),
                format!("{}{}", base.path(), url.room()),
                "{text}"
            );
            assert_eq!((parsed.username(), parsed.password()), ("", None), "{text}");
            assert_eq!((parsed.query(), parsed.fragment()), (None, None), "{text}");
            assert_eq!(
                parsed.as_str(),
                canonical,
                "{text}: the browser's reading is the canonical form"
            );
            assert_eq!(url::Url::parse(&canonical).unwrap(), parsed);
            accepted.insert((text.clone(), canonical));
        }
    }
    assert!(
        suggested > 50,
        "only {suggested} refusals suggested an entry"
    );
    (texts.len(), accepted)
}

/// A refused host's suggested entry is what `text` needs: with it in the list, the URL
/// is no longer refused for its host, and if it is accepted, a real parser reads it as
/// the entry's scheme, host, port and path.
fn entry_is_what_the_url_needs(allowed: &AllowedHosts, text: &str, entry: MeetingHost) {
    let with = allowed.clone().with_host(entry.clone());
    match with.check(text) {
        // A host `url` refuses (e.g. `xn--web-immail-ca`, not valid punycode) is one
        // no browser loads either; the whitelist does not decode punycode, so such an
        // entry allows nothing a browser would read as another host.
        Ok(_) if url::Url::parse(text).is_err() => {
            assert!(entry.host().starts_with("xn--"), "{text}");
        }
        Ok(url) => {
            let parsed = url::Url::parse(text).expect("checked above");
            let scheme = if entry.is_https() { "https" } else { "http" };
            assert_eq!(parsed.scheme(), scheme, "{text}");
            assert_eq!(parsed.host_str(), Some(entry.host()), "{text}");
            let default_port = if entry.is_https() { 443 } else { 80 };
            assert_eq!(
                parsed.port_or_known_default(),
                Some(entry.port().unwrap_or(default_port)),
                "{text}"
            );
            assert_eq!(
                parsed.path(),
                format!("{}{}", entry.path(), url.room()),
                "{text}"
            );
        }
        Err(error) => assert!(
            !matches!(
                error,
                MeetingUrlError::HostNotAllowed { .. } | MeetingUrlError::InsecureScheme
            ),
            "{text}: still {error:?} with {entry}"
        ),
    }
}

/// Every combination of URL pieces (547,200 URLs, exhaustively) against imMail's
/// base: whatever the allow-list accepts, a real URL parser reads as its canonical form;
/// what is accepted is exactly the letter-case and default-port variants of the two
/// valid URLs, each normalised to them.
#[test]
fn accepted_urls_mean_the_same_to_a_real_parser() {
    let schemes = [
        "https",
        "HTTPS",
        "Https",
        "hTTpS",
        "http",
        "HTTP",
        "javascript",
        "data",
        "blob",
        "",
    ];
    let seps = ["://", ":", ":/", "//", ":\\\\", ":///"];
    let userinfos = ["", "u@", "u:p@", "web.immail.ca@", "@"];
    let hosts = [
        "web.immail.ca",
        "WEB.immail.ca",
        "Web.Immail.Ca",
        "web.immail.ca.",
        "WEB.IMMAIL.CA.",
        "web.immail.ca.evil.com",
        "evil.com",
        "w\u{435}b.immail.ca",
        "web%2eimmail.ca",
        "xn--web-immail-ca",
        "127.0.0.1",
        "web.immail.ca:443",
        "WEB.IMMAIL.CA:443",
        "web.immail.ca:0443",
        "web.immail.ca:80",
        "web.immail.ca:8443",
        "web.immail.ca:",
        "[::1]",
        "",
    ];
    let paths = [
        "/meet/",
        "/meet/abc",
        "/meet/abc/",
        "/meet/../x",
        "/meet/%61bc",
        "/Meet/abc",
        "//meet/abc",
        "/meet/a\\b",
        "/x/meet/abc",
        "",
        "/meet/a b",
        "/meet/abc-_9",
    ];
    let tails = ["", "?", "?jwt=x", "#", "#x", "\n", "\t", " "];
    let (tried, accepted) = exhaust(
        &AllowedHosts::default(),
        &[&schemes, &seps, &userinfos, &hosts, &paths, &tails],
    );
    assert_eq!(tried, 547_200);
    let mut expected = BTreeSet::new();
    for scheme in ["https", "HTTPS", "Https", "hTTpS"] {
        for host in [
            "web.immail.ca",
            "WEB.immail.ca",
            "Web.Immail.Ca",
            "web.immail.ca:443",
            "WEB.IMMAIL.CA:443",
        ] {
            for room in ["abc", "abc-_9"] {
                expected.insert((
                    format!("{scheme}://{host}/meet/{room}"),
                    format!("https://web.immail.ca/meet/{room}"),
                ));
            }
        }
    }
    assert_eq!(accepted, expected);
}

/// The same for loopback sandboxes on plain http, with and without a port.
#[test]
fn accepted_sandbox_urls_mean_the_same_to_a_real_parser() {
    let allowed = AllowedHosts::new([
        "http://127.0.0.1:8787/sandbox/meet/",
        "http://localhost/sandbox/meet/",
    ])
    .unwrap();
    let schemes = ["http", "HTTP", "Http", "https", "javascript", ""];
    let seps = ["://", ":", "//", ":///"];
    let userinfos = ["", "u@", "localhost@"];
    let hosts = [
        "127.0.0.1:8787",
        "127.0.0.1:08787",
        "127.0.0.1",
        "127.0.0.1:80",
        "127.1:8787",
        "0x7f.0.0.1:8787",
        "localhost",
        "LOCALHOST",
        "localhost:80",
        "LocalHost:80",
        "localhost:8787",
        "localhost.",
        "localhost:",
        "[::1]",
        "",
    ];
    let paths = [
        "/sandbox/meet/x",
        "/sandbox/meet/",
        "/Sandbox/meet/x",
        "/sandbox/meet/x/y",
        "/meet/x",
        "",
    ];
    let tails = ["", "?a", "#b", " "];
    let (tried, accepted) = exhaust(
        &allowed,
        &[&schemes, &seps, &userinfos, &hosts, &paths, &tails],
    );
    assert_eq!(tried, 25_920);
    let mut expected = BTreeSet::new();
    for scheme in ["http", "HTTP", "Http"] {
        expected.insert((
            format!("{scheme}://127.0.0.1:8787/sandbox/meet/x"),
            "http://127.0.0.1:8787/sandbox/meet/x".to_owned(),
        ));
        for host in ["localhost", "LOCALHOST", "localhost:80", "LocalHost:80"] {
            expected.insert((
                format!("{scheme}://{host}/sandbox/meet/x"),
                "http://localhost/sandbox/meet/x".to_owned(),
            ));
        }
    }
    assert_eq!(accepted, expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any millisecond from 1970 to late 9999 is written as humantime writes it, and reads
    /// back to itself, also in another time zone offset.
    #[test]
    fn timestamps_round_trip_and_agree_with_humantime(ms in 0_i64..253_402_000_000_000, offset in -23_i64 * 60..=23 * 60) {
        let t = Timestamp::from_unix_millis(ms);
        let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms as u64);
        let text = t.to_string();
        prop_assert_eq!(&text, &humantime::format_rfc3339_millis(time).to_string());
        prop_assert_eq!(Timestamp::parse(&text), Some(t));
        // The same instant written with a local offset.
        let local = Timestamp::from_unix_millis(ms + offset * 60_000).to_string();
        let sign = if offset < 0 { '-' } else { '+' };
        let shifted = format!("{}{sign}{:02}:{:02}", &local[..23], offset.abs() / 60, offset.abs() % 60);
        prop_assert_eq!(Timestamp::parse(&shifted), Some(t), "{}", shifted);
    }
}
