//! Meeting URLs: the strict whitelist, its reasons, and what every browser reads as the
//! same address. Run natively and (with the same assertions) in the browser.

mod common;

use common::{NORMALISED_URLS, REFUSED_URLS};
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[test]
fn accepts_immail_meeting_urls() {
    let hosts = AllowedHosts::default();
    for url in [
        "https://web.immail.ca/meet/19wda8xxxs8eas8q",
        "https://web.immail.ca/meet/75769f9a-1f49",
    ] {
        let checked = hosts.check(url).unwrap();
        assert_eq!(checked.to_string(), url);
    }
    assert_eq!(
        hosts
            .check("https://web.immail.ca/meet/abc_DEF-1")
            .unwrap()
            .room()
            .as_str(),
        "abc_DEF-1"
    );
}

#[test]
fn what_a_browser_reads_as_the_same_address_is_normalised() {
    let hosts = AllowedHosts::default();
    for url in NORMALISED_URLS {
        let checked = hosts.check(url).unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(
            checked.to_string(),
            "https://web.immail.ca/meet/abc",
            "{url}"
        );
        assert_eq!(checked.base(), &MeetingHost::default());
    }
    // The room name keeps its case: paths are case-sensitive.
    assert_eq!(
        hosts
            .check("HTTPS://WEB.IMMAIL.CA/meet/ABC")
            .unwrap()
            .to_string(),
        "https://web.immail.ca/meet/ABC"
    );
    // A loopback sandbox: http's default port and the host's case.
    let sandbox = AllowedHosts::new(["http://localhost/sandbox/meet/"]).unwrap();
    for url in [
        "http://localhost/sandbox/meet/x",
        "HTTP://LocalHost:80/sandbox/meet/x",
    ] {
        assert_eq!(
            sandbox.check(url).unwrap().to_string(),
            "http://localhost/sandbox/meet/x"
        );
    }
    assert_eq!(
        sandbox.check("http://localhost:443/sandbox/meet/x"),
        Err(MeetingHost::parse("http://localhost:443/sandbox/meet/")
            .unwrap()
            .not_allowed())
    );
    // Entries are normalised the same way, so both spellings are one base.
    assert_eq!(
        MeetingHost::parse("HTTPS://Web.Immail.CA:443/meet/").unwrap(),
        MeetingHost::default()
    );
    assert_eq!(
        AllowedHosts::new(["web.immail.ca", "https://WEB.immail.ca:443/meet/"])
            .unwrap()
            .hosts()
            .len(),
        1
    );
}

#[test]
fn refuses_every_hostile_meeting_url_with_a_reason() {
    let hosts = AllowedHosts::default();
    for (url, why) in REFUSED_URLS {
        let error = hosts.check(url).expect_err(why);
        assert!(!error.to_string().is_empty(), "{why}");
    }
}

#[test]
fn refusal_reasons_are_specific() {
    use MeetingUrlError::*;
    let hosts = AllowedHosts::default();
    let check = |u: &str| hosts.check(u).unwrap_err();
    assert_eq!(
        check("javascript:alert(1)"),
        SchemeNotAllowed("javascript".into())
    );
    assert_eq!(
        check("JavaScript:alert(1)"),
        SchemeNotAllowed("javascript".into())
    );
    assert_eq!(check("data:text/html,x"), SchemeNotAllowed("data".into()));
    assert_eq!(
        check("blob:https://web.immail.ca/x"),
        SchemeNotAllowed("blob".into())
    );
    assert_eq!(check("/meet/abc"), Relative);
    assert_eq!(check("//web.immail.ca/meet/abc"), ProtocolRelative);
    assert_eq!(check("http://web.immail.ca/meet/abc"), InsecureScheme);
    assert_eq!(check("HTTP://web.immail.ca/meet/abc"), InsecureScheme);
    let not_allowed = |entry: &str| MeetingHost::parse(entry).unwrap().not_allowed();
    assert_eq!(
        check("https://web.immail.ca.evil.com/meet/abc"),
        not_allowed("https://web.immail.ca.evil.com/meet/")
    );
    assert_eq!(
        check("https://WEB.immail.ca.Evil.com/meet/abc"),
        not_allowed("https://web.immail.ca.evil.com/meet/")
    );
    assert_eq!(
        check("https://web.immail.ca:8443/meet/abc"),
        not_allowed("https://web.immail.ca:8443/meet/")
    );
    assert_eq!(
        check("https://evil.com/a.b/abc"),
        HostNotAllowed {
            host: "evil.com".into(),
            entry: None
        }
    );
    assert_eq!(
        check("https://web.immail.ca./meet/abc"),
        MalformedHost("web.immail.ca.".into())
    );
    assert_eq!(
        check("https://web.immail.ca:0443/meet/abc"),
        MalformedHost("web.immail.ca:0443".into())
    );
    assert_eq!(
        check("https://127.1/meet/abc"),
        MalformedHost("127.1".into())
    );
    assert_eq!(check("https://u@web.immail.ca/meet/abc"), HasUserInfo);
    assert_eq!(check("https://web.immail.ca/meet/abc?x=1"), HasQuery);
    assert_eq!(check("https://web.immail.ca/meet/abc#x"), HasFragment);
    assert_eq!(check("https://web.immail.ca/meet/a.b"), InvalidRoomName);
    assert_eq!(check("https://web.immail.ca/meeting/abc"), PathNotAllowed);
    assert_eq!(check("https://web.immail.ca/Meet/abc"), PathNotAllowed);
    assert_eq!(check("https://wеb.immail.ca/meet/abc"), InvalidCharacter);
    assert_eq!(check(""), Empty);
}

