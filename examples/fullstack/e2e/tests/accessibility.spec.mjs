// axe-core on every page of the example (the meeting's iframe included): no serious
// or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createMeeting, joinedRole, signedIn, url } from "./app.mjs";

async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => ["serious", "critical"].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("no serious or critical axe violation on any page", async ({ browser }) => {
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(url("/"));
  await expect(anonymous.getByLabel("Your name")).toBeVisible();
  expect(await seriousViolations(anonymous), "home, signed out").toEqual([]);

  const host = await signedIn(browser, "Gwen");
  expect(await seriousViolations(host.page), "home, signed in").toEqual([]);
  const room = await createMeeting(host.page, "Accessibility");
  await joinedRole(host.page);
  expect(await seriousViolations(host.page), "the meeting, joined").toEqual([]);
  await host.page.goto(url(`${room}/history`));
  await expect(host.page.locator(".immail-meet-history")).toHaveAttribute("data-state", "ready");
  expect(await seriousViolations(host.page), "the history").toEqual([]);

  const guest = await signedIn(browser, "Hugo");
  await guest.page.goto(url(`${room}/history`));
  await expect(guest.page.getByRole("alert")).toBeVisible();
  expect(await seriousViolations(guest.page), "a refused history").toEqual([]);
  await anonymous.goto(url(room));
  await expect(anonymous.getByLabel("Your name")).toBeVisible();
  expect(await seriousViolations(anonymous), "a meeting, signed out").toEqual([]);
  await anonymous.goto(url("/nowhere"));
  expect(await seriousViolations(anonymous), "not found").toEqual([]);
});
