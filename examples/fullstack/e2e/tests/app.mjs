// What the tests do with the example: its addresses, signing in, creating a meeting,
// watching a page (console, grant requests, meeting loads), the sandbox's report.
import { expect } from "@playwright/test";

/** The example's URL for `path`. */
export const url = (path = "/") => new URL(path, process.env.FULLSTACK_URL).href;

/** Signs `name` in with the sign-in form on the page. */
export async function signIn(page, name) {
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("header")).toContainText(`Signed in as ${name}`);
}

/** A new browser (context, with `options`) and page, signed in as `name`. */
export async function signedIn(browser, name, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url("/"));
  await signIn(page, name);
  return { context, page };
}

/** Creates a meeting about `topic` from the home page; resolves with its room's path. */
export async function createMeeting(page, topic) {
  await page.goto(url("/"));
  await page.getByLabel("Topic").fill(topic);
  await page.getByRole("button", { name: "Create a meeting" }).click();
  await page.waitForURL(/\/room\/[^/]+$/);
  return new URL(page.url()).pathname;
}

/**
 * Watches `page` from now on: console warnings and errors and page errors
 * (`problems`), grant server-function calls (`grants`) and meeting pages loaded in
 * the iframe (`loads`).
 */
export function watch(page) {
  const seen = { problems: [], grants: 0, loads: 0 };
  page.on("console", (message) => {
    if (["error", "warning"].includes(message.type())) {
      seen.problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/grant") seen.grants += 1;
  });
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame() && new URL(frame.url()).pathname.startsWith("/sandbox/meet/")) {
      seen.loads += 1;
    }
  });
  return seen;
}

/** The meeting component on the page. */
export const meeting = (page) => page.locator(".immail-meet");

/** Waits until the meeting is joined and its page loaded; resolves with the role the sandbox verified in the token. */
export async function joinedRole(page) {
  await expect(meeting(page)).toHaveAttribute("data-state", "joined");
  const frame = page.frameLocator("iframe.immail-meet__frame");
  await expect(frame.locator("[data-testid=role]")).not.toBeEmpty();
  await expect(page.locator(".immail-meet__panel")).toHaveCount(0);
  return frame.locator("[data-testid=role]").innerText();
}
