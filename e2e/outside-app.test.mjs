// End to end: the README's first example as a user builds it, outside this repository's
// workspace (e2e/outside-app: its own manifest and lock file, a path dependency with
// the "csr" feature, only the component's stylesheet, `trunk build --release` with
// wasm-opt), against the reference server in sandbox mode, in Debian's Chromium.
// What a user of the README would see wrong fails here.
//   SCREENSHOT=/tmp/outside-app.png npm test --prefix e2e   also saves what it shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./browser.mjs";
import { start } from "./harness.mjs";
import { sandboxReport } from "./sandbox.mjs";

const DIST = new URL("./outside-app/dist/", import.meta.url).pathname;
let app, browser;

before(async () => {
  app = await start({ dist: DIST, offset: 10 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** What is topmost at the centre of the first element matching `selector`. */
function topmostAtCentre(page, selector) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return "absent";
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!top) return "nothing";
    return element.contains(top) ? "itself" : `${top.tagName.toLowerCase()}.${top.className}`;
  }, selector);
}

test("the README's example joins a meeting that is on top, and its controls work", async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 720 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const where = message.location().url;
    // The test's static server has no favicon; that is not the app's.
    if (message.type() === "error" && !where.endsWith("/favicon.ico")) {
      errors.push(`console: ${message.text()} (${where})`);
    }
  });
  await page.goto(app.url);

  // The sandbox page inside the iframe: the role the server decided, the names sent.
  const report = await sandboxReport(page);
  assert.equal(report.role, "moderator", "the creator of the room hosts it");
  assert.deepEqual(report.options.first_name, ["Zoë"]);
  assert.deepEqual(report.options.last_name, ["O'Brien & Co"]);
  assert.deepEqual(report.options.startWithVideoMuted, ["false"]);
  assert.match(report.media, /^granted: audio \+ video$/);

  // Once loaded, the meeting is what a user sees and clicks: nothing covers it.
  await page.locator(".immail-meet[data-state=joined]").waitFor();
  await page.waitForFunction(() => {
    const frame = document.querySelector("iframe.immail-meet__frame");
    const box = frame?.getBoundingClientRect();
    return box && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === frame;
  }, null, { timeout: 10000 });
  const frameBox = await page.locator("iframe.immail-meet__frame").boundingBox();
  assert.ok(frameBox.width >= 900 && frameBox.height >= 400, `a usable meeting: ${JSON.stringify(frameBox)}`);
  assert.equal(await page.locator(".immail-meet__panel").count(), 0, "no panel over a loaded meeting");
  assert.equal(await topmostAtCentre(page, ".immail-meet__button--leave"), "itself", "Leave can be clicked");
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });

  // The controls placed before the embed follow it: a changed option enables the
  // button, which rejoins with it.
  const apply = page.getByRole("button", { name: "Apply and rejoin" });
  assert.equal(await apply.isDisabled(), true, "nothing changed yet");
  await page.getByLabel("Camera off when joining").check();
  await page.locator(".immail-meet__notice", { hasText: "Settings changed." }).waitFor();
  await apply.click();
  await page.waitForFunction(() => {
    const frame = document.querySelector("iframe.immail-meet__frame");
    return frame && new URL(frame.src).searchParams.get("startWithVideoMuted") === "true";
  });
  const again = await sandboxReport(page);
  assert.equal(again.role, "moderator");
  assert.deepEqual(again.options.startWithVideoMuted, ["true"]);
  assert.equal(await apply.isDisabled(), true, "applied");

  assert.deepEqual(errors, [], "no error in the page");
  await page.close();
});
