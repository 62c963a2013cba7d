// The page the server renders: the meeting's placeholder is in the HTML before any
// wasm runs, and the whole flow (sign in, create a meeting) works with no JavaScript.
import { test, expect, createMeeting, meeting } from "../fixtures/fullstack.mjs";

test("without JavaScript: sign in, create a meeting, and the placeholder is server-rendered", async ({ signedIn }) => {
  // Plain form posts, answered with redirects.
  const { page } = await signedIn("Nadia", { javaScriptEnabled: false });
  await createMeeting(page, "Plain forms");
  await expect(page).toHaveTitle("Plain forms · Meetings");
  await expect(page.locator("main")).toContainText("You are Nadia, the host.");
  // The component's placeholder: connecting, no meeting yet (it joins in the browser).
  await expect(meeting(page)).toHaveAttribute("data-state", "fetching");
  await expect(page.locator(".immail-meet__panel")).toHaveText(/Connecting to the meeting/);
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("the HTML of a meeting page holds the placeholder, and the browser joins once its wasm runs", async ({ signedIn }) => {
  const { page } = await signedIn("Omar");
  const room = await createMeeting(page, "Held back");

  // The wasm held back: what shows is the server's HTML alone.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  const answer = await page.goto(room);
  expect(answer.status()).toBe(200);
  const html = await answer.text();
  expect(html).toContain('class="immail-meet"');
  expect(html).toContain('data-state="fetching"');
  expect(html).not.toContain("<iframe");
  await expect(meeting(page)).toHaveAttribute("data-state", "fetching");
  await expect(page.locator(".immail-meet__panel")).toBeVisible();

  release();
  await expect(meeting(page)).toHaveAttribute("data-state", "joined");
});
