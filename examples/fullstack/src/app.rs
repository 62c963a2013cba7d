//! The app: the HTML shell the server renders, and the routes.

use immail_meet::{HISTORY_STYLESHEET, STYLESHEET};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Style, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

use crate::account::{Account, AccountBar};
use crate::pages::{HistoryPage, HomePage, NotFound, RoomPage};

/// The document the server renders around [`App`]; the hydration script loads the
/// wasm, which takes over the page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="data:," />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The pages. Each route is rendered whole on the server (`SsrMode::Async`): its data
/// is in the HTML, it reads right before any wasm runs (or without it), and a page that
/// refuses (a guest's history) answers with its HTTP status.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Account::provide();
    view! {
        <Stylesheet id="leptos" href="/pkg/immail-meet-fullstack.css" />
        <Style>{STYLESHEET}</Style>
        <Style>{HISTORY_STYLESHEET}</Style>
        <Title formatter=|page| format!("{page} · Meetings") />
        <Router>
            <header>
                <A href="/">"Meetings"</A>
                <AccountBar />
            </header>
            <main>
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/room/:room") view=RoomPage ssr=SsrMode::Async />
                    <Route path=path!("/room/:room/history") view=HistoryPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}
