// Figures, not a test: the weight of a meeting page (HTML + JS + wasm + CSS, gzip as
// served) and, in Chromium, the time from navigation to the meeting's placeholder
// (server-rendered) and to its iframe (after hydration and the grant), cold cache.
//   scripts/fullstack.sh build && npm run measure:fullstack --prefix e2e [-- RUNS]
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { startFullstack } from "./fixtures/fullstack.mjs";
import config from "./playwright.config.mjs";

const RUNS = Number(process.argv[2] || 9);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Marks, from navigation start: the placeholder in the DOM, the iframe, its load. */
function recordMarks() {
  window.__marks = {};
  const mark = (name) => (window.__marks[name] ??= performance.now());
  new MutationObserver(() => {
    if (document.querySelector(".immail-meet")) mark("placeholder");
    const frame = document.querySelector("iframe.immail-meet__frame");
    if (frame && !window.__marks.iframe) {
      mark("iframe");
      frame.addEventListener("load", () => mark("loaded"), { once: true });
    }
  }).observe(document, { childList: true, subtree: true });
}

const server = await startFullstack();
const browser = await chromium.launch({ ...config.use.launchOptions, chromiumSandbox: config.use.chromiumSandbox });
try {
  // A host and their meeting.
  const host = await browser.newContext();
  const setup = await host.newPage();
  await setup.goto(server.url);
  await setup.getByLabel("Your name").fill("Measure");
  await setup.getByRole("button", { name: "Sign in" }).click();
  await setup.getByLabel("Topic").fill("Figures");
  await setup.getByRole("button", { name: "Create a meeting" }).click();
  await setup.waitForURL(/\/room\//);
  const room = setup.url();
  const cookies = await host.cookies();

  // Weight: every response of one cold load of the page, as it crossed the wire.
  const weight = await browser.newContext();
  await weight.addCookies(cookies);
  const page = await weight.newPage();
  const parts = [];
  page.on("response", async (response) => {
    const { pathname } = new URL(response.url());
    if (!(response.url().startsWith(server.url) && (pathname.startsWith("/pkg/") || pathname.startsWith("/room/")))) return;
    const body = await response.body();
    const sizes = await response.request().sizes();
    const encoding = response.headers()["content-encoding"];
    parts.push({ pathname, raw: body.length, wire: sizes.responseBodySize, gzip: encoding ? sizes.responseBodySize : gzipSync(body, { level: 9 }).length, encoding: encoding || "none" });
  });
  await page.goto(room);
  await page.locator(".immail-meet[data-state=joined]").waitFor();
  await page.waitForTimeout(500);
  console.log(`\nWeight of a meeting page (${room.replace(server.url, "/")}), cold cache:`);
  for (const p of parts) console.log(`  ${p.pathname.padEnd(44)} ${kb(p.raw).padStart(9)} raw  ${kb(p.gzip).padStart(8)} gzip  (sent: ${p.encoding})`);
  const total = (pick) => parts.reduce((sum, p) => sum + pick(p), 0);
  console.log(`  ${"total".padEnd(44)} ${kb(total((p) => p.raw)).padStart(9)} raw  ${kb(total((p) => p.gzip)).padStart(8)} gzip`);
  await weight.close();

  // Time, over RUNS cold loads.
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    await context.addInitScript(recordMarks);
    const run = await context.newPage();
    await run.goto(room);
    await run.waitForFunction(() => window.__marks?.loaded);
    runs.push(await run.evaluate(() => ({ ...window.__marks, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime })));
    await context.close();
  }
  console.log(`\nFrom navigation start, ${RUNS} cold loads in headless Chromium on loopback (median, min-max):`);
  for (const [name, what] of [
    ["placeholder", "the placeholder in the DOM (server-rendered)"],
    ["fcp", "first contentful paint"],
    ["iframe", "the meeting iframe in the DOM (hydrated, granted)"],
    ["loaded", "the meeting page loaded in it"],
  ]) {
    const values = runs.map((r) => r[name]);
    console.log(`  ${what.padEnd(52)} ${median(values).toFixed(0).padStart(5)} ms  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`);
  }
} finally {
  await browser.close();
  await server.stop();
}
