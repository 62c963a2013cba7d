// End to end: the built demo and the reference server on loopback, in Debian's
// Chromium with fake camera and microphone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { launch } from "./browser.mjs";
import { start } from "./harness.mjs";
import { sandboxReport } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const HOSTILE = 'Zoë "x&start_recording=true#"';
let app, browser;

before(async () => {
  app = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A new browser context whose page created a meeting and joined it as host. */
async function hostAMeeting() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole("button", { name: "Create meeting" }).click();
  await sandboxReport(page);
  return { context, page };
}

async function axe(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const results = await page.evaluate(() => window.axe.run(document, { iframes: false }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("host creates a meeting and joins as moderator; a guest joins through the share link", async () => {
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await host.goto(app.url);
  assert.deepEqual(await axe(host), [], "no serious accessibility violations before joining");

  // One labelled toggle per option, each showing imMail's default (the panel is
  // static markup: what it shows must be what the settings hold, checked below).
  const toggles = await host.locator(".demo-toggle").evaluateAll((labels) =>
    labels.map((label) => {
      const input = label.querySelector("input[type=checkbox]");
      return { key: input.name, checked: input.checked, text: label.innerText };
    }),
  );
  assert.deepEqual(
    toggles.map((t) => `${t.key} ${t.checked}`),
    [
      "start_recording false",
      "startWithAudioMuted true",
      "startWithVideoMuted false",
      "fileRecordingsEnabled true",
      "HIDE_INVITE_MORE_HEADER false",
    ],
  );
  for (const t of toggles) assert.match(t.text, t.checked ? /default on$/ : /default off$/, t.key);

  await host.getByLabel("Join with camera off").check();
  await host.getByLabel("Hide the invite button").check();
  await host.getByRole("button", { name: "Create meeting" }).click();
  const hostReport = await sandboxReport(host);
  assert.equal(hostReport.role, "moderator");
  assert.equal(hostReport.tokenName, "Ada Lovelace");
  assert.deepEqual(hostReport.options.first_name, ["Ada"]);
  assert.deepEqual(hostReport.options.startWithVideoMuted, ["true"]);
  assert.deepEqual(hostReport.options.HIDE_INVITE_MORE_HEADER, ["true"]);
  assert.deepEqual(hostReport.options.startWithAudioMuted, ["true"]);
  assert.deepEqual(hostReport.options.start_recording, ["false"]);
  for (const t of toggles) {
    const changed = ["startWithVideoMuted", "HIDE_INVITE_MORE_HEADER"].includes(t.key);
    assert.deepEqual(hostReport.options[t.key], [String(t.checked !== changed)], `${t.key} as shown`);
  }
  assert.equal(await host.getByLabel("First name").inputValue(), "Ada");
  assert.equal(await host.getByLabel("Last name").inputValue(), "Lovelace");
  assert.match(hostReport.media, /^granted: audio \+ video$/);
  assert.deepEqual(await axe(host), [], "no serious accessibility violations once joined");

  const link = await host.getByTestId("share-link").inputValue();
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(link);
  const first = await sandboxReport(guest);
  assert.equal(first.role, "guest", "the share link joins as a guest");

  // A hostile name and a changed option, applied with "Rejoin with new settings".
  await guest.getByLabel("First name").fill(HOSTILE);
  await guest.getByLabel("Start recording on first entry").check();
  await guest.getByRole("button", { name: "Rejoin with new settings" }).click();
  await guest.waitForFunction(
    (name) => {
      const frame = document.querySelector("iframe.immail-meet__frame");
      return frame && new URL(frame.src).searchParams.get("first_name") === name;
    },
    HOSTILE,
  );
  const report = await sandboxReport(guest);
  assert.equal(report.role, "guest");
  assert.deepEqual(report.options.first_name, [HOSTILE], "the name arrives whole");
  assert.deepEqual(report.options.start_recording, ["true"], "one start_recording, the chosen one");
  assert.equal(report.tokenName, `${HOSTILE} Lovelace`);
  assert.match(report.media, /^granted: audio \+ video$/);
  const frameSrc = await guest.locator("iframe.immail-meet__frame").getAttribute("src");
  assert.equal(new URL(frameSrc).hash, "", "no fragment injected");

  await hostContext.close();
  await guestContext.close();
});

test("server down: the component shows the error, and Retry works once it is back", async () => {
  const { context, page } = await hostAMeeting();

  app.backendDown();
  await page.getByRole("button", { name: "Leave" }).click();
  await page.getByRole("button", { name: "Rejoin", exact: true }).click();
  const alert = page.locator(".immail-meet [role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not reach the meeting service/);
  assert.equal(await page.locator("iframe").count(), 0);

  app.backendUp();
  await page.getByRole("button", { name: "Retry" }).click();
  const report = await sandboxReport(page);
  assert.equal(report.role, "moderator");
  await context.close();
});

test("Leave removes the iframe", async () => {
  const { context, page } = await hostAMeeting();
  await page.getByRole("button", { name: "Leave" }).click();
  await page.locator(".immail-meet[data-state=left]").waitFor();
  assert.equal(await page.locator("iframe").count(), 0);
  assert.match(await page.locator(".immail-meet").innerText(), /You left the meeting/);
  await context.close();
});

/** FNV-1a (32 bits) of a file id: the sandbox recording's seed. */
function seedOf(id) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

function lowbias32(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The bytes of a sandbox recording, computed here independently of the server. */
function sandboxRecording(id, length) {
  const seed = seedOf(id);
  const bytes = Buffer.alloc(length);
  for (let word = 0; word * 4 < length; word++) {
    const mixed = (seed ^ Math.imul(word, 0x9e3779b1) ^ Math.imul(Math.floor(word / 2 ** 32), 0x85ebca77)) >>> 0;
    const value = lowbias32(mixed);
    for (let i = 0; i < 4 && word * 4 + i < length; i++) bytes[word * 4 + i] = (value >>> (8 * i)) & 0xff;
  }
  return bytes;
}

test("the host's history: sessions, a recording downloaded whole, a session's chat; a guest is refused", async () => {
  const { context, page } = await hostAMeeting();
  const room = new URL(await page.getByTestId("share-link").inputValue()).searchParams.get("room");
  await page.getByRole("button", { name: "Meeting history" }).click();
  await page.locator(".immail-meet-history[data-state=ready]").waitFor();
  assert.equal(await page.locator("iframe.immail-meet__frame").isHidden(), true, "the meeting is hidden, not left");
  assert.equal(await page.locator(".immail-meet-history__session").count(), 5);
  assert.equal(await page.locator(".immail-meet-history__page").innerText(), "Page 1 of 3");
  assert.equal(await page.locator(".immail-meet-history__badge").first().innerText(), "In progress");
  assert.match(await page.locator(".immail-meet-history__occupants").first().innerText(), /^With \S/);
  assert.deepEqual(await axe(page), [], "no serious accessibility violations in the history");

  // The newest session's recording, through the demo's link, to disk.
  const link = page.locator(".immail-meet-history__download").first();
  const fileId = decodeURIComponent((await link.getAttribute("href")).split("/").pop());
  assert.equal(await page.locator(".immail-meet-history__size").first().innerText(), "1.2 MB");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "Consultation #12 part 1.msf");
  const bytes = await readFile(await download.path());
  assert.equal(bytes.length, 1234567, "the whole file");
  assert.ok(bytes.equals(sandboxRecording(fileId, bytes.length)), "every byte as the sandbox made it");

  // Its chat, with a message that looks like HTML shown as text.
  await page.getByRole("button", { name: "Show chat" }).first().click();
  const chat = page.locator(".immail-meet-messages[data-state=ready]");
  await chat.waitFor();
  const lines = await chat.locator(".immail-meet-messages__text").allInnerTexts();
  assert.ok(lines.includes("<b>This is not bold</b> & neither is <i>this</i>"), lines.join(" | "));
  assert.equal(await chat.locator("b, i").count(), 0, "no markup was made");

  // Paging.
  await page.getByRole("button", { name: "Next" }).click();
  await page.locator(".immail-meet-history__page", { hasText: "Page 2 of 3" }).waitFor();

  // Back to the meeting: still joined.
  await page.getByRole("button", { name: "Back to the meeting" }).click();
  assert.equal(await page.locator(".immail-meet[data-state=joined]").count(), 1);

  // Someone else (a guest, with their own session cookie) gets 403 for all three.
  const guestContext = await browser.newContext();
  for (const path of [`rooms/${room}/sessions`, `recordings/${encodeURIComponent(fileId)}`]) {
    const answer = await guestContext.request.get(`${app.url}api/meet/${path}`);
    assert.equal(answer.status(), 403, path);
    assert.equal((await answer.json()).error.code, "forbidden");
  }
  await guestContext.close();
  await context.close();
});
