//! The page of an unknown address.

use leptos::prelude::*;
use leptos_meta::Title;

/// No such page (`404`).
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Not found" />
        <h1>"No such page"</h1>
        <p><a href="/">"Back to the meetings"</a></p>
    }
}
