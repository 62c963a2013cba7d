// A server-rendered meeting page hydrated in Chromium: no hydration error or warning,
// exactly one grant (server-function call) and one meeting load per join, Leave and
// Rejoin.
import { test, expect, createMeeting, joinedRole, meeting, watch } from "../fixtures/fullstack.mjs";

test("a hydrated meeting page joins once, quietly, and leaves and rejoins", async ({ signedIn }) => {
  const { context, page } = await signedIn("Alice");
  const room = await createMeeting(page, "Weekly review");
  // Reached by client-side navigation after the server function redirected.
  expect(await joinedRole(page)).toBe("moderator");

  const fresh = await context.newPage();
  const seen = watch(fresh);
  const answer = await fresh.goto(room);
  expect(answer.status()).toBe(200);
  // Hydrated once the meeting leaves the server's placeholder (a hydration error stops
  // the wasm before that, and says so in the console).
  await expect
    .poll(async () => seen.problems.length > 0 || (await meeting(fresh).getAttribute("data-state")) !== "fetching")
    .toBe(true);
  expect(seen.problems).toEqual([]);
  expect(await joinedRole(fresh)).toBe("moderator");
  await expect(fresh.locator("main")).toContainText("You are Alice, the host.");
  expect(seen.problems).toEqual([]);
  expect(seen.grants).toBe(1);
  expect(seen.loads).toBe(1);

  // The sandbox page got the name from the sign-in, through the server's grant.
  const frame = fresh.frameLocator("iframe.immail-meet__frame");
  await expect(frame.locator("[data-testid=token-name]")).toHaveText("Alice");

  await fresh.getByRole("button", { name: "Leave" }).click();
  await expect(meeting(fresh)).toHaveAttribute("data-state", "left");
  await expect(fresh.locator("iframe")).toHaveCount(0);
  expect(seen.grants).toBe(1);

  await fresh.getByRole("button", { name: "Rejoin", exact: true }).click();
  expect(await joinedRole(fresh)).toBe("moderator");
  expect(seen.grants).toBe(2);
  expect(seen.loads).toBe(2);
  expect(seen.problems).toEqual([]);
});
