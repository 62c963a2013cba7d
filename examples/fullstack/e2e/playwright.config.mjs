// Browser tests of the full-stack example in Debian's Chromium (never a downloaded
// browser): the server the test command built, started once on free loopback ports
// (global-setup.mjs), driven by @playwright/test, checked by axe-core.
//   npm test --prefix examples/fullstack/e2e   (after scripts/fullstack.sh build)
import { readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// The Chrome flags the repository's browser tests use (webdriver.json), plus
// --no-sandbox (the tests may run as root).
const webdriver = JSON.parse(readFileSync(new URL("../../../webdriver.json", import.meta.url)));

export default defineConfig({
  testDir: "tests",
  globalSetup: "./global-setup.mjs",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", ...webdriver["goog:chromeOptions"].args],
    },
    viewport: { width: 1024, height: 800 },
  },
});
