//! The fake's HTTP contract: imMail's three calls, checked strictly, plus
//! `GET /_fake/stats` for the benchmark.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::checks::{self, Field, Kind};
use crate::endpoint::Endpoint;
use crate::fault::{Fault, UPSTREAM_BODY_MARKER};
use crate::state::FakeState;

type Shared = State<Arc<FakeState>>;

/// The fake imMail API.
pub(crate) fn router(state: Arc<FakeState>) -> Router {
    Router::new()
        .route(Endpoint::AuthToken.path(), post(auth_token))
        .route(Endpoint::Schedule.path(), post(schedule))
        .route(Endpoint::Token.path(), post(token))
        .route("/_fake/stats", get(stats))
        .fallback(unexpected)
        .method_not_allowed_fallback(unexpected)
        .with_state(state)
}

/// `POST /auth/token`: `X-AUTH-TOKEN: <key>`, `{"email_domain"}` -> `{"token"}`.
async fn auth_token(State(fake): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let fault = begin(&fake, Endpoint::AuthToken, &body).await;
    let fields = [Field::required("email_domain", Kind::Text)];
    let Some((key, request)) = checked(
        &fake,
        Endpoint::AuthToken,
        &headers,
        &body,
        checks::api_key,
        &fields,
    ) else {
        return error(StatusCode::BAD_REQUEST, "Bad request");
    };
    if let Some(answer) = fault {
        return answer;
    }
    if key != fake.options.api_key || request["email_domain"] != fake.options.email_domain {
        return error(StatusCode::UNAUTHORIZED, "Invalid API key or email domain");
    }
    Json(json!({ "token": fake.issue_service_token() })).into_response()
}

/// `POST /v2/videoconference/schedule`: bearer, `{"topic", "start_at"?, "duration"?}` ->
/// the room object.
async fn schedule(State(fake): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let fault = begin(&fake, Endpoint::Schedule, &body).await;
    let fields = [
        Field::required("topic", Kind::Text),
        Field::optional("start_at", Kind::StartAt),
        Field::optional("duration", Kind::PositiveInt),
    ];
    let Some((token, request)) = checked(
        &fake,
        Endpoint::Schedule,
        &headers,
        &body,
        checks::bearer,
        &fields,
    ) else {
        return error(StatusCode::BAD_REQUEST, "Bad request");
    };
    if let Some(answer) = fault {
        return answer;
    }
    if !fake.service_token_valid(&token) {
        return error(StatusCode::UNAUTHORIZED, "Unauthorized");
    }
    let room = fake.add_room(request["topic"].as_str().unwrap_or_default());
    let mut answer = json!({
        "_id": room.id,
        "name": room.name,
        "topic": room.topic,
        "status": "SCHEDULED",
    });
    for optional in ["start_at", "duration"] {
        if let Some(value) = request.get(optional) {
            answer[optional] = value.clone();
        }
    }
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// `POST /v2/videoconference/token`: bearer, `{"room_name", "moderator"}` -> `{"token"}`.
async fn token(State(fake): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let fault = begin(&fake, Endpoint::Token, &body).await;
    let fields = [
        Field::required("room_name", Kind::Text),
        Field::required("moderator", Kind::Bool),
    ];
    let Some((token, request)) = checked(
        &fake,
        Endpoint::Token,
        &headers,
        &body,
        checks::bearer,
        &fields,
    ) else {
        return error(StatusCode::BAD_REQUEST, "Bad request");
    };
    if let Some(answer) = fault {
        return answer;
    }
    if !fake.service_token_valid(&token) {
        return error(StatusCode::UNAUTHORIZED, "Unauthorized");
    }
    let room = request["room_name"].as_str().unwrap_or_default();
    if !fake.has_room(room) {
        fake.violation(format!("a token was asked for an unknown room {room:?}"));
        return error(StatusCode::NOT_FOUND, "Room not found");
    }
    let moderator = request["moderator"].as_bool().unwrap_or_default();
    Json(json!({ "token": fake.issue_participant_token(room, moderator) })).into_response()
}

/// `GET /_fake/stats`: calls per endpoint and the number of violations.
async fn stats(State(fake): Shared) -> Json<Value> {
    let mut stats = json!({ "violations": fake.violations().len() });
    for endpoint in Endpoint::ALL {
        stats[endpoint.key()] = json!(fake.calls(endpoint));
    }
    Json(stats)
}

/// Any other request: the server asked for something imMail does not have.
async fn unexpected(State(fake): Shared, method: Method, uri: Uri) -> Response {
    fake.violation(format!("unexpected request {method} {uri}"));
    error(StatusCode::NOT_FOUND, "Not found")
}

/// Counts the call, waits the latency and any injected delay, and gives the injected
/// answer, if any.
async fn begin(fake: &FakeState, endpoint: Endpoint, body: &[u8]) -> Option<Response> {
    let fault = fake.arrive(endpoint, body);
    if !fake.options.latency.is_zero() {
        tokio::time::sleep(fake.options.latency).await;
    }
    match fault? {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            None
        }
        Fault::Answer {
            status,
            body,
            delay,
        } => {
            tokio::time::sleep(delay).await;
            Some(
                (
                    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    body,
                )
                    .into_response(),
            )
        }
    }
}

/// The request's credential (by `credential`) and JSON body (with exactly `fields`); a
/// request that fails a check is recorded as a violation (the caller answers `400`).
fn checked(
    fake: &FakeState,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: &[u8],
    credential: fn(&HeaderMap) -> Result<String, String>,
    fields: &[Field],
) -> Option<(String, Map<String, Value>)> {
    let checked =
        credential(headers).and_then(|c| Ok((c, checks::json_body(headers, body, fields)?)));
    checked
        .map_err(|violation| fake.violation(format!("{endpoint}: {violation}")))
        .ok()
}

/// An error answer in the style of an API that says too much: it holds
/// [`UPSTREAM_BODY_MARKER`], which must never reach the server's own answers or logs.
fn error(status: StatusCode, message: &str) -> Response {
    let body = json!({
        "statusCode": status.as_u16(),
        "message": message,
        "detail": UPSTREAM_BODY_MARKER,
    });
    (status, Json(body)).into_response()
}
