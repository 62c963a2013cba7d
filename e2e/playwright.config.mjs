// End-to-end tests: @playwright/test driving Debian's Chromium (nothing is downloaded:
// never `npx playwright install`), against the reference server on loopback ports the
// OS chooses (e2e/fixtures/).
//
//   npm test --prefix e2e                          every project below
//   npm test --prefix e2e -- --project=hostile     one of them
//   npm run measure:fullstack --prefix e2e         figures of the full-stack example
//   npm run screenshots --prefix e2e               the README's pictures (docs/)
//
// Each project is one kind of page under test; its tests share one server (a
// worker-scoped fixture) and run one after another (one worker).
import { defineConfig } from "@playwright/test";

const ROOT = new URL("..", import.meta.url).pathname;

/** The demo, built by `trunk build --release` at the repository's root. */
const DEMO_DIST = process.env.DIST_DIR || `${ROOT}dist`;
/** The README's example as a user's app, built by trunk in e2e/outside-app. */
const OUTSIDE_APP_DIST = `${ROOT}e2e/outside-app/dist`;

export default defineConfig({
  testDir: ".",
  forbidOnly: true,
  retries: 0,
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    headless: true,
    // As root Chromium runs only without its sandbox (Playwright passes --no-sandbox).
    chromiumSandbox: false,
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      // Playwright already passes --disable-background-networking,
      // --disable-component-update, --disable-sync, --disable-dev-shm-usage and
      // --no-first-run; the fake camera and microphone let getUserMedia work headless.
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
    // A failure leaves a screenshot (and the error context) in test-results/; add
    // `--trace on` for a trace.
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "demo",
      testMatch: /(demo|meeting-end|permissions)\.test\.mjs$/,
      use: { staticDir: DEMO_DIST },
    },
    {
      name: "outside-app",
      testMatch: "outside-app.test.mjs",
      use: { staticDir: OUTSIDE_APP_DIST },
    },
    {
      name: "hostile",
      testMatch: "hostile.test.mjs",
    },
    // The full-stack example, built by `scripts/fullstack.sh build` (its own server).
    {
      name: "fullstack",
      testMatch: "fullstack/*.test.mjs",
    },
    // Not a test: takes docs/demo.png and docs/history.png (`npm run screenshots`).
    ...(process.env.README_SCREENSHOTS
      ? [{ name: "screenshots", testMatch: "readme-screenshots.mjs", use: { staticDir: DEMO_DIST } }]
      : []),
  ],
});
