// Starts the built example (scripts/fullstack.sh serve) on a free port with a fresh
// store, and hands its URL to the tests (FULLSTACK_URL); stops it after them.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = new URL("../../../", import.meta.url).pathname;

/** Starts the server; resolves with its URL and a function that stops it. */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), "immail-meet-fullstack-"));
  const server = spawn(join(ROOT, "scripts/fullstack.sh"), ["serve"], {
    env: {
      ...process.env,
      LEPTOS_SITE_ADDR: "127.0.0.1:0",
      IMMAIL_MEET_SANDBOX_LISTEN: "127.0.0.1:0",
      IMMAIL_MEET_DATABASE_URL: `sqlite://${dir}/fullstack.db`,
      RUST_LOG: process.env.RUST_LOG || "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: server.stdout });
  const url = await new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`the example exited (${code}) before serving`)));
    lines.on("line", (line) => {
      const found = line.match(/full-stack example: (http:\/\/\S+\/)/);
      if (found) resolve(found[1]);
      else if (!line.includes("SANDBOX MODE")) console.log(`[example] ${line}`);
    });
  });
  return {
    url,
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await once(server, "exit");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function globalSetup() {
  const { url, stop } = await startServer();
  process.env.FULLSTACK_URL = url;
  return stop;
}
