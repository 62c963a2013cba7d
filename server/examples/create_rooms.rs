//! Load client for `scripts/bench-rooms.sh`: creates `ROOMS` rooms on a running server,
//! spread over `IDENTITIES` visitors (each one's first creation gets its cookie), with
//! `CONCURRENCY` requests in flight, and prints what it got.
//!
//!     cargo run --example create_rooms -- http://127.0.0.1:8787 100000 5000 64

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, rooms, identities, concurrency] = args.as_slice() else {
        eprintln!("usage: create_rooms URL ROOMS IDENTITIES CONCURRENCY");
        std::process::exit(2);
    };
    let url = format!("{}/api/meet/rooms", url.trim_end_matches('/'));
    let rooms: usize = rooms.parse().expect("ROOMS");
    let identities: usize = identities.parse().expect("IDENTITIES");
    let concurrency: usize = concurrency.parse().expect("CONCURRENCY");
    let per_identity = rooms.div_ceil(identities);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let (next, claimed, created, failed) = (
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
    );
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            let (next, claimed) = (next.clone(), claimed.clone());
            let (created, failed) = (created.clone(), failed.clone());
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < identities {
                    let mut cookie: Option<String> = None;
                    for _ in 0..per_identity {
                        if claimed.fetch_add(1, Ordering::Relaxed) >= rooms {
                            return;
                        }
                        let mut request = client
                            .post(&url)
                            .header("content-type", "application/json")
                            .body(r#"{"topic":"Load"}"#);
                        if let Some(cookie) = &cookie {
                            request = request.header("cookie", cookie);
                        }
                        match request.send().await {
                            Ok(answer) if answer.status() == 201 => {
                                if cookie.is_none() {
                                    cookie = answer
                                        .headers()
                                        .get("set-cookie")
                                        .and_then(|v| v.to_str().ok())
                                        .and_then(|v| v.split(';').next())
                                        .map(str::to_owned);
                                }
                                created.fetch_add(1, Ordering::Relaxed);
                            }
                            _ => {
                                failed.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let seconds = started.elapsed().as_secs_f64();
    let created = created.load(Ordering::Relaxed);
    println!(
        "RESULT created={created} failed={} seconds={seconds:.1} per_second={:.0}",
        failed.load(Ordering::Relaxed),
        created as f64 / seconds
    );
}
