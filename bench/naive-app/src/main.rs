//! The naive embed, as a developer would first write it: fetch a grant with gloo-net,
//! decode it with serde_json, put it in an iframe. No URL check, no encoding, no
//! time-out, no controls: a reference point for the size report, never an example.
use leptos::prelude::*;
use serde::Deserialize;

#[derive(Clone, Deserialize)]
struct Grant {
    meeting_url: String,
    jwt: String,
}

async fn grant() -> Result<Grant, String> {
    let response = gloo_net::http::Request::post("/api/meet/rooms/abc/grant")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn main() {
    leptos::mount::mount_to_body(|| {
        let grant = LocalResource::new(grant);
        move || match grant.get() {
            None => view! { <p>"Connecting…"</p> }.into_any(),
            Some(Err(e)) => view! { <p>{e}</p> }.into_any(),
            Some(Ok(g)) => view! {
                <iframe
                    src=format!("{}?jwt={}", g.meeting_url, g.jwt)
                    allow="camera; microphone; display-capture"
                ></iframe>
            }
            .into_any(),
        }
    });
}
