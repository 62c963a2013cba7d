// End to end: the built demo served by the reference server beside its API, in Debian's
// Chromium with fake camera and microphone (project "demo" of playwright.config.mjs).
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures/app.mjs";
import { seriousViolations } from "./fixtures/axe.mjs";
import { frameParam, sandboxReport } from "./fixtures/sandbox.mjs";

const HOSTILE = 'Zoë "x&start_recording=true#"';

/** `page` creates a meeting and joins it as host. */
async function hostAMeeting(page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Create meeting" }).click();
  await sandboxReport(page);
}

test("host creates a meeting and joins as moderator; a guest joins through the share link", async ({
  page: host,
  browser,
}) => {
  await host.goto("/");
  expect(await seriousViolations(host), "no serious accessibility violations before joining").toEqual([]);

  // One labelled toggle per option, each showing imMail's default (the panel is
  // static markup: what it shows must be what the settings hold, checked below).
  const toggles = await host.locator(".demo-toggle").evaluateAll((labels) =>
    labels.map((label) => {
      const input = label.querySelector("input[type=checkbox]");
      return { key: input.name, checked: input.checked, text: label.innerText };
    }),
  );
  expect(toggles.map((t) => `${t.key} ${t.checked}`)).toEqual([
    "start_recording false",
    "startWithAudioMuted true",
    "startWithVideoMuted false",
    "fileRecordingsEnabled true",
    "HIDE_INVITE_MORE_HEADER false",
  ]);
  for (const t of toggles) expect(t.text, t.key).toMatch(t.checked ? /default on$/ : /default off$/);

  await host.getByLabel("Join with camera off").check();
  await host.getByLabel("Hide the invite button").check();
  await host.getByRole("button", { name: "Create meeting" }).click();
  const hostReport = await sandboxReport(host);
  expect(hostReport.role).toBe("moderator");
  expect(hostReport.tokenName).toBe("Ada Lovelace");
  expect(hostReport.options.first_name).toEqual(["Ada"]);
  expect(hostReport.options.startWithVideoMuted).toEqual(["true"]);
  expect(hostReport.options.HIDE_INVITE_MORE_HEADER).toEqual(["true"]);
  expect(hostReport.options.startWithAudioMuted).toEqual(["true"]);
  expect(hostReport.options.start_recording).toEqual(["false"]);
  for (const t of toggles) {
    const changed = ["startWithVideoMuted", "HIDE_INVITE_MORE_HEADER"].includes(t.key);
    expect(hostReport.options[t.key], `${t.key} as shown`).toEqual([String(t.checked !== changed)]);
  }
  expect(await host.getByLabel("First name").inputValue()).toBe("Ada");
  expect(await host.getByLabel("Last name").inputValue()).toBe("Lovelace");
  expect(hostReport.media).toMatch(/^granted: audio \+ video$/);
  expect(await seriousViolations(host), "no serious accessibility violations once joined").toEqual([]);

  const link = await host.getByTestId("share-link").inputValue();
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(link);
  const first = await sandboxReport(guest);
  expect(first.role, "the share link joins as a guest").toBe("guest");

  // A hostile name and a changed option, applied with "Rejoin with new settings".
  await guest.getByLabel("First name").fill(HOSTILE);
  await guest.getByLabel("Start recording on first entry").check();
  await guest.getByRole("button", { name: "Rejoin with new settings" }).click();
  await expect.poll(() => frameParam(guest, "first_name")).toBe(HOSTILE);
  const report = await sandboxReport(guest);
  expect(report.role).toBe("guest");
  expect(report.options.first_name, "the name arrives whole").toEqual([HOSTILE]);
  expect(report.options.start_recording, "one start_recording, the chosen one").toEqual(["true"]);
  expect(report.tokenName).toBe(`${HOSTILE} Lovelace`);
  expect(report.media).toMatch(/^granted: audio \+ video$/);
  const frameSrc = await guest.locator("iframe.immail-meet__frame").getAttribute("src");
  expect(new URL(frameSrc).hash, "no fragment injected").toBe("");

  await guestContext.close();
});

