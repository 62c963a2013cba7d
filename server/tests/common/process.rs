//! The server binary as a process: started on free loopback ports, its log lines kept,
//! killed or signalled.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// A running `immail-meet-server`.
pub struct ServerProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`: the API is under `/api/meet`.
    pub url: String,
    /// `http://127.0.0.1:PORT` of the sandbox pages (sandbox mode).
    pub sandbox_url: Option<String>,
    logs: Arc<Mutex<Vec<String>>>,
}

/// Why a server did not start: its exit status and everything it printed.
#[derive(Debug)]
pub struct Refused {
    pub status: Option<ExitStatus>,
    pub output: String,
}

impl ServerProcess {
    /// Starts the server with these settings (on top of loopback ports chosen by the OS,
    /// `RUST_LOG=info` and no inherited `IMMAIL_*` variable).
    pub fn start(settings: &[(&str, &str)]) -> Self {
        Self::try_start(settings).unwrap_or_else(|refused| panic!("{refused:?}"))
    }

    /// Starts the server, or says why it stopped.
    pub fn try_start(settings: &[(&str, &str)]) -> Result<Self, Refused> {
        let mut command = Command::new(env!("CARGO_BIN_EXE_immail-meet-server"));
        for (name, _) in std::env::vars() {
            if name.starts_with("IMMAIL_") {
                command.env_remove(name);
            }
        }
        command
            .env("IMMAIL_MEET_LISTEN", "127.0.0.1:0")
            .env("IMMAIL_MEET_SANDBOX_LISTEN", "127.0.0.1:0")
            .env("RUST_LOG", "info")
            .envs(settings.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().unwrap();
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (started, addresses) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        for (output, started) in [
            (
                Box::new(stdout) as Box<dyn std::io::Read + Send>,
                Some(started),
            ),
            (Box::new(stderr), None),
        ] {
            let logs = logs.clone();
            std::thread::spawn(move || {
                let mut sandbox = None;
                for line in BufReader::new(output).lines() {
                    let Ok(line) = line else { break };
                    if let Some(rest) = line.split("simulated at ").nth(1) {
                        sandbox = rest.strip_suffix("/sandbox/meet/").map(str::to_owned);
                    }
                    if let (Some(started), Some(rest)) = (&started, line.split("API on ").nth(1)) {
                        let url = rest.trim_end_matches("/api/meet/").to_owned();
                        let _ = started.send((url, sandbox.clone()));
                    }
                    logs.lock().unwrap().push(line);
                }
            });
        }
        match addresses.recv_timeout(Duration::from_secs(30)) {
            Ok((url, sandbox_url)) => Ok(Self {
                child,
                url,
                sandbox_url,
                logs,
            }),
            Err(_) => {
                let status = wait_for_exit(&mut child, Duration::from_secs(10));
                if status.is_none() {
                    let _ = child.kill();
                }
                std::thread::sleep(Duration::from_millis(100));
                let output = logs.lock().unwrap().join("\n");
                Err(Refused { status, output })
            }
        }
    }

    /// The API's URL for `path` (e.g. `/rooms`).
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/meet{path}", self.url)
    }

    /// Everything it printed so far.
    pub fn logs(&self) -> String {
        self.logs.lock().unwrap().join("\n")
    }

    /// `kill -9`: no chance to clean up.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Sends a signal (`TERM`, `INT`).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for it to exit (at most `limit`).
    pub fn wait(&mut self, limit: Duration) -> Option<ExitStatus> {
        wait_for_exit(&mut self.child, limit)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for_exit(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = std::time::Instant::now() + limit;
    while std::time::Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// An HTTP client for the processes: no proxy, no cookie jar (cookies are passed by
/// hand, one per browser).
pub fn client() -> reqwest::Client {
    // The server's reqwest brings no TLS provider of its own (plain http here anyway).
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// A JSON answer: status, the visitor cookie it set (`name=value`), the body.
pub struct JsonAnswer {
    pub status: u16,
    pub cookie: Option<String>,
    pub body: serde_json::Value,
}

/// `POST url` with a JSON body and an optional cookie.
pub async fn post(
    client: &reqwest::Client,
    url: &str,
    cookie: Option<&str>,
    body: &str,
) -> JsonAnswer {
    let mut request = client
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    read(request.send().await.unwrap()).await
}

/// `GET url` with an optional cookie.
pub async fn get(client: &reqwest::Client, url: &str, cookie: Option<&str>) -> JsonAnswer {
    let mut request = client.get(url);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    read(request.send().await.unwrap()).await
}

async fn read(response: reqwest::Response) -> JsonAnswer {
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let text = response.text().await.unwrap();
    JsonAnswer {
        status,
        cookie,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    }
}
