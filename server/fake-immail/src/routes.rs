//! The fake's HTTP contract: imMail's three calls and the three history calls, checked
//! strictly, plus `GET /_fake/stats` for the benchmark.

use std::ops::ControlFlow::{self, Break, Continue};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, ETAG, IF_RANGE, RANGE};
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
        .route(Endpoint::Sessions.path(), get(sessions))
        .route(Endpoint::Messages.path(), get(messages))
        .route(Endpoint::Recording.path(), get(recording))
        .route("/_fake/stats", get(stats))
        .fallback(unexpected)
        .method_not_allowed_fallback(unexpected)
        .with_state(state)
}

/// `POST /auth/token`: `X-AUTH-TOKEN: <key>`, `{"email_domain"}` -> `{"token"}`.
async fn auth_token(State(fake): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let fields = [Field::required("email_domain", Kind::Text)];
    let call = receive(
        &fake,
        Endpoint::AuthToken,
        &headers,
        &body,
        checks::api_key,
        &fields,
    );
    let (key, request) = match call.await {
        Continue(checked) => checked,
        Break(answer) => return answer,
    };
    if key != fake.options.api_key || request["email_domain"] != fake.options.email_domain {
        return error(StatusCode::UNAUTHORIZED, "Invalid API key or email domain");
    }
    Json(json!({ "token": fake.issue_service_token() })).into_response()
}

/// `POST /v2/videoconference/schedule`: bearer, `{"topic", "start_at"?, "duration"?}` ->
/// the room object.
async fn schedule(State(fake): Shared, headers: HeaderMap, body: Bytes) -> Response {
    let fields = [
        Field::required("topic", Kind::Text),
        Field::optional("start_at", Kind::StartAt),
        Field::optional("duration", Kind::PositiveInt),
    ];
    let request = match receive_bearer(&fake, Endpoint::Schedule, &headers, &body, &fields).await {
        Continue(request) => request,
        Break(answer) => return answer,
    };
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
    let fields = [
        Field::required("room_name", Kind::Text),
        Field::required("moderator", Kind::Bool),
    ];
    let request = match receive_bearer(&fake, Endpoint::Token, &headers, &body, &fields).await {
        Continue(request) => request,
        Break(answer) => return answer,
    };
    let room = request["room_name"].as_str().unwrap_or_default();
    if !fake.has_room(room) {
        fake.violation(format!("a token was asked for an unknown room {room:?}"));
        return error(StatusCode::NOT_FOUND, "Room not found");
    }
    let moderator = request["moderator"].as_bool().unwrap_or_default();
    Json(json!({ "token": fake.issue_participant_token(room, moderator) })).into_response()
}

