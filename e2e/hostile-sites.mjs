// Harness of hostile.test.mjs: the reference server (sandbox mode, its own SQLite file)
// on a loopback port chosen by the OS, and a second web server that plays the other
// sites: the same host on another port (same site, another origin), the same port
// reached as `localhost` (another site: 127.0.0.1 and localhost are different sites),
// and an origin the server is told to allow.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const SERVER_BIN = process.env.SERVER_BIN || join(ROOT, "target/debug/immail-meet-server");

/** A server on 127.0.0.1 with a free port that answers every path with `page(url)`. */
async function site(page) {
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(page(new URL(req.url, "http://x")));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: server.address().port };
}

/** A page that posts a form to `action` as soon as it loads. */
export function formPage(action, enctype, fields) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name='${name}' value='${value}'>`)
    .join("");
  return `<!doctype html><title>win a prize</title>
<form method="post" enctype="${enctype}" action="${action}">${inputs}</form>
<script>document.forms[0].submit()</script>`;
}

export async function start() {
  const dir = await mkdtemp(join(tmpdir(), "immail-meet-hostile-"));
  // The attacker's pages are made per test (the query names what to send where).
  let attack = () => "<!doctype html><title>nothing</title>";
  const attacker = await site((url) => attack(url));
  const friend = await site(() => "<!doctype html><title>the app, elsewhere</title>");
  const server = spawn(SERVER_BIN, [], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IMMAIL_"))),
      IMMAIL_MEET_LISTEN: "127.0.0.1:0",
      IMMAIL_MEET_SANDBOX_LISTEN: "127.0.0.1:0",
      IMMAIL_MEET_MODE: "sandbox",
      IMMAIL_MEET_DATABASE_URL: `sqlite://${join(dir, "meet.db")}`,
      IMMAIL_MEET_ALLOWED_ORIGINS: `http://127.0.0.1:${friend.port}`,
      RUST_LOG: "warn,immail_meet_server::server=info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const api = await new Promise((resolve, reject) => {
    let seen = "";
    server.stdout.on("data", (chunk) => {
      seen += chunk;
      const found = seen.match(/API on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (found) resolve(found[1]);
    });
    server.on("exit", (code) => reject(new Error(`the server stopped (${code}): ${seen}`)));
  });
  server.stdout.resume();
  const browser = await launch();
  return {
    browser,
    /** The API's origin, e.g. http://127.0.0.1:41234. */
    api,
    /** The same site on another port. */
    sameSite: `http://127.0.0.1:${attacker.port}`,
    /** Another site (the attacker's server under another host name). */
    crossSite: `http://localhost:${attacker.port}`,
    /** The origin the server allows (CORS, and state-changing requests). */
    allowed: `http://127.0.0.1:${friend.port}`,
    /** Sets what the attacker's pages are. */
    attackWith(page) {
      attack = page;
    },
    async stop() {
      await browser.close();
      server.kill();
      attacker.server.close();
      friend.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
