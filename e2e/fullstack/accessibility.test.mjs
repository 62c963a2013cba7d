// axe-core on every page of the example: no serious or critical violation.
import { test, expect, createMeeting, joinedRole, watch } from "../fixtures/fullstack.mjs";
import { seriousViolations } from "../fixtures/axe.mjs";

test("no serious or critical axe violation on any page", async ({ signedIn, newBrowser }) => {
  const anonymous = await (await newBrowser()).newPage();
  await anonymous.goto("/");
  await expect(anonymous.getByLabel("Your name")).toBeVisible();
  expect(await seriousViolations(anonymous), "home, signed out").toEqual([]);

  const host = await signedIn("Gwen");
  expect(await seriousViolations(host.page), "home, signed in").toEqual([]);
  const room = await createMeeting(host.page, "Accessibility");
  await joinedRole(host.page);
  expect(await seriousViolations(host.page), "the meeting, joined").toEqual([]);
  // Loaded whole: <MeetingHistory> server-rendered, then hydrated with no error.
  const seen = watch(host.page);
  await host.page.goto(`${room}/history`);
  await expect(host.page.locator(".immail-meet-history")).toHaveAttribute("data-state", "ready");
  expect(seen.problems).toEqual([]);
  expect(await seriousViolations(host.page), "the history").toEqual([]);

  const guest = await signedIn("Hugo");
  await guest.page.goto(`${room}/history`);
  await expect(guest.page.getByRole("alert")).toBeVisible();
  expect(await seriousViolations(guest.page), "a refused history").toEqual([]);
  await anonymous.goto(room);
  await expect(anonymous.getByLabel("Your name")).toBeVisible();
  expect(await seriousViolations(anonymous), "a meeting, signed out").toEqual([]);
  await anonymous.goto("/nowhere");
  expect(await seriousViolations(anonymous), "not found").toEqual([]);
});
