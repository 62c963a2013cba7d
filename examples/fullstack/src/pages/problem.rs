//! What a page shows instead of its content when its data was refused.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::account::SignInForm;
use crate::error::AppError;

/// The sign-in form when signing in would help, else the error's message.
#[component]
pub fn Problem(error: AppError) -> impl IntoView {
    if error.needs_sign_in() {
        view! {
            <Title text="Sign in" />
            <h1>"Sign in to join"</h1>
            <SignInForm />
        }
        .into_any()
    } else {
        view! {
            <Title text="Refused" />
            <h1>"This meeting cannot be shown"</h1>
            <p class="problem" role="alert">{error.to_string()}</p>
            <p><a href="/">"Back to the meetings"</a></p>
        }
        .into_any()
    }
}
