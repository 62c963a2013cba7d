//! Serving under stress and stopping: slow clients that send half a request, or stop
//! reading, do not keep grants from being answered; SIGTERM and Ctrl-C let grants and
//! downloads in flight finish.

mod common;

use std::time::{Duration, Instant};

use common::process::*;
use common::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions, Fault};
use immail_meet_server::server::serve::{serve, ServeOptions};
use immail_meet_server::upstream::sandbox::history::LARGE_RECORDING_BYTES;
use immail_meet_server::upstream::sandbox::recording::{fill, seed_of};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The API served on a loopback port with `options`; its address and its stop switch.
async fn served(
    app: &TestApp,
    options: ServeOptions,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, app.api.clone(), options, async {
        let _ = stopped.await;
    }));
    (addr, stop)
}

/// Until `until`: connections that send a request's first lines, then one header line
/// every 300 ms, never the end of the head; each reconnects when it is cut.
fn slowloris(
    addr: std::net::SocketAddr,
    clients: usize,
    until: Instant,
) -> Vec<tokio::task::JoinHandle<usize>> {
    (0..clients)
        .map(|_| {
            tokio::spawn(async move {
                let mut connections = 0;
                while Instant::now() < until {
                    let Ok(mut stream) = TcpStream::connect(addr).await else {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    };
                    connections += 1;
                    let _ = stream
                        .write_all(b"POST /api/meet/rooms HTTP/1.1\r\nHost: x\r\n")
                        .await;
                    while Instant::now() < until {
                        tokio::time::sleep(Duration::from_millis(300)).await;
                        if stream.write_all(b"X-Slow: yes\r\n").await.is_err() {
                            break;
                        }
                        let mut buf = [0_u8; 64];
                        // A closed connection reads 0 bytes (or fails): reconnect.
                        let read =
                            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut buf));
                        if let Ok(Ok(0) | Err(_)) = read.await {
                            break;
                        }
                    }
                }
                connections
            })
        })
        .collect()
}

fn options(header_read_timeout_secs: u64, max_connections: usize) -> ServeOptions {
    ServeOptions {
        header_read_timeout_secs,
        idle_timeout_secs: 1,
        max_connections,
        shutdown_grace_secs: 1,
    }
}

/// A grant over a real connection, or `None` if none came within `limit`.
async fn grant_within(addr: std::net::SocketAddr, room: &str, limit: Duration) -> Option<u16> {
    let url = format!("http://{addr}/api/meet/rooms/{room}/grant");
    let request = client().post(url).send();
    match tokio::time::timeout(limit, request).await {
        Ok(Ok(response)) => Some(response.status().as_u16()),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_do_not_keep_grants_from_being_answered() {
    let app = app().await;
    let (room, _) = create_room(&app.api).await;

    // Without a useful header-read time-out, 16 slow clients hold the 8 places.
    let (addr, stop) = served(&app, options(60, 8)).await;
    let attack = slowloris(addr, 16, Instant::now() + Duration::from_secs(4));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        grant_within(addr, &room, Duration::from_secs(2)).await,
        None,
        "the control: every place is held"
    );
    for client in attack {
        client.await.unwrap();
    }
    let _ = stop.send(());

    // With a 1 s time-out, a grant is answered while the attack goes on.
    let (addr, stop) = served(&app, options(1, 8)).await;
    let until = Instant::now() + Duration::from_secs(20);
    let attack = slowloris(addr, 16, until);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    assert_eq!(
        grant_within(addr, &room, Duration::from_secs(15)).await,
        Some(200)
    );
    assert!(Instant::now() < until, "answered during the attack");
    let waited = started.elapsed();
    let mut connections = 0;
    for client in attack {
        connections += client.await.unwrap();
    }
    assert!(
        connections > 32,
        "the slow clients were cut and came back: {connections}"
    );
    println!("grant answered after {waited:?} during the attack");
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_a_download_loses_its_place() {
    let app = app().await;
    let (_, cookie, list) = listed_room(&app.api, "Big").await;
    let (room, _) = create_room(&app.api).await;
    let (addr, stop) = served(&app, options(5, 1)).await;
    let file = &list.data[1].recording_files[0].id;
    let mut reader = TcpStream::connect(addr).await.unwrap();
    let request =
        format!("GET /api/meet/recordings/{file} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\r\n");
    reader.write_all(request.as_bytes()).await.unwrap();
    // It never reads: the server's writes stall, and after the 1 s idle time-out the
    // connection is closed and its one place freed.
    assert_eq!(
        grant_within(addr, &room, Duration::from_secs(15)).await,
        Some(200)
    );
    drop(reader);
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_a_grant_in_flight_finish() {
    let fake = FakeImmail::start(FakeOptions::default()).await.unwrap();
    let mut server = ServerProcess::start(&[
        ("IMMAIL_MEET_MODE", "immail"),
        ("IMMAIL_MEET_DATABASE_URL", "sqlite::memory:"),
        ("IMMAIL_API_URL", &fake.url()),
        ("IMMAIL_API_KEY", &fake.options().api_key),
        ("IMMAIL_EMAIL_DOMAIN", &fake.options().email_domain),
    ]);
    let http = client();
    let created = post(&http, &server.api("/rooms"), None, r#"{"topic":"Stop"}"#).await;
    let host = created.cookie.unwrap();
    let url = server.api(&format!(
        "/rooms/{}/grant",
        created.body["name"].as_str().unwrap()
    ));
    fake.push_fault(Endpoint::Token, Fault::delay_ms(1_500));
    let in_flight = tokio::spawn({
        let (http, host) = (http.clone(), host.clone());
        async move { post(&http, &url, Some(&host), "").await }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    server.signal("TERM");
    let answer = in_flight.await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["moderator"], true);
    let status = server.wait(Duration::from_secs(10)).expect("it stops");
    assert!(status.success(), "{status:?}");
    assert!(
        server.logs().contains("SIGTERM: stopping"),
        "{}",
        server.logs()
    );
    assert!(
        client().get(server.api("/config")).send().await.is_err(),
        "nothing listens"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_lets_a_download_in_flight_end_whole() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("meet.db").display());
    let mut server = ServerProcess::start(&[
        ("IMMAIL_MEET_MODE", "sandbox"),
        ("IMMAIL_MEET_DATABASE_URL", &url),
    ]);
    let http = client();
    let created = post(&http, &server.api("/rooms"), None, r#"{"topic":"Big"}"#).await;
    let host = created.cookie.unwrap();
    let room = created.body["name"].as_str().unwrap();
    let listed = common::process::get(
        &http,
        &server.api(&format!("/rooms/{room}/sessions")),
        Some(&host),
    )
    .await;
    let file = listed.body["data"][1]["recording_files"][0]["_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = http
        .get(server.api(&format!("/recordings/{file}")))
        .header("cookie", &host)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut response = response;
    let (seed, mut position, mut signalled) = (seed_of(&file), 0_u64, false);
    let mut expected = Vec::new();
    while let Some(chunk) = response.chunk().await.expect("the download is not cut") {
        expected.resize(chunk.len(), 0);
        fill(seed, position, &mut expected);
        assert_eq!(chunk.as_ref(), expected.as_slice(), "bytes at {position}");
        position += chunk.len() as u64;
        if !signalled && position > 1 << 20 {
            server.signal("INT");
            signalled = true;
        }
    }
    assert_eq!(position, LARGE_RECORDING_BYTES, "every byte");
    let status = server.wait(Duration::from_secs(10)).expect("it stops");
    assert!(status.success(), "{status:?}");
    assert!(
        server.logs().contains("Ctrl-C: stopping"),
        "{}",
        server.logs()
    );
}
