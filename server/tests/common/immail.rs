//! Helpers for the imMail-mode tests: the server pointed at a fake imMail API.

use immail_fake::{FakeImmail, FakeOptions, UPSTREAM_BODY_MARKER};
use immail_meet_server::server::{Config, Mode};
use immail_meet_server::upstream::immail::{ApiKey, ImmailConfig};

use super::Answer;

/// A fake imMail API and the server in imMail mode, talking to it.
pub struct Rig {
    pub fake: FakeImmail,
    pub app: super::TestApp,
}

/// A configuration in imMail mode for the fake at `api_url` (generous time-outs).
pub fn immail_config(api_url: &str, options: &FakeOptions) -> Config {
    let mut config = super::test_config();
    config.mode = Mode::Immail;
    config.immail = ImmailConfig {
        api_url: api_url.to_owned(),
        email_domain: Some(options.email_domain.clone()),
        api_key: Some(ApiKey::new(options.api_key.clone())),
        connect_timeout_ms: 2_000,
        read_timeout_ms: 5_000,
        ..ImmailConfig::default()
    };
    config
}

/// Starts a fake with `options` and the server for it; `tweak` adjusts the server's
/// imMail settings.
pub async fn rig_with(options: FakeOptions, tweak: impl FnOnce(&mut ImmailConfig)) -> Rig {
    let fake = FakeImmail::start(options).await.unwrap();
    let mut config = immail_config(&fake.url(), fake.options());
    tweak(&mut config.immail);
    let app = super::start(config).await.unwrap();
    Rig { fake, app }
}

/// A fake with default options and the server for it.
pub async fn rig() -> Rig {
    rig_with(FakeOptions::default(), |_| {}).await
}

impl Rig {
    /// Panics if an answer holds the API key, a service token or an upstream body.
    pub fn assert_no_secret(&self, answer: &Answer) {
        assert_no_secret_in(&answer.text, &self.fake);
        if let Some(cookie) = &answer.cookie {
            assert_no_secret_in(cookie, &self.fake);
        }
    }
}

/// Panics if `text` holds the fake's API key, any service token it issued, or the marker
/// of its error bodies.
pub fn assert_no_secret_in(text: &str, fake: &FakeImmail) {
    assert!(
        !text.contains(&fake.options().api_key),
        "the API key leaked: {text}"
    );
    for token in fake.service_tokens() {
        assert!(!text.contains(&token), "a service token leaked: {text}");
    }
    assert!(
        !text.contains(UPSTREAM_BODY_MARKER),
        "an upstream body leaked: {text}"
    );
}

/// `n` grant requests at once, each in its own task; every other one with `cookie`.
pub async fn concurrent_grants(
    api: &axum::Router,
    room: &str,
    cookie: &str,
    n: usize,
) -> Vec<Answer> {
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let (api, room, cookie) = (api.clone(), room.to_owned(), cookie.to_owned());
            tokio::spawn(async move {
                let cookie = (i % 2 == 0).then_some(cookie.as_str());
                super::grant(&api, &room, cookie, "").await
            })
        })
        .collect();
    let mut answers = Vec::with_capacity(n);
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}
