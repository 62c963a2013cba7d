// End to end: the meeting's own end, in the demo (project "demo"). The sandbox meeting's
// "Hang up" navigates its frame away as a real meeting does; the component says the
// meeting ended, removes the frame, and Rejoin joins again. A meeting that redirects
// itself while it starts has not ended.
import { test, expect } from "./fixtures/app.mjs";
import { seriousViolations } from "./fixtures/axe.mjs";
import { sandboxReport } from "./fixtures/sandbox.mjs";

const FRAME = "iframe.immail-meet__frame";
/** The component's default start-up grace (DEFAULT_END_GRACE_MS), and a margin. */
const AFTER_START_UP_MS = 3_000 + 500;

test("Hang up inside the meeting ends it: the ended state, no frame, and Rejoin joins again", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Create meeting" }).click();
  const first = await sandboxReport(page);
  expect(first.role).toBe("moderator");
  await page.waitForTimeout(AFTER_START_UP_MS);

  await page.frameLocator(FRAME).getByRole("button", { name: "Hang up" }).click();
  const embed = page.locator(".immail-meet");
  await expect(embed).toHaveAttribute("data-state", "ended");
  expect(await page.locator("iframe").count(), "the frame is gone (camera and microphone stop)").toBe(0);
  await expect(embed.getByRole("status")).toHaveText(/The meeting has ended\./);
  await expect(embed.getByRole("button", { name: "Leave" })).toHaveCount(0);
  expect(await seriousViolations(page), "no serious accessibility violations once ended").toEqual([]);

  await embed.getByRole("button", { name: "Rejoin", exact: true }).click();
  const again = await sandboxReport(page);
  expect(again.role).toBe("moderator");
  expect(again.media).toMatch(/^granted: audio \+ video$/);
  await expect(embed).toHaveAttribute("data-state", "joined");
});

test("a meeting that redirects itself while it starts has not ended", async ({ page }) => {
  // The sandbox meeting's first load is asked to redirect itself once while it starts
  // (the flag reaches the sandbox server only: the frame's address stays the same).
  await page.route(
    "**/sandbox/meet/**",
    (route) => route.continue({ url: `${route.request().url()}&sandbox_startup_redirect=1` }),
    { times: 1 },
  );
  const meetingLoads = [];
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) meetingLoads.push(frame.url());
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Create meeting" }).click();
  const report = await sandboxReport(page);
  expect(report.role).toBe("moderator");
  expect(meetingLoads.length, `the meeting loaded twice: ${meetingLoads.join(", ")}`).toBe(2);
  expect(new URL(meetingLoads[1]).pathname).toMatch(/^\/sandbox\/meet\//);

  await page.waitForTimeout(500);
  const embed = page.locator(".immail-meet");
  await expect(embed).toHaveAttribute("data-state", "joined");
  await expect(page.locator(FRAME)).toHaveCount(1);
  await expect(embed.getByRole("button", { name: "Leave" })).toBeVisible();
});
