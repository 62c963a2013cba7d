// End to end: the README's first example as a user builds it, outside this repository's
// workspace (e2e/outside-app: its own manifest and lock file, a path dependency with
// the "csr" feature, only the component's stylesheet, `trunk build --release` with
// wasm-opt), served by the reference server in sandbox mode beside its API, in Debian's
// Chromium (project "outside-app" of playwright.config.mjs).
// What a user of the README would see wrong fails here.
//   SCREENSHOT=/tmp/outside-app.png npm test --prefix e2e   also saves what it shows.
import { test, expect } from "./fixtures/app.mjs";
import { frameParam, sandboxReport } from "./fixtures/sandbox.mjs";

test.use({ viewport: { width: 1024, height: 720 } });

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

test("the README's example joins a meeting that is on top, and its controls work", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const where = message.location().url;
    // The server serves no favicon; that is not the app's.
    if (message.type() === "error" && !where.endsWith("/favicon.ico")) {
      errors.push(`console: ${message.text()} (${where})`);
    }
  });
  await page.goto("/");

  // The sandbox page inside the iframe: the role the server decided, the names sent.
  const report = await sandboxReport(page);
  expect(report.role, "the creator of the room hosts it").toBe("moderator");
  expect(report.options.first_name).toEqual(["Zoë"]);
  expect(report.options.last_name).toEqual(["O'Brien & Co"]);
  expect(report.options.startWithVideoMuted).toEqual(["false"]);
  expect(report.media).toMatch(/^granted: audio \+ video$/);

  // Once loaded, the meeting is what a user sees and clicks: nothing covers it.
  await page.locator(".immail-meet[data-state=joined]").waitFor();
  await expect
    .poll(() => topmostAtCentre(page, "iframe.immail-meet__frame"), { timeout: 10000 })
    .toBe("itself");
  const frameBox = await page.locator("iframe.immail-meet__frame").boundingBox();
  expect(frameBox.width >= 900 && frameBox.height >= 400, `a usable meeting: ${JSON.stringify(frameBox)}`).toBe(
    true,
  );
  expect(await page.locator(".immail-meet__panel").count(), "no panel over a loaded meeting").toBe(0);
  expect(await topmostAtCentre(page, ".immail-meet__button--leave"), "Leave can be clicked").toBe("itself");
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });

  // The controls placed before the embed follow it: a changed option enables the
  // button, which rejoins with it.
  const apply = page.getByRole("button", { name: "Apply and rejoin" });
  expect(await apply.isDisabled(), "nothing changed yet").toBe(true);
  await page.getByLabel("Camera off when joining").check();
  await page.locator(".immail-meet__notice", { hasText: "Settings changed." }).waitFor();
  await apply.click();
  await expect.poll(() => frameParam(page, "startWithVideoMuted")).toBe("true");
  const again = await sandboxReport(page);
  expect(again.role).toBe("moderator");
  expect(again.options.startWithVideoMuted).toEqual(["true"]);
  expect(await apply.isDisabled(), "applied").toBe(true);

  expect(errors, "no error in the page").toEqual([]);
});