test("server down: the component shows the error, and Retry works once it is back", async ({ page }) => {
  await hostAMeeting(page);

  // The API becomes unreachable from this page (connections refused) while the server
  // keeps its rooms.
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  await page.getByRole("button", { name: "Leave" }).click();
  await page.getByRole("button", { name: "Rejoin", exact: true }).click();
  const alert = page.locator(".immail-meet [role=alert]");
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/could not reach the meeting service/);
  expect(await page.locator("iframe").count()).toBe(0);

  await page.unroute("**/api/**");
  await page.getByRole("button", { name: "Retry" }).click();
  const report = await sandboxReport(page);
  expect(report.role).toBe("moderator");
});

test("Leave removes the iframe", async ({ page }) => {
  await hostAMeeting(page);
  await page.getByRole("button", { name: "Leave" }).click();
  await expect(page.locator(".immail-meet")).toHaveAttribute("data-state", "left");
  expect(await page.locator("iframe").count()).toBe(0);
  expect(await page.locator(".immail-meet").innerText()).toMatch(/You left the meeting/);
});

/** FNV-1a (32 bits) of a file id: the sandbox recording's seed. */
function seedOf(id) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

function lowbias32(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The bytes of a sandbox recording, computed here independently of the server. */
function sandboxRecording(id, length) {
  const seed = seedOf(id);
  const bytes = Buffer.alloc(length);
  for (let word = 0; word * 4 < length; word++) {
    const mixed = (seed ^ Math.imul(word, 0x9e3779b1) ^ Math.imul(Math.floor(word / 2 ** 32), 0x85ebca77)) >>> 0;
    const value = lowbias32(mixed);
    for (let i = 0; i < 4 && word * 4 + i < length; i++) bytes[word * 4 + i] = (value >>> (8 * i)) & 0xff;
  }
  return bytes;
}

test("the host's history: sessions, a recording downloaded whole, a session's chat; a guest is refused", async ({
  page,
  request,
}) => {
  await hostAMeeting(page);
  const room = new URL(await page.getByTestId("share-link").inputValue()).searchParams.get("room");
  await page.getByRole("button", { name: "Meeting history" }).click();
  await page.locator(".immail-meet-history[data-state=ready]").waitFor();
  expect(await page.locator("iframe.immail-meet__frame").isHidden(), "the meeting is hidden, not left").toBe(true);
  expect(await page.locator(".immail-meet-history__session").count()).toBe(5);
  expect(await page.locator(".immail-meet-history__page").innerText()).toBe("Page 1 of 3");
  expect(await page.locator(".immail-meet-history__badge").first().innerText()).toBe("In progress");
  expect(await page.locator(".immail-meet-history__occupants").first().innerText()).toMatch(/^With \S/);
  expect(await seriousViolations(page), "no serious accessibility violations in the history").toEqual([]);

  // The newest session's recording, through the demo's link, to disk.
  const link = page.locator(".immail-meet-history__download").first();
  const fileId = decodeURIComponent((await link.getAttribute("href")).split("/").pop());
  expect(await page.locator(".immail-meet-history__size").first().innerText()).toBe("1.2 MB");
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Consultation #12 part 1.msf");
  const bytes = await readFile(await download.path());
  expect(bytes.length, "the whole file").toBe(1234567);
  expect(bytes.equals(sandboxRecording(fileId, bytes.length)), "every byte as the sandbox made it").toBe(true);

  // Its chat, with a message that looks like HTML shown as text.
  await page.getByRole("button", { name: "Show chat" }).first().click();
  const chat = page.locator(".immail-meet-messages[data-state=ready]");
  await chat.waitFor();
  const lines = await chat.locator(".immail-meet-messages__text").allInnerTexts();
  expect(lines, lines.join(" | ")).toContain("<b>This is not bold</b> & neither is <i>this</i>");
  expect(await chat.locator("b, i").count(), "no markup was made").toBe(0);

  // Paging.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator(".immail-meet-history__page")).toHaveText("Page 2 of 3");

  // Back to the meeting: still joined.
  await page.getByRole("button", { name: "Back to the meeting" }).click();
  expect(await page.locator(".immail-meet[data-state=joined]").count()).toBe(1);

  // Someone else (a guest: `request` keeps its own visitor cookie) gets 403 for both.
  for (const path of [`rooms/${room}/sessions`, `recordings/${encodeURIComponent(fileId)}`]) {
    const answer = await request.get(`/api/meet/${path}`);
    expect(answer.status(), path).toBe(403);
    expect((await answer.json()).error.code).toBe("forbidden");
  }
});
