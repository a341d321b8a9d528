import { defineConfig } from "vitest/config";
import { PGLITE_NODE_FLAGS } from "./src/store/pglite-options.ts";

/**
 * Test files that change process-wide state (globals, module mocks, process.env) and so need a process of their
 * own. None today: jsdom's window/document, which tests/adapters/teams/adaptive-cards.ts installs as globals for
 * Microsoft's adaptivecards library, are shared by every Teams card test in a worker, render.test.ts included.
 */
const OWN_PROCESS: string[] = [];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Keeps transformed modules on disk between runs (node_modules/.experimental-vitest-cache, not committed): a
    // re-run skips most of the transform work (about 10% less CPU measured on the whole suite).
    experimental: { fsModuleCache: true },
    hookTimeout: 60_000,
    // Runs initdb once and keeps the result as a template: tests copy it instead of each waiting for initdb.
    globalSetup: ["tests/support/global-setup.ts"],
    // TEST_CPU_LOG=<file> writes each test file's CPU time (its worker's and its child processes') to <file>.
    setupFiles: ["tests/support/cpu-log.ts"],
    // Three files at a time on 2 cores: much of the suite now waits (servers starting, Chromium, time-outs) rather
    // than computes, and a third worker fills those waits. Full suite, same machine and minutes (2026-12-03):
    // 2 workers 87 s wall, 3 workers 79 s, 4 workers 77 s; CPU time the same or lower.
    pool: "forks",
    maxWorkers: 3,
    // As `npm start` runs (--liftoff-only): the workers open dozens of embedded databases, and V8's optimising
    // recompile of PGlite's WebAssembly cost more than it saved (9-12% less CPU without it).
    execArgv: [...PGLITE_NODE_FLAGS],
    // In CI, also write a JSON summary that .ci/run turns into a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      {
        extends: true,
        // Most files share a worker process and its loaded modules (botbuilder, Bolt, the engine), which halves the
        // suite's CPU time. Every test still gets its own database, server, port and temp folder; a file that
        // changes process-wide state must be listed in OWN_PROCESS instead. The browser files (tests/browser, each
        // starting its own Chromium; `npm run test:browser` runs them alone) are among them: in a project of their
        // own they needed worker processes of their own that loaded the same modules again (3-6 CPU-s more).
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [...OWN_PROCESS],
          isolate: false,
        },
      },
      ...(OWN_PROCESS.length ? [{ extends: true as const, test: { name: "own-process", include: OWN_PROCESS } }] : []),
    ],
  },
});