/// `GET .../room/{room_id}/sessions?page=&limit=`: bearer -> the seed's session list.
async fn sessions(
    State(fake): Shared,
    Path(room_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let paging = checks::paging(uri.query().unwrap_or_default());
    let received = receive_get(
        &fake,
        Endpoint::Sessions,
        &headers,
        &uri,
        &body,
        "application/json",
    );
    if let Break(answer) = received.await {
        return answer;
    }
    let (page, limit) = match paging {
        Ok(paging) => paging,
        Err(violation) => {
            fake.violation(format!("{}: {violation}", Endpoint::Sessions));
            return error(StatusCode::BAD_REQUEST, "Bad request");
        }
    };
    let Some(all) = fake.sessions_of(&room_id) else {
        return error(StatusCode::NOT_FOUND, "Video room not found");
    };
    let count = |status: &str| all.iter().filter(|s| s["status"] == status).count();
    Json(json!({
        "total_completed": count("COMPLETED"),
        "total_in_progress": count("IN-PROGRESS"),
        "total_row": all.len(),
        "data": all.iter().skip((page - 1) * limit).take(limit).collect::<Vec<_>>(),
    }))
    .into_response()
}

/// `GET .../session/{session_id}/messages`: bearer -> `{"messages": [...]}`.
async fn messages(
    State(fake): Shared,
    Path(session_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let received = receive_get(
        &fake,
        Endpoint::Messages,
        &headers,
        &uri,
        &body,
        "application/json",
    );
    if let Break(answer) = received.await {
        return answer;
    }
    match fake.chat_of(&session_id) {
        Some(chat) => Json(chat).into_response(),
        None => error(StatusCode::NOT_FOUND, "Session not found"),
    }
}

/// `GET .../recording/{file_id}/download`: bearer -> the bytes, with one `Range`
/// (`206`, or `416` with the length) unless ranges are off; `If-Range` with another
/// ETag gets the whole file.
async fn recording(
    State(fake): Shared,
    Path(file_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let received = receive_get(&fake, Endpoint::Recording, &headers, &uri, &body, "*/*");
    if let Break(answer) = received.await {
        return answer;
    }
    let Some(bytes) = fake.recording(&file_id) else {
        return error(StatusCode::NOT_FOUND, "File not found");
    };
    let etag = crate::FakeImmail::etag(&file_id);
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &axum::http::HeaderValue| v.to_str().ok())
    };
    let same_file = text(IF_RANGE).is_none_or(|tag| tag == etag);
    let asked = text(RANGE).filter(|_| fake.options.ranges && same_file);
    let length = bytes.len();
    let Some(asked) = asked else {
        return (
            [(CONTENT_TYPE, "video/x-msf".to_owned()), (ETAG, etag)],
            bytes,
        )
            .into_response();
    };
    match crate::history::range(asked, length) {
        Ok((start, end)) => (
            StatusCode::PARTIAL_CONTENT,
            [
                (CONTENT_TYPE, "video/x-msf".to_owned()),
                (ETAG, etag),
                (CONTENT_RANGE, format!("bytes {start}-{end}/{length}")),
                (CONTENT_LENGTH, (end - start + 1).to_string()),
            ],
            bytes[start..=end].to_vec(),
        )
            .into_response(),
        Err(()) => (
            StatusCode::RANGE_NOT_SATISFIABLE,
            [(CONTENT_RANGE, format!("bytes */{length}"))],
        )
            .into_response(),
    }
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

/// The start of every call: counted (with its body, or a `GET`'s query, recorded),
/// delayed by the latency and any injected delay, then checked by `check`. A request
/// that fails its check is recorded as a violation and answered `400`; an injected
/// answer comes next; else what the check read goes on to the handler.
async fn arrive<T>(
    fake: &FakeState,
    endpoint: Endpoint,
    recorded: &[u8],
    check: impl FnOnce() -> Result<T, String>,
) -> ControlFlow<Response, T> {
    let fault = fake.arrive(endpoint, recorded);
    if !fake.options.latency.is_zero() {
        tokio::time::sleep(fake.options.latency).await;
    }
    let answer = match fault {
        Some(Fault::Delay(delay)) => {
            tokio::time::sleep(delay).await;
            None
        }
        Some(Fault::Answer {
            status,
            body,
            delay,
        }) => {
            tokio::time::sleep(delay).await;
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Some((status, [(CONTENT_TYPE, "application/json")], body).into_response())
        }
        None => None,
    };
    match (check(), answer) {
        (Err(violation), _) => {
            fake.violation(format!("{endpoint}: {violation}"));
            Break(error(StatusCode::BAD_REQUEST, "Bad request"))
        }
        (Ok(_), Some(answer)) => Break(answer),
        (Ok(checked), None) => Continue(checked),
    }
}

/// A JSON call: [`arrive`], checking its credential (by `credential`) and its JSON body
/// (exactly `fields`).
async fn receive(
    fake: &FakeState,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: &[u8],
    credential: fn(&HeaderMap) -> Result<String, String>,
    fields: &[Field],
) -> ControlFlow<Response, (String, Map<String, Value>)> {
    arrive(fake, endpoint, body, || {
        credential(headers).and_then(|c| Ok((c, checks::json_body(headers, body, fields)?)))
    })
    .await
}

/// A history `GET`: [`arrive`] with [`checks::get`] and its query recorded, then a
/// valid service token (else `401`).
async fn receive_get(
    fake: &FakeState,
    endpoint: Endpoint,
    headers: &HeaderMap,
    uri: &Uri,
    body: &[u8],
    accept: &str,
) -> ControlFlow<Response, ()> {
    let query = uri.query().unwrap_or_default();
    let token = arrive(fake, endpoint, query.as_bytes(), || {
        checks::get(headers, body, accept)
    })
    .await?;
    if !fake.service_token_valid(&token) {
        return Break(error(StatusCode::UNAUTHORIZED, "Unauthorized"));
    }
    Continue(())
}

/// A bearer call: [`receive`], then a valid service token (else `401`).
async fn receive_bearer(
    fake: &FakeState,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: &[u8],
    fields: &[Field],
) -> ControlFlow<Response, Map<String, Value>> {
    let (token, request) = receive(fake, endpoint, headers, body, checks::bearer, fields).await?;
    if !fake.service_token_valid(&token) {
        return Break(error(StatusCode::UNAUTHORIZED, "Unauthorized"));
    }
    Continue(request)
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
