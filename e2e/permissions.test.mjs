// End to end: what the page's Permissions-Policy header lets the meeting use, told
// before the meeting loads (project "demo"). The demo's page is served with the header
// (page.route fulfils it with the server's own page and the header added); the
// component's notice says what is blocked and what to change, the demo lists what its
// on_permission_warning callback got, the sandbox meeting shows what it really got,
// and "Refuse to join" keeps the meeting out.
import { test, expect } from "./fixtures/app.mjs";
import { sandboxReport } from "./fixtures/sandbox.mjs";

const FRAME = "iframe.immail-meet__frame";

/**
 * The demo's page (and only it) is served with `Permissions-Policy: policy`: fulfilled
 * here with the server's own answer and the header added. A page fulfilled by the test
 * has no address, so Chromium takes it for a public page that may not reach the local
 * network (the sandbox meeting on another loopback port): the meeting's origin is
 * fulfilled here too, with the server's own answers.
 */
async function withPolicy(page, policy) {
  await page.route(
    (url) => url.pathname === "/" || url.pathname.startsWith("/sandbox/"),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (new URL(route.request().url()).pathname === "/") headers["permissions-policy"] = policy;
      await route.fulfill({ response, headers });
    },
  );
}

/** Every request for the root of an origin (the check's probe must make none). */
function rootRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/") seen.push(url.origin);
  });
  return seen;
}

/** The origin of the meeting's frame. */
async function meetingOrigin(page) {
  return new URL(await page.locator(FRAME).getAttribute("src")).origin;
}

async function createMeeting(page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Create meeting" }).click();
}

test("without a header nothing is blocked, and no notice is shown", async ({ page }) => {
  const probes = rootRequests(page);
  await createMeeting(page);
  const report = await sandboxReport(page);
  expect(report.media).toMatch(/^granted: audio \+ video$/);
  await expect(page.locator(".immail-meet__permissions")).toHaveCount(0);
  await expect(page.getByTestId("permission-warnings").locator("li")).toHaveCount(0);
  expect(probes, "the check loads nothing").not.toContain(await meetingOrigin(page));
});

test("Permissions-Policy: camera=() is told before the meeting loads, with the header to send", async ({ page }) => {
  await withPolicy(page, "camera=()");
  const probes = rootRequests(page);
  await createMeeting(page);
  const origin = await meetingOrigin(page);
  const notice = page.locator(".immail-meet__permissions[role=alert]");
  await expect(notice).toHaveText(
    `The camera is blocked for the meeting by this page's Permissions-Policy (or by the frame this page is in). ` +
      `Send \`Permissions-Policy: camera=(self "${origin}")\` with the page, or remove camera=() from it.`,
  );
  // The callback's typed warnings, as the demo lists them.
  const listed = page.getByTestId("permission-warnings").locator("li");
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute("data-feature", "camera");
  await expect(listed).toContainText("blocked by this page's Permissions-Policy");
  // The meeting loads anyway (warn mode), and really has no camera (Chromium gives it
  // the microphone alone).
  const report = await sandboxReport(page);
  expect(report.media).not.toContain("video");
  await expect(page.locator(".immail-meet")).toHaveAttribute("data-state", "joined");
  await expect(notice, "still shown with the meeting").toBeVisible();
  expect(probes, "the check loads nothing").not.toContain(origin);
});

test("Permissions-Policy: display-capture=() is told as screen sharing; the camera still works", async ({ page }) => {
  await withPolicy(page, "display-capture=()");
  await createMeeting(page);
  const notice = page.locator(".immail-meet__permissions");
  await expect(notice).toContainText("The screen sharing is blocked for the meeting by this page's Permissions-Policy");
  await expect(notice).toContainText("Permissions-Policy: display-capture=(self ");
  await expect(notice).not.toContainText("camera");
  await expect(page.getByTestId("permission-warnings").locator("li")).toHaveAttribute("data-feature", "display-capture");
  const report = await sandboxReport(page);
  expect(report.media).toMatch(/^granted: audio \+ video$/);
});

test("a header that delegates to the meeting's origin passes the check", async ({ page }) => {
  // The sandbox origin, learnt from a first join without the header.
  await createMeeting(page);
  const origin = await meetingOrigin(page);
  await withPolicy(page, `camera=(self "${origin}"), microphone=(self "${origin}"), display-capture=(self "${origin}")`);
  await createMeeting(page);
  const report = await sandboxReport(page);
  expect(report.media).toMatch(/^granted: audio \+ video$/);
  await expect(page.locator(".immail-meet__permissions")).toHaveCount(0);
});

test("Refuse to join: a blocked camera keeps the meeting out, with a typed error and Retry", async ({ page }) => {
  await withPolicy(page, "camera=(self)");
  await page.goto("/");
  await page.getByLabel("If this page blocks the camera, microphone or screen sharing").selectOption("refuse");
  await page.getByRole("button", { name: "Create meeting" }).click();
  const embed = page.locator(".immail-meet");
  await expect(embed).toHaveAttribute("data-state", "error");
  await expect(embed.getByRole("alert")).toContainText("Not joined: The camera is blocked for the meeting");
  await expect(embed.getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await page.locator("iframe").count(), "no meeting frame").toBe(0);
  await expect(page.getByTestId("permission-warnings").locator("li")).toHaveAttribute("data-feature", "camera");
});
