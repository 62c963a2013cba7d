// The room's history: its host reads it; a guest is refused (403) by the page, the
// server function and the backend's history route alike.
import { test, expect, createMeeting } from "../fixtures/fullstack.mjs";

test("the host reads the history; a guest gets 403 everywhere", async ({ signedIn }) => {
  const host = await signedIn("Esther");
  const room = await createMeeting(host.page, "Quarterly planning");
  await host.page.getByRole("link", { name: "Meeting history" }).click();
  await expect(host.page).toHaveURL(new RegExp(`${room}/history$`));
  await expect(host.page.locator("h1")).toHaveText("History of Quarterly planning");
  const history = host.page.locator(".immail-meet-history");
  await expect(history).toHaveAttribute("data-state", "ready");
  await expect(history.locator(".immail-meet-history__session").first()).toBeVisible();
  await host.page.getByRole("link", { name: "Back to the meeting" }).click();
  await expect(host.page.locator(".immail-meet")).toHaveAttribute("data-state", "joined");

  const guest = await signedIn("Farid");
  const answer = await guest.page.goto(`${room}/history`);
  expect(answer.status()).toBe(403);
  await expect(guest.page.getByRole("alert")).toHaveText(
    "Only the room's moderator can see its sessions, messages and recordings.",
  );
  await expect(guest.page.locator(".immail-meet-history")).toHaveCount(0);

  const name = room.split("/").pop();
  const sessions = await guest.context.request.get(`/api/meet/rooms/${name}/sessions`);
  expect(sessions.status()).toBe(403);
  expect((await sessions.json()).error.code).toBe("forbidden");
  const serverFn = await guest.context.request.post("/api/open_history", { form: { room: name } });
  expect(serverFn.status()).toBe(403);
  expect(await serverFn.json()).toMatchObject({ Meet: { code: "forbidden" } });

  // The host's own requests pass.
  const own = await host.context.request.get(`/api/meet/rooms/${name}/sessions`);
  expect(own.status()).toBe(200);

  // An unknown room is a 404 page.
  expect((await guest.page.goto("/room/no-such-room")).status()).toBe(404);
});
