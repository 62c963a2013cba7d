//! Who is signed in: the sign-in server functions, the [`Account`] every page reads,
//! the sign-in form and the header's account bar.

use leptos::prelude::*;

use crate::error::AppError;

/// The name signed in on this browser, if any.
#[server(endpoint = "user")]
pub async fn current_user() -> Result<Option<String>, AppError> {
    let (state, parts) = crate::server::call::request()?;
    Ok(state.sign_in.user(&parts.headers))
}

/// Signs `name` in on this browser: whoever signs in with the name that created a
/// meeting hosts it, in any browser. (An example: a name is enough.)
#[server(endpoint = "sign_in")]
pub async fn sign_in(name: String) -> Result<String, AppError> {
    use crate::server::call::{failed, request};
    use crate::server::sign_in_cookie::checked_name;
    use axum::http::{header::SET_COOKIE, HeaderValue};

    let (state, _) = request()?;
    let name = checked_name(&name).map_err(|e| failed(AppError::Invalid(e)))?;
    let cookie = HeaderValue::from_str(&state.sign_in.sign_in(&name))
        .map_err(|e| failed(AppError::ServerFn(e.to_string())))?;
    expect_context::<leptos_axum::ResponseOptions>().append_header(SET_COOKIE, cookie);
    Ok(name)
}

/// Signs out of this browser.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use axum::http::{header::SET_COOKIE, HeaderValue};

    let (state, _) = crate::server::call::request()?;
    let cookie = HeaderValue::from_str(&state.sign_in.sign_out())
        .map_err(|e| AppError::ServerFn(e.to_string()))?;
    expect_context::<leptos_axum::ResponseOptions>().append_header(SET_COOKIE, cookie);
    Ok(())
}

/// The account of this browser, in context for every page: the sign-in and sign-out
/// actions, and the signed-in name, fetched again after each of them.
#[derive(Clone, Copy)]
pub struct Account {
    /// Signs a name in.
    pub sign_in: ServerAction<SignIn>,
    /// Signs out.
    pub sign_out: ServerAction<SignOut>,
    /// The signed-in name.
    pub user: Resource<Result<Option<String>, AppError>>,
}

impl Account {
    /// Creates the account and provides it to the components below.
    pub fn provide() -> Self {
        let sign_in = ServerAction::<SignIn>::new();
        let sign_out = ServerAction::<SignOut>::new();
        let user = Resource::new(
            move || (sign_in.version().get(), sign_out.version().get()),
            |_| current_user(),
        );
        let account = Self {
            sign_in,
            sign_out,
            user,
        };
        provide_context(account);
        account
    }

    /// The account provided by the app.
    pub fn expect() -> Self {
        expect_context()
    }

    /// Changes each time someone signs in or out here: resources that depend on who is
    /// signed in track it.
    pub fn changes(&self) -> usize {
        self.sign_in.version().get() + self.sign_out.version().get()
    }
}

/// A name to sign in with. Works before (and without) the page's wasm: a plain form
/// post, answered with a redirect back to the page.
#[component]
pub fn SignInForm() -> impl IntoView {
    let account = Account::expect();
    let error = move || {
        account
            .sign_in
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| {
                view! { <p class="problem" role="alert">{error.to_string()}</p> }
            })
    };
    view! {
        <ActionForm action=account.sign_in>
            <div class="field">
                <label for="sign-in-name">"Your name"</label>
                <input id="sign-in-name" type="text" name="name" required maxlength="64" autocomplete="name" />
            </div>
            <button type="submit">"Sign in"</button>
        </ActionForm>
        {error}
    }
}

/// The signed-in name and a Sign out button, or nothing.
#[component]
pub fn AccountBar() -> impl IntoView {
    let account = Account::expect();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                account.user.await.ok().flatten().map(|name| view! {
                    <p class="account">"Signed in as " <strong>{name}</strong></p>
                    <ActionForm action=account.sign_out>
                        <button type="submit" class="secondary">"Sign out"</button>
                    </ActionForm>
                })
            })}
        </Transition>
    }
}