#[test]
fn http_only_for_explicitly_allowed_loopback_sandboxes() {
    assert_eq!(
        AllowedHosts::default()
            .with("http://example.com/meet/")
            .unwrap_err(),
        MeetingUrlError::HttpNotLoopback("example.com".into())
    );
    assert!(AllowedHosts::default()
        .with("http://10.0.0.1:80/meet/")
        .is_err());
    assert!(AllowedHosts::default()
        .with("http://127.0.0.1.nip.io/meet/")
        .is_err());
    let hosts = AllowedHosts::default()
        .with("http://127.0.0.1:8787/sandbox/meet/")
        .unwrap();
    assert!(hosts
        .check("http://127.0.0.1:8787/sandbox/meet/abc")
        .is_ok());
    // A loopback sandbox that is not listed is named, with the entry to add.
    assert_eq!(
        hosts
            .check("http://127.0.0.1:8788/sandbox/meet/abc")
            .unwrap_err(),
        MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/")
            .unwrap()
            .not_allowed()
    );
    // Plain http for a host the list allows with https is not a sandbox.
    let both = hosts.clone().with("https://localhost:8787/meet/").unwrap();
    assert_eq!(
        both.check("http://localhost:8787/meet/abc").unwrap_err(),
        MeetingUrlError::InsecureScheme
    );
    assert_eq!(
        hosts.check("http://127.0.0.1:8787/meet/abc").unwrap_err(),
        MeetingUrlError::PathNotAllowed
    );
    assert!(hosts
        .check("http://localhost:8787/sandbox/meet/abc")
        .is_err());
    for entry in [
        "http://localhost:3000/x/",
        "http://[::1]:3000/meet/",
        "http://127.1.2.3/meet/",
    ] {
        assert!(MeetingHost::parse(entry).is_ok(), "{entry}");
    }
    assert!(MeetingHost::parse("ftp://web.immail.ca/meet/").is_err());
    assert!(MeetingHost::parse("https://web.immail.ca/meet").is_err());
}

#[test]
fn custom_hosts_and_bases() {
    let hosts =
        AllowedHosts::new(["meet.example.com", "https://video.example.org:8443/rooms/"]).unwrap();
    assert!(hosts.check("https://meet.example.com/meet/x").is_ok());
    assert!(hosts
        .check("https://video.example.org:8443/rooms/x")
        .is_ok());
    assert!(hosts.check("https://web.immail.ca/meet/x").is_err());
    assert_eq!(
        MeetingHost::parse("Meet.Example.com").unwrap().host(),
        "meet.example.com"
    );
    let parsed: MeetingHost = "https://video.example.org:8443/rooms/".parse().unwrap();
    assert_eq!(parsed.port(), Some(8443));
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        r#""https://video.example.org:8443/rooms/""#
    );
    assert!(serde_json::from_str::<MeetingHost>(r#""http://example.com/meet/""#).is_err());
}

#[test]
fn room_names_are_checked() {
    assert!(RoomName::parse("19wda8xxxs8eas8q").is_ok());
    for bad in ["", "a/b", "..", "a b", "a?b", "é", &"x".repeat(129)] {
        assert_eq!(
            RoomName::parse(bad),
            Err(MeetingUrlError::InvalidRoomName),
            "{bad:?}"
        );
    }
    assert!(RoomName::parse(&"x".repeat(MAX_ROOM_NAME_LEN)).is_ok());
}

#[test]
fn a_refused_host_is_named_with_the_entry_that_would_allow_it() {
    let hosts = AllowedHosts::default();
    let refused = |url: &str| hosts.check(url).unwrap_err().to_string();
    // The reference server's sandbox, not yet in the list.
    assert_eq!(
        refused("http://127.0.0.1:8788/sandbox/meet/abc"),
        r#"the meeting host "127.0.0.1:8788" is not allowed; add "http://127.0.0.1:8788/sandbox/meet/" to <MeetEmbed allowed_hosts>"#
    );
    assert_eq!(
        refused("https://Meet.Example.com:443/rooms/abc"),
        r#"the meeting host "meet.example.com" is not allowed; add "https://meet.example.com/rooms/" to <MeetEmbed allowed_hosts>"#
    );
    // No entry is suggested where none could allow the URL.
    assert_eq!(
        refused("https://meet.example.com/a.b/abc"),
        r#"the meeting host "meet.example.com" is not in <MeetEmbed allowed_hosts>"#
    );
    assert_eq!(
        refused("http://example.com/meet/abc"),
        "the meeting URL uses plain http, which only a loopback sandbox in <MeetEmbed allowed_hosts> may use"
    );
    // A base for bare room names that the list does not hold is refused when the rules
    // are built, with the same advice.
    let sandbox = MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/").unwrap();
    assert_eq!(
        GrantRules::new(hosts.clone(), sandbox.clone())
            .unwrap_err()
            .to_string(),
        r#"The meeting settings are wrong: the meeting host "127.0.0.1:8788" is not allowed; add "http://127.0.0.1:8788/sandbox/meet/" to <MeetEmbed allowed_hosts>."#
    );
    // Added, it lets the URL through.
    let fixed = hosts.with_host(sandbox);
    assert!(fixed
        .check("http://127.0.0.1:8788/sandbox/meet/abc")
        .is_ok());
}
