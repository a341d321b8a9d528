import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Runs initdb once and shares the result as a template: tests copy it instead of each waiting for initdb.
    globalSetup: ["tests/support/global-setup.ts"],
    // Server and store tests bind ports and open databases: keep files isolated, two at a time (2 cores).
    pool: "forks",
    maxWorkers: 2,
    // In CI, also write a JSON summary that .ci/run turns into a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"] } },
      // The browser test starts Chromium: its own project, still part of `npm test` (`npm run test:browser` alone).
      { extends: true, test: { name: "browser", include: ["tests/browser/**/*.test.ts"] } },
    ],
  },
});
