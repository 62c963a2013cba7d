//! `immail-fake`: the fake imMail API as a process, for `scripts/bench-upstream.sh`.
//! `GET /_fake/stats` gives the calls per endpoint. `--help` lists the settings.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;
use immail_fake::{FakeImmail, FakeOptions};

/// A fake imMail API on loopback (strict request checks, call counts, fixed latency).
#[derive(Parser)]
#[command(name = "immail-fake", version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:9797")]
    listen: SocketAddr,
    /// Milliseconds added to every call before it is answered.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// The API key `/auth/token` accepts.
    #[arg(long, env = "FAKE_IMMAIL_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// The email domain `/auth/token` accepts.
    #[arg(long, default_value = "example.com")]
    email_domain: String,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let defaults = FakeOptions::default();
    let options = FakeOptions {
        api_key: args.api_key.unwrap_or(defaults.api_key),
        email_domain: args.email_domain,
        latency: Duration::from_millis(args.latency_ms),
        ..defaults
    };
    let fake = match FakeImmail::bind(args.listen, options).await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("immail-fake: cannot listen on {}: {e}", args.listen);
            std::process::exit(1);
        }
    };
    println!(
        "immail-fake: fake imMail API on {} ({} ms per call)",
        fake.url(),
        args.latency_ms
    );
    let _ = tokio::signal::ctrl_c().await;
    let violations = fake.violations();
    if !violations.is_empty() {
        eprintln!("immail-fake: requests imMail would refuse: {violations:#?}");
        std::process::exit(2);
    }
}
