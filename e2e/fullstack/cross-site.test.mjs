// Another site cannot act as the user: its forms posted to the example's server
// functions (sign in, create a meeting) are refused, and the user's sign-in stays.
import { test, expect } from "../fixtures/fullstack.mjs";

test("forms posted from another site are refused and change nothing", async ({ signedIn, baseURL }) => {
  const victim = await signedIn("Ines");
  // A page on another site: the same server under another host name (localhost, not
  // 127.0.0.1), whose form posts to the sign-in server function.
  const signInUrl = new URL("/api/sign_in", baseURL).href;
  const evil = `http://localhost:${new URL(baseURL).port}/evil`;
  await victim.page.route(evil, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>evil</title>
        <form id="f" method="post" action="${signInUrl}"><input name="name" value="Mallory"></form>
        <script>document.getElementById("f").submit()</script>`,
    }),
  );
  const refused = victim.page.waitForResponse(signInUrl);
  await victim.page.goto(evil);
  expect((await refused).status()).toBe(403);

  await victim.page.goto("/");
  await expect(victim.page.locator("header")).toContainText("Signed in as Ines");

  // A server function called with a hand-made cross-site header, as an older
  // browser's form would arrive, is refused too.
  const created = await victim.context.request.post("/api/create_meeting", {
    form: { topic: "Forged" },
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "http://evil.example" },
  });
  expect(created.status()).toBe(403);
});
