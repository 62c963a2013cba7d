// End to end: the built demo and the reference server on loopback, in Debian's
// Chromium with fake camera and microphone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launch } from "./browser.mjs";
import { start } from "./harness.mjs";

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

/** The sandbox page inside the meeting iframe. */
const meeting = (page) => page.frameLocator("iframe.immail-meet__frame");

async function sandboxReport(page) {
  const frame = meeting(page);
  await frame.locator("[data-testid=media][data-state]").waitFor({ timeout: 20000 });
  const options = {};
  for (const row of await frame.locator("[data-testid=options] tr").all()) {
    const key = await row.getAttribute("data-key");
    options[key] = options[key] ?? [];
    options[key].push(await row.locator("td").nth(1).getAttribute("data-value"));
  }
  return {
    role: await frame.locator("[data-testid=role]").innerText(),
    tokenName: await frame.locator("[data-testid=token-name]").innerText(),
    media: await frame.locator("[data-testid=media]").innerText(),
    options,
  };
}

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
  await page.getByRole("button", { name: "Leave" }).first().click();
  await page.getByRole("button", { name: "Join", exact: true }).click();
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
  await page.getByRole("button", { name: "Leave" }).first().click();
  await page.locator(".immail-meet[data-state=left]").waitFor();
  assert.equal(await page.locator("iframe").count(), 0);
  assert.match(await page.locator(".immail-meet").innerText(), /You left the meeting/);
  await context.close();
});
