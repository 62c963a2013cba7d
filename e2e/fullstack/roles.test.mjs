// The role follows the app's sign-in, not the browser: the host signed in in another
// browser moderates there too; anyone else is a guest; signing out ends the meeting.
import { test, expect, createMeeting, joinedRole, signIn, watch } from "../fixtures/fullstack.mjs";

test("the host moderates in any browser where they sign in; another user is a guest", async ({ signedIn, newBrowser }) => {
  const host = await signedIn("Carmen");
  const room = await createMeeting(host.page, "Design review");
  expect(await joinedRole(host.page)).toBe("moderator");

  // Another browser: the meeting asks for a sign-in first (401), then knows its host.
  const page = await (await newBrowser()).newPage();
  const answer = await page.goto(room);
  expect(answer.status()).toBe(401);
  await expect(page.locator("h1")).toHaveText("Sign in to join");
  await signIn(page, "Carmen");
  expect(await joinedRole(page)).toBe("moderator");
  await expect(page.locator("main")).toContainText("You are Carmen, the host.");
  await expect(page.getByRole("link", { name: "Meeting history" })).toBeVisible();

  const guest = await signedIn("Dmitri");
  await guest.page.goto(room);
  expect(await joinedRole(guest.page)).toBe("guest");
  await expect(guest.page.locator("main")).toContainText("You are Dmitri, a guest.");
  await expect(guest.page.getByRole("link", { name: "Meeting history" })).toHaveCount(0);

  // Signing out ends the meeting in that browser and asks for a sign-in again: the
  // joined <MeetEmbed> is unmounted, quietly (the browser logs the page's 401 answer).
  const seen = watch(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("h1")).toHaveText("Sign in to join");
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(seen.problems.filter((p) => !p.includes("status of 401"))).toEqual([]);
  expect(seen.loads, "the meeting is not loaded again on its way out").toBe(0);
});
