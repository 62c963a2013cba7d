//! imMail-mode configuration: what starts, and the clear message when something is
//! missing or wrong (never quoting the key).

mod common;

use common::immail::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions};
use immail_meet_server::server::config::{Config, Mode};
use immail_meet_server::server::StartError;
use immail_meet_server::upstream::immail::{ApiKey, SettingsError};

const KEY: &str = "k3y-that-must-stay-secret";

fn config() -> Config {
    let options = FakeOptions {
        api_key: KEY.into(),
        ..FakeOptions::default()
    };
    immail_config("https://api.immail.ca", &options)
}

/// The start-up error (a typed imMail settings error) and its text, which never quotes
/// the key.
async fn refused(config: Config) -> (SettingsError, String) {
    match common::start(config).await {
        Ok(_) => panic!("started with an incomplete configuration"),
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains(KEY), "the key is quoted: {message}");
            match error {
                StartError::Immail(settings) => (settings, message),
                other => panic!("not an imMail settings error: {other}"),
            }
        }
    }
}

#[tokio::test]
async fn a_complete_configuration_starts_in_immail_mode() {
    let app = common::start(config()).await.unwrap();
    assert_eq!(app.meet.upstream().mode(), "immail");
    assert_eq!(
        app.meet.upstream().meeting_base(),
        "https://web.immail.ca/meet/"
    );
    let debug = format!("{:?}", config());
    assert!(debug.contains("ApiKey(<redacted>)"), "{debug}");
    assert!(!debug.contains(KEY), "{debug}");
}

#[test]
fn auto_mode_is_immail_once_a_key_is_configured() {
    let mut config = config();
    config.mode = Mode::Auto;
    assert_eq!(config.effective_mode(), Mode::Immail);
    config.immail.api_key = None;
    assert_eq!(config.effective_mode(), Mode::Sandbox);
    config.immail.api_key_file = Some("/run/secrets/immail".into());
    assert_eq!(config.effective_mode(), Mode::Immail);
}

#[tokio::test]
async fn incomplete_or_wrong_configurations_say_what_to_set() {
    type Change = Box<dyn Fn(&mut Config)>;
    type Kind = fn(&SettingsError) -> bool;
    let cases: Vec<(&str, Kind, Change)> = vec![
        (
            "IMMAIL_API_KEY",
            |e| matches!(e, SettingsError::MissingApiKey),
            Box::new(|c| c.immail.api_key = None),
        ),
        (
            "IMMAIL_EMAIL_DOMAIN",
            |e| matches!(e, SettingsError::MissingEmailDomain),
            Box::new(|c| c.immail.email_domain = None),
        ),
        (
            "IMMAIL_EMAIL_DOMAIN",
            |e| matches!(e, SettingsError::BadEmailDomain),
            Box::new(|c| c.immail.email_domain = Some("not a domain".into())),
        ),
        (
            "keep one",
            |e| matches!(e, SettingsError::TwoApiKeys),
            Box::new(|c| c.immail.api_key_file = Some("/run/secrets/immail".into())),
        ),
        (
            "IMMAIL_API_KEY_FILE",
            |e| matches!(e, SettingsError::ApiKeyFile { .. }),
            Box::new(|c| {
                c.immail.api_key = None;
                c.immail.api_key_file = Some("/nonexistent/immail-key".into());
            }),
        ),
        (
            "empty",
            |e| matches!(e, SettingsError::EmptyApiKey),
            Box::new(|c| c.immail.api_key = Some(ApiKey::new("  \n"))),
        ),
        (
            "header",
            |e| matches!(e, SettingsError::ApiKeyNotHeaderSafe),
            Box::new(|c| c.immail.api_key = Some(ApiKey::new(format!("{KEY} with space")))),
        ),
        (
            "https",
            |e| matches!(e, SettingsError::BadApiUrl { .. }),
            Box::new(|c| c.immail.api_url = "http://api.immail.ca".into()),
        ),
        (
            "credentials",
            |e| matches!(e, SettingsError::ApiUrlCredentials),
            Box::new(|c| c.immail.api_url = format!("https://user:{KEY}@api.immail.ca")),
        ),
        (
            "not a URL",
            |e| matches!(e, SettingsError::ApiUrlNotUrl(_)),
            Box::new(|c| c.immail.api_url = "api.immail.ca".into()),
        ),
        (
            "IMMAIL_MEETING_BASE",
            |e| matches!(e, SettingsError::BadMeetingBase { .. }),
            Box::new(|c| c.immail.meeting_base = "http://web.immail.ca/meet/".into()),
        ),
        (
            "IMMAIL_READ_TIMEOUT_MS",
            |e| {
                matches!(
                    e,
                    SettingsError::ZeroDuration {
                        name: "IMMAIL_READ_TIMEOUT_MS",
                        ..
                    }
                )
            },
            Box::new(|c| c.immail.read_timeout_ms = 0),
        ),
    ];
    for (expected, kind, change) in cases {
        let mut config = config();
        change(&mut config);
        let (error, message) = refused(config).await;
        assert!(kind(&error), "{expected}: {error:?}");
        assert!(
            message.starts_with("imMail mode: ") && message.contains(expected),
            "{expected}: {message}"
        );
    }
}

#[tokio::test]
async fn the_key_can_come_from_a_file() {
    let fake = FakeImmail::start(FakeOptions::default()).await.unwrap();
    let path = std::env::temp_dir().join(format!("immail-key-{}", std::process::id()));
    std::fs::write(&path, format!("{}\n", fake.options().api_key)).unwrap();
    let mut config = immail_config(&fake.url(), fake.options());
    config.immail.api_key = None;
    config.immail.api_key_file = Some(path.clone());
    let app = common::start(config).await;
    std::fs::remove_file(&path).unwrap();
    let app = app.unwrap();
    let (_, _) = common::create_room(&app.api).await;
    assert_eq!(fake.calls(Endpoint::AuthToken), 1);
    fake.assert_no_violations();
}
