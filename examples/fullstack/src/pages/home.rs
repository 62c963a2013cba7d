//! `/`: sign in, then create a meeting.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::account::{Account, SignInForm};
use crate::meeting::CreateMeeting;

/// Signed out: the sign-in form. Signed in: a form that creates a meeting you host.
#[component]
pub fn HomePage() -> impl IntoView {
    let account = Account::expect();
    view! {
        <Title text="Home" />
        <h1>"Meetings"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match account.user.await {
                    Ok(Some(_)) => view! { <NewMeeting /> }.into_any(),
                    _ => view! {
                        <p>"Sign in with your name to create a meeting, or to join one you were invited to."</p>
                        <SignInForm />
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// Creates a meeting (you host it) and goes to it.
#[component]
fn NewMeeting() -> impl IntoView {
    let create = ServerAction::<CreateMeeting>::new();
    let error = move || {
        create.value().get().and_then(Result::err).map(|error| {
            view! { <p class="problem" role="alert">{error.to_string()}</p> }
        })
    };
    view! {
        <p>"You host the meetings you create, in any browser where you sign in with your name. Guests join at the meeting's address."</p>
        <ActionForm action=create>
            <div class="field">
                <label for="topic">"Topic"</label>
                <input id="topic" type="text" name="topic" required maxlength="200" />
            </div>
            <button type="submit">"Create a meeting"</button>
        </ActionForm>
        {error}
    }
}
