//! What the history components' browser tests share: a fake `window.fetch` that answers
//! by path, and reading the page.

use leptos::tachys::view::Mountable;

use super::browser::Mounted;

/// Replaces `window.fetch`: `window.__routes[path + query]` is a list of answers
/// (`{status, body}`, `{reject: true}` or with a `delay` in ms), used in turn, the last
/// one repeating; other URLs get a 404. Requests are recorded in `window.__requests`.
const FAKE_FETCH: &str = r#"
    window.__realFetch = window.__realFetch || window.fetch;
    window.__requests = [];
    window.__routes = {};
    window.fetch = async function (resource, init) {
        const input = new Request(resource, init);
        const url = new URL(input.url);
        const key = url.pathname + url.search;
        window.__requests.push({
            method: input.method, url: key, credentials: input.credentials,
            cache: input.cache, accept: input.headers.get('accept'),
        });
        const queue = window.__routes[key];
        if (!queue) {
            return new Response('{"error":{"code":"not_found","message":"No such endpoint."}}', { status: 404 });
        }
        const s = queue.length > 1 ? queue.shift() : queue[0];
        if (s.delay) await new Promise((resolve) => setTimeout(resolve, s.delay));
        if (s.reject) throw new TypeError('Failed to fetch');
        return new Response(s.body, { status: s.status || 200, headers: { 'content-type': 'application/json' } });
    };
"#;

pub fn fake_fetch() {
    js_sys::eval(FAKE_FETCH).unwrap();
}

/// `text` as a JS string literal.
pub fn js_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// Answers `path` with `answers` (a JS array literal of scenarios).
pub fn route(path: &str, answers: &str) {
    js_sys::eval(&format!(
        "window.__routes[{}] = {answers};",
        js_string(path)
    ))
    .unwrap();
}

/// Answers `path` with 200 and `body`.
pub fn route_json(path: &str, body: &str) {
    route(path, &format!("[{{ body: {} }}]", js_string(body)));
}

pub fn requested_urls() -> Vec<String> {
    let urls = js_sys::eval("JSON.stringify(window.__requests.map(r => r.url))").unwrap();
    serde_json::from_str(&urls.as_string().unwrap()).unwrap()
}

pub fn texts<S: Mountable>(page: &Mounted<S>, selector: &str) -> Vec<String> {
    page.find_all(selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// What the browser itself shows for `ms` in the reader's zone and locale.
pub fn browser_local(ms: i64) -> String {
    js_sys::eval(&format!(
        "new Date({ms}).toLocaleString(undefined, {{ dateStyle: 'medium', timeStyle: 'short' }})"
    ))
    .unwrap()
    .as_string()
    .unwrap()
}

/// A session list page: `count` sessions numbered from `first`, `total` in all.
pub fn sessions_page(first: usize, count: usize, total: usize) -> String {
    let sessions: Vec<String> = (first..first + count)
        .map(|n| format!(r#"{{"_id": "s{n}", "status": "COMPLETED", "duration": {n}}}"#))
        .collect();
    format!(
        r#"{{"total_row": {total}, "data": [{}]}}"#,
        sessions.join(",")
    )
}
