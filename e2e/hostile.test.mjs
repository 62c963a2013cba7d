// Hostile pages in real Chromium against the reference server: forms and fetches from
// the same site on another port, and from another site, never act as the victim nor
// take their visitor cookie; the origin the server allows may. (server/tests/hostile.rs
// checks the same rules with hand-made headers.) The tests build on each other (one
// victim, one room, one cookie jar): they run in order, and stop at the first failure.
import { test, expect, formPage } from "./fixtures/hostile-sites.mjs";

test.describe.configure({ mode: "serial" });

let context, victim, room;

test.beforeAll(async ({ browser, sites }) => {
  context = await browser.newContext();
  victim = await context.newPage();
  await victim.goto(`${sites.api}/healthz`);
  const created = await victim.evaluate(async () => {
    const answer = await fetch("/api/meet/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topic: "The victim's meeting" }),
    });
    return { status: answer.status, body: await answer.json() };
  });
  expect(created.status).toBe(201);
  room = created.body.name;
});

test.afterAll(async () => {
  await context?.close();
});

async function visitorCookie(sites) {
  const cookies = await context.cookies(sites.api);
  return cookies.find((c) => c.name === "immail_meet_visitor");
}

/** A grant asked for by the victim's own page. */
function victimGrant() {
  return victim.evaluate(async (room) => {
    const answer = await fetch(`/api/meet/rooms/${room}/grant`, { method: "POST" });
    return { status: answer.status, body: await answer.json() };
  }, room);
}

/** The victim opens the attacker's `page` at `origin`; what the API got and answered at `path`. */
async function attack(sites, origin, page, path) {
  sites.attackWith(() => page);
  const tab = await context.newPage();
  const answered = tab.waitForResponse((r) => r.url() === `${sites.api}${path}`);
  await tab.goto(`${origin}/prize`);
  const response = await answered;
  const result = {
    status: response.status(),
    sent: await response.request().allHeaders(),
    headers: await response.allHeaders(),
    body: await response.text(),
  };
  await tab.close();
  return result;
}

function expectRefused(result, site) {
  expect(result.sent["sec-fetch-site"]).toBe(site);
  expect(result.status, result.body).toBe(403);
  expect(JSON.parse(result.body).error.code).toBe("cross_origin_request");
  expect(result.headers["set-cookie"], "no cookie is set").toBeUndefined();
}

test("the victim's own page creates a room and moderates it", async ({ sites }) => {
  expect(await visitorCookie(sites), "a visitor cookie").toBeTruthy();
  const grant = await victimGrant();
  expect(grant.status).toBe(200);
  expect(grant.body.moderator).toBe(true);
});

test("a text/plain form from the same site, another port, carries the cookie and is refused", async ({ sites }) => {
  const fields = { '{"topic":"pwned","x":"': '"}' };
  for (const path of ["/api/meet/rooms", `/api/meet/rooms/${room}/grant`]) {
    const page = formPage(`${sites.api}${path}`, "text/plain", fields);
    const result = await attack(sites, sites.sameSite, page, path);
    expect(result.sent.cookie ?? "", "the browser sent the cookie").toMatch(/immail_meet_visitor=/);
    expect(result.sent.origin).toBe(sites.sameSite);
    expectRefused(result, "same-site");
  }
});

test("fetch with credentials from the same site: refused, or stopped at the preflight", async ({ sites }) => {
  sites.attackWith(() => "<!doctype html><title>prize</title>");
  const tab = await context.newPage();
  await tab.goto(`${sites.sameSite}/prize`);
  const path = `/api/meet/rooms/${room}/grant`;
  const answered = tab.waitForResponse((r) => r.url() === `${sites.api}${path}`);
  // No preflight for text/plain: it reaches the server (with the cookie) and is refused.
  await tab.evaluate(
    (url) =>
      fetch(url, {
        method: "POST",
        mode: "no-cors",
        credentials: "include",
        headers: { "Content-Type": "text/plain" },
        body: "{}",
      }),
    `${sites.api}${path}`,
  );
  const response = await answered;
  // (Chromium reports no raw request headers for a no-cors fetch: the form test above
  // shows a same-site request carrying the cookie.)
  expect(response.status()).toBe(403);
  expect((await response.allHeaders())["set-cookie"]).toBeUndefined();
  // JSON needs a preflight, which the server does not grant this origin.
  const json = await tab.evaluate(async (url) => {
    try {
      const answer = await fetch(url, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      return `answered ${answer.status}`;
    } catch (e) {
      return `refused: ${e.name}`;
    }
  }, `${sites.api}${path}`);
  expect(json).toBe("refused: TypeError");
  await tab.close();
});

test("forms from another site carry no cookie, are refused, and the victim keeps theirs", async ({ sites }) => {
  const before = await visitorCookie(sites);
  const grantPath = `/api/meet/rooms/${room}/grant`;
  for (const [enctype, path] of [
    ["text/plain", grantPath],
    ["application/x-www-form-urlencoded", "/api/meet/rooms"],
    ["multipart/form-data", grantPath],
  ]) {
    const page = formPage(`${sites.api}${path}`, enctype, { topic: "pwned" });
    const result = await attack(sites, sites.crossSite, page, path);
    expect(result.sent.cookie, "SameSite=Lax holds the cookie back").toBeUndefined();
    expectRefused(result, "cross-site");
  }
  const after = await visitorCookie(sites);
  expect(after.value, "the victim's cookie is unchanged").toBe(before.value);
  const grant = await victimGrant();
  expect(grant.body.moderator, "and still makes them the moderator").toBe(true);
});

test("the allowed origin calls with credentials and reads the answer", async ({ sites }) => {
  const tab = await context.newPage();
  await tab.goto(`${sites.allowed}/`);
  const grant = await tab.evaluate(async (url) => {
    const answer = await fetch(url, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ display_name: "From the app" }),
    });
    return { status: answer.status, body: await answer.json() };
  }, `${sites.api}/api/meet/rooms/${room}/grant`);
  expect(grant.status).toBe(200);
  expect(grant.body.moderator, "the victim's own cookie travelled").toBe(true);
  await tab.close();
});
