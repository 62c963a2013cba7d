// Takes the README's screenshot of the demo: a host who created a meeting and joined.
//   node e2e/screenshot.mjs [URL] [OUT]   (defaults: http://127.0.0.1:8080/ docs/demo.png)
import { launch } from "./browser.mjs";

const url = process.argv[2] || "http://127.0.0.1:8080/";
const out = process.argv[3] || "docs/demo.png";
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
} finally {
  await browser.close();
}
