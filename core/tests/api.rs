//! The reference server's own answers as a client reads them (`PublicConfig`,
//! `RoomCreated`): what is read, and each unreadable answer's reason, naming the member.
//! Run natively and (with the same assertions) in the browser.

use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const SANDBOX: &str = r#"{"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}"#;

fn unreadable(why: &str) -> FetchError {
    FetchError::Unreadable(why.to_owned())
}

#[test]
fn the_public_config_gives_the_hosts_its_grants_need() {
    let config = PublicConfig::from_json(SANDBOX).unwrap();
    assert!(config.is_sandbox());
    assert_eq!(config.grant_contract, GRANT_CONTRACT_VERSION);
    let hosts = config.allowed_hosts();
    assert_eq!(hosts.hosts().len(), 2);
    assert!(hosts.check("https://web.immail.ca/meet/abc").is_ok());
    assert!(hosts
        .check("http://127.0.0.1:8788/sandbox/meet/abc")
        .is_ok());
    // What the server writes is what the browser reads.
    let written = serde_json::to_string(&config).unwrap();
    assert_eq!(PublicConfig::from_json(&written).unwrap(), config);

    let immail = PublicConfig::from_json(
        r#"{"mode": "immail", "meeting_base": "https://web.immail.ca/meet/"}"#,
    )
    .unwrap();
    assert!(!immail.is_sandbox());
    assert_eq!(immail.grant_contract, 1, "absent means 1");
    assert_eq!(
        immail.allowed_hosts(),
        AllowedHosts::default(),
        "listed once"
    );
}

#[test]
fn an_unreadable_config_names_what_is_wrong() {
    let read = |json: &str| PublicConfig::from_json(json).unwrap_err();
    assert_eq!(
        read(r#"{"mode": "sandbox"}"#),
        unreadable("it has no \"meeting_base\"")
    );
    assert_eq!(read("<html>Sign in</html>"), unreadable("it is not JSON"));
    assert_eq!(
        read("[1, 2]"),
        unreadable("it is a JSON array, not an object")
    );
    assert_eq!(
        read(r#"{"mode": "sandbox", "meeting_base": 7}"#),
        unreadable("its \"meeting_base\" is a number, not a string")
    );
    let http = read(r#"{"mode": "sandbox", "meeting_base": "http://example.com/meet/"}"#);
    assert_eq!(
        http.to_string(),
        "the meeting service's answer cannot be read: its \"meeting_base\": plain http is only allowed for loopback hosts, not \"example.com\""
    );
    assert_eq!(
        read(r#"{"mode": "hybrid", "meeting_base": "https://web.immail.ca/meet/"}"#),
        unreadable("its \"mode\" is not \"sandbox\" or \"immail\"")
    );
    // serde reads it the same way.
    let serde = serde_json::from_str::<PublicConfig>(r#"{"mode": "sandbox"}"#).unwrap_err();
    assert!(
        serde.to_string().contains("it has no \"meeting_base\""),
        "{serde}"
    );
    assert_eq!(
        serde_json::from_str::<PublicConfig>(SANDBOX).unwrap(),
        PublicConfig::from_json(SANDBOX).unwrap()
    );
    assert!(!read("{}").is_transient());
}

#[test]
fn a_created_room_has_a_checked_name_and_its_grant_endpoint() {
    let room = RoomCreated::from_json(
        r#"{"id": "r1", "name": "abc-1", "topic": "Zoë", "meeting_url": "http://127.0.0.1:8788/sandbox/meet/abc-1", "extra": true}"#,
    )
    .unwrap();
    assert_eq!(room.name, RoomName::parse("abc-1").unwrap());
    assert_eq!(
        room.grant_endpoint("/api/meet/"),
        "/api/meet/rooms/abc-1/grant"
    );
    assert_eq!(
        serde_json::to_value(&room).unwrap()["name"],
        serde_json::json!("abc-1")
    );

    let refused = RoomCreated::from_json(
        r#"{"id": "r1", "name": "../admin", "topic": "x", "meeting_url": ""}"#,
    )
    .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the meeting service's answer cannot be read: its \"name\": the room name must be 1 to 128 characters of letters, digits, '-' and '_'"
    );
    assert_eq!(
        RoomCreated::from_json(r#"{"id": "r1", "topic": "x", "meeting_url": ""}"#).unwrap_err(),
        unreadable("it has no \"name\"")
    );
}
