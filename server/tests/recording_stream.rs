//! A 200 MiB sandbox recording streams through the server with bounded memory: a
//! counting global allocator (this test binary only) records the peak of live heap
//! bytes while the whole file goes through the router in-process, and again through a
//! real HTTP/1.1 connection on loopback (hyper's write path included). Every byte is
//! checked. The figures are printed (`--nocapture`); `scripts/bench-download.sh`
//! measures the release server's peak RSS and throughput from outside.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use http_body_util::BodyExt;
use immail_meet_server::upstream::sandbox::history::LARGE_RECORDING_BYTES;
use immail_meet_server::upstream::sandbox::recording::{fill, seed_of};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap growth allowed while streaming: a few 64 KiB chunks and buffers, nowhere near
/// the file's 200 MiB.
const BOUND: usize = 8 * 1024 * 1024;

/// Starts measuring: the peak restarts from the live bytes now.
fn start_measuring() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

/// Checks `chunk` against the file's bytes at `position`, in a reused buffer.
fn check(seed: u32, position: u64, chunk: &[u8], expected: &mut Vec<u8>) {
    expected.resize(chunk.len(), 0);
    fill(seed, position, expected);
    assert!(chunk == &expected[..], "bytes differ near {position}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200_mib_recording_streams_with_bounded_memory() {
    let app = app().await;
    let (_, cookie, sessions) = listed_room(&app.api, "Consulting").await;
    let file = sessions
        .data
        .iter()
        .flat_map(|s| &s.recording_files)
        .find(|f| f.size == Some(LARGE_RECORDING_BYTES))
        .expect("the sandbox's 200 MiB recording")
        .clone();
    let seed = seed_of(&file.id);
    let uri = format!("/api/meet/recordings/{}", file.id);
    let mut expected = Vec::with_capacity(64 * 1024);

    // 1. Through the router, in-process, frame by frame.
    let baseline = start_measuring();
    let started = Instant::now();
    let request = Request::get(&uri)
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    let response = app.api.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_LENGTH],
        LARGE_RECORDING_BYTES.to_string()
    );
    let mut body = response.into_body();
    let (mut received, mut largest_frame) = (0_u64, 0);
    while let Some(frame) = body.frame().await {
        let data = frame.unwrap().into_data().unwrap();
        check(seed, received, &data, &mut expected);
        largest_frame = largest_frame.max(data.len());
        received += data.len() as u64;
    }
    let in_process = (PEAK.load(Ordering::Relaxed) - baseline, started.elapsed());
    assert_eq!(received, LARGE_RECORDING_BYTES);

    // 2. Through a real HTTP/1.1 connection on loopback.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let api = app.api.clone();
    let server = tokio::spawn(async move { axum::serve(listener, api).await });
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let baseline = start_measuring();
    let started = Instant::now();
    let request = format!(
        "GET {uri} HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut buffer = vec![0_u8; 256 * 1024];
    let mut head = Vec::new();
    let body_start = loop {
        let n = stream.read(&mut buffer).await.unwrap();
        assert!(n > 0, "the connection closed before the headers");
        head.extend_from_slice(&buffer[..n]);
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
    };
    let text = String::from_utf8_lossy(&head[..body_start]).to_lowercase();
    assert!(text.starts_with("http/1.1 200"), "{text}");
    assert!(
        text.contains(&format!("content-length: {LARGE_RECORDING_BYTES}\r\n")),
        "{text}"
    );
    assert!(!text.contains("transfer-encoding"), "{text}");
    let mut received = (head.len() - body_start) as u64;
    check(seed, 0, &head[body_start..], &mut expected);
    loop {
        let n = stream.read(&mut buffer).await.unwrap();
        if n == 0 {
            break;
        }
        check(seed, received, &buffer[..n], &mut expected);
        received += n as u64;
    }
    let loopback = (PEAK.load(Ordering::Relaxed) - baseline, started.elapsed());
    server.abort();
    assert_eq!(received, LARGE_RECORDING_BYTES);

    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    let rate = |elapsed: std::time::Duration| {
        LARGE_RECORDING_BYTES as f64 / (1024.0 * 1024.0) / elapsed.as_secs_f64()
    };
    println!(
        "200 MiB recording, in-process: peak heap growth {:.2} MiB, largest frame {} KiB, {:.0} MiB/s (this build, checking every byte)",
        mib(in_process.0),
        largest_frame / 1024,
        rate(in_process.1)
    );
    println!(
        "200 MiB recording, loopback HTTP/1.1: peak heap growth {:.2} MiB, {:.0} MiB/s (this build, checking every byte)",
        mib(loopback.0),
        rate(loopback.1)
    );
    assert!(
        in_process.0 < BOUND,
        "in-process peak {} bytes",
        in_process.0
    );
    assert!(loopback.0 < BOUND, "loopback peak {} bytes", loopback.0);
}
