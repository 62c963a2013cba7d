// Another site cannot act as the user: its forms posted to the example's server
// functions (sign in, create a meeting) are refused, and the user's sign-in stays.
import { expect, test } from "@playwright/test";
import { signedIn, url } from "./app.mjs";

test("forms posted from another site are refused and change nothing", async ({ browser }) => {
  const victim = await signedIn(browser, "Ines");
  // A page on another site: same server, another host name (localhost, not 127.0.0.1).
  const site = new URL(url("/"));
  const evil = `http://localhost:${site.port}/evil`;
  await victim.page.route(evil, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>evil</title>
        <form id="f" method="post" action="${url("/api/sign_in")}">
          <input name="name" value="Mallory"></form>
        <script>document.getElementById("f").submit()</script>`,
    }),
  );
  const refused = victim.page.waitForResponse((r) => r.url() === url("/api/sign_in"));
  await victim.page.goto(evil);
  expect((await refused).status()).toBe(403);

  await victim.page.goto(url("/"));
  await expect(victim.page.locator("header")).toContainText("Signed in as Ines");

  // A server function called with a hand-made cross-site header, as an older
  // browser's form would arrive, is refused too.
  const created = await victim.context.request.post(url("/api/create_meeting"), {
    form: { topic: "Forged" },
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "http://evil.example" },
  });
  expect(created.status()).toBe(403);
  await victim.context.close();
});
