import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server and store tests bind ports and open databases: keep files isolated, two at a time (2 cores).
    pool: "forks",
    maxWorkers: 2,
  },
});
