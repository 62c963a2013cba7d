//! The fake imMail API's checks have teeth: each request the real API would refuse is
//! recorded as a violation, and credential problems are answered 401 like imMail would.
//! (The imMail-mode tests rely on this: they end by asserting no violation.)

use immail_fake::{Endpoint, FakeImmail, FakeOptions, API_KEY_HEADER};
use serde_json::json;

struct Probe {
    fake: FakeImmail,
    http: reqwest::Client,
}

impl Probe {
    async fn new() -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        Self {
            fake: FakeImmail::start(FakeOptions::default()).await.unwrap(),
            http: reqwest::Client::new(),
        }
    }

    /// Sends a request; gives its status and whether it added a violation.
    async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, bool) {
        let before = self.fake.violations().len();
        let mut request = self
            .http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.fake.url()),
            )
            .body(body.to_owned());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let status = request.send().await.unwrap().status().as_u16();
        (status, self.fake.violations().len() > before)
    }

    async fn service_token(&self) -> String {
        let key = self.fake.options().api_key.clone();
        let answer = self
            .http
            .post(format!("{}/auth/token", self.fake.url()))
            .header(API_KEY_HEADER, key)
            .header("content-type", "application/json")
            .body(r#"{"email_domain":"example.com"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200);
        let body: serde_json::Value =
            serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
        body["token"].as_str().unwrap().to_owned()
    }
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[tokio::test]
async fn auth_token_requests_are_checked() {
    let probe = Probe::new().await;
    let key = probe.fake.options().api_key.clone();
    let with_key = (API_KEY_HEADER, key.as_str());
    let body = r#"{"email_domain":"example.com"}"#;
    assert_eq!(
        probe
            .send("POST", "/auth/token", &[with_key, JSON], body)
            .await,
        (200, false)
    );
    // Wrong credentials: refused like imMail would, not a protocol violation.
    let wrong = (API_KEY_HEADER, "nope");
    assert_eq!(
        probe
            .send("POST", "/auth/token", &[wrong, JSON], body)
            .await,
        (401, false)
    );
    let other_domain = r#"{"email_domain":"other.org"}"#;
    assert_eq!(
        probe
            .send("POST", "/auth/token", &[with_key, JSON], other_domain)
            .await,
        (401, false)
    );
    // Requests imMail would not understand.
    let bearer = ("authorization", "Bearer x");
    for (headers, body) in [
        (vec![JSON], body),
        (vec![with_key], body),
        (vec![with_key, ("content-type", "text/plain")], body),
        (vec![with_key, JSON, bearer], body),
        (
            vec![with_key, JSON],
            r#"{"email_domain":"example.com","api_key":"k"}"#,
        ),
        (vec![with_key, JSON], r#"{"domain":"example.com"}"#),
        (vec![with_key, JSON], r#"{"email_domain":""}"#),
        (vec![with_key, JSON], "email_domain=example.com"),
    ] {
        assert_eq!(
            probe.send("POST", "/auth/token", &headers, body).await,
            (400, true),
            "{headers:?} {body}"
        );
    }
    assert_eq!(
        probe.send("GET", "/auth/token", &[with_key], "").await,
        (404, true)
    );
    assert_eq!(
        probe
            .send("POST", "/v1/auth", &[with_key, JSON], body)
            .await,
        (404, true)
    );
}

#[tokio::test]
async fn bearer_calls_are_checked() {
    let probe = Probe::new().await;
    let token = probe.service_token().await;
    let bearer = format!("Bearer {token}");
    let auth = ("authorization", bearer.as_str());
    let key = probe.fake.options().api_key.clone();
    let schedule = Endpoint::Schedule.path();
    let ok = r#"{"topic":"Consulting","start_at":"2026-11-29 10:15","duration":60}"#;
    assert_eq!(
        probe.send("POST", schedule, &[auth, JSON], ok).await,
        (201, false)
    );
    for (headers, body) in [
        (vec![JSON], ok),
        (vec![("authorization", token.as_str()), JSON], ok),
        (vec![auth, JSON, (API_KEY_HEADER, key.as_str())], ok),
        (
            vec![auth, JSON],
            r#"{"topic":"x","start_at":"2026-11-29T10:15:00Z"}"#,
        ),
        (vec![auth, JSON], r#"{"topic":"x","duration":0}"#),
        (vec![auth, JSON], r#"{"topic":"x","duration":"60"}"#),
        (vec![auth, JSON], r#"{"topic":"x","moderator":true}"#),
        (vec![auth, JSON], r#"{"start_at":"2026-11-29 10:15"}"#),
    ] {
        assert_eq!(
            probe.send("POST", schedule, &headers, body).await,
            (400, true),
            "{headers:?} {body}"
        );
    }
    let room = probe.fake.add_room("Consulting");
    let token_path = Endpoint::Token.path();
    let good = json!({ "room_name": room.name, "moderator": false }).to_string();
    assert_eq!(
        probe.send("POST", token_path, &[auth, JSON], &good).await,
        (200, false)
    );
    for body in [
        json!({ "room_name": room.name, "moderator": "true" }),
        json!({ "room_name": room.name }),
        json!({ "room_name": room.name, "moderator": true, "role": "moderator" }),
    ] {
        let body = body.to_string();
        assert_eq!(
            probe.send("POST", token_path, &[auth, JSON], &body).await,
            (400, true),
            "{body}"
        );
    }
    let unknown = json!({ "room_name": "no-such-room", "moderator": false }).to_string();
    assert_eq!(
        probe
            .send("POST", token_path, &[auth, JSON], &unknown)
            .await,
        (404, true)
    );
    // A revoked token: 401, as imMail answers a stale token.
    probe.fake.revoke_service_tokens();
    assert_eq!(
        probe.send("POST", token_path, &[auth, JSON], &good).await,
        (401, false)
    );
}
