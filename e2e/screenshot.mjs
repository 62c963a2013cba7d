// Takes the README's screenshots of the demo: a host who created a meeting and joined
// (OUT), then the room's history with a session's chat open (history.png beside OUT).
//   node e2e/screenshot.mjs [URL] [OUT]
// Without a URL it serves the built demo (dist/, from `trunk build --release`) with the
// server itself, like the end-to-end tests. OUT defaults to docs/demo.png.
import { launch } from "./browser.mjs";
import { start } from "./harness.mjs";

const out = process.argv[3] || new URL("../docs/demo.png", import.meta.url).pathname;
const app = process.argv[2] ? null : await start();
const url = process.argv[2] || app.url;
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.goto(url);
  await page.getByRole("button", { name: "Create meeting" }).click();
  const frame = page.frameLocator("iframe.immail-meet__frame");
  await frame.locator("[data-testid=media][data-state]").waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);

  await page.getByRole("button", { name: "Meeting history" }).click();
  await page.locator(".immail-meet-history[data-state=ready]").waitFor();
  await page.getByRole("button", { name: "Show chat" }).first().click();
  await page.locator(".immail-meet-messages[data-state=ready]").waitFor();
  const history = new URL("history.png", `file://${out}`).pathname;
  await page.screenshot({ path: history });
  console.log(`screenshot: ${history}`);
} finally {
  await browser.close();
  await app?.stop();
}
