// Test harness: starts the reference server (sandbox mode) on loopback, and a static
// server for a built app (the demo's dist/ unless told) that proxies /api to it, like
// `trunk serve` does.
// `backendDown()` makes the API unreachable from the browser (connections are cut)
// while the server keeps its rooms; `backendUp()` restores it.
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const DIST = process.env.DIST_DIR || join(ROOT, "dist");
const SERVER_BIN = process.env.SERVER_BIN || join(ROOT, "target/debug/immail-meet-server");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
// The fixed ports: API `base + 787`, sandbox `base + 788`, web `base + 80` (plus
// `offset` for a second app). E2E_PORT_BASE moves them all (default 18000).
const PORT_BASE = Number(process.env.E2E_PORT_BASE || 18000);

export async function start({
  dist = DIST,
  offset = 0,
  apiPort = PORT_BASE + 787 + offset,
  sandboxPort = PORT_BASE + 788 + offset,
  webPort = PORT_BASE + 80 + offset,
} = {}) {
  const server = spawn(SERVER_BIN, [], {
    env: {
      ...process.env,
      IMMAIL_MEET_LISTEN: `127.0.0.1:${apiPort}`,
      IMMAIL_MEET_SANDBOX_LISTEN: `127.0.0.1:${sandboxPort}`,
      IMMAIL_MEET_MODE: "sandbox",
      IMMAIL_MEET_DATABASE_URL: "sqlite::memory:",
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let down = false;
  const web = createServer(async (req, res) => {
    if (req.url.startsWith("/api/")) {
      if (down) return req.socket.destroy();
      const upstream = request(
        { host: "127.0.0.1", port: apiPort, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => req.socket.destroy());
      return req.pipe(upstream);
    }
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = path === "/" ? "index.html" : path.slice(1);
    try {
      const body = await readFile(join(dist, file));
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => web.listen(webPort, "127.0.0.1", resolve));
  await waitFor(`http://127.0.0.1:${apiPort}/api/meet/config`);
  return {
    url: `http://127.0.0.1:${webPort}/`,
    backendDown() {
      down = true;
    },
    backendUp() {
      down = false;
    },
    async stop() {
      server.kill();
      await new Promise((resolve) => web.close(resolve));
    },
  };
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}
