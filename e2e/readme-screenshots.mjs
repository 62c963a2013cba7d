// Not a test: takes the README's pictures of the demo (project "screenshots", only with
// README_SCREENSHOTS set): a host who created a meeting and joined (docs/demo.png),
// then the room's history with a session's chat open (docs/history.png).
//   npm run screenshots --prefix e2e          (README_SCREENSHOTS=DIR writes them there)
// Like the tests, it serves the built demo (dist/, from `trunk build --release`) with the
// reference server.
import { test } from "./fixtures/app.mjs";
import { sandboxReport } from "./fixtures/sandbox.mjs";

const DIR = /^(1|true)?$/.test(process.env.README_SCREENSHOTS ?? "")
  ? new URL("../docs/", import.meta.url).pathname
  : `${process.env.README_SCREENSHOTS.replace(/\/$/, "")}/`;

test.use({ viewport: { width: 1280, height: 820 } });

test("the README's screenshots", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Create meeting" }).click();
  await sandboxReport(page);
  await page.waitForTimeout(500); // the meeting page's own transitions
  await page.screenshot({ path: `${DIR}demo.png` });
  console.log(`screenshot: ${DIR}demo.png`);

  await page.getByRole("button", { name: "Meeting history" }).click();
  await page.locator(".immail-meet-history[data-state=ready]").waitFor();
  await page.getByRole("button", { name: "Show chat" }).first().click();
  await page.locator(".immail-meet-messages[data-state=ready]").waitFor();
  await page.screenshot({ path: `${DIR}history.png` });
  console.log(`screenshot: ${DIR}history.png`);
});
