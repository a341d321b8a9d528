// PGlite settings for a small resident footprint. The bot's database is tiny (a few thousand rows), so
// PostgreSQL's default 128 MB of shared buffers (inside the WebAssembly memory, touched as pages are read)
// only costs memory. Measured on this project (Node 20, PGlite 0.5): opening an existing database takes
// about 350 MB RSS with the defaults and about 230 MB with these settings.
export const PGLITE_OPTIONS = {
  postgresqlconf: [
    "shared_buffers = 8MB",
    "wal_buffers = 1MB",
    "work_mem = 1MB",
    "maintenance_work_mem = 8MB",
    "temp_buffers = 1MB",
  ],
};

/**
 * Node flags for every process that opens PGlite (`npm start`, the Dockerfile's CMD, the benchmarks, the
 * initialisation child). `--liftoff-only` keeps V8 from compiling PGlite's WebAssembly a second time with its
 * optimising compiler: about 65-100 MB less resident memory, and less CPU in the first minutes (no tier-up
 * compilation); a PGlite insert costs the same or less once warm (0.31 vs 0.35 ms measured on Node 20).
 * It cannot be set from inside the process on Node 24 (V8 freezes its flags), and NODE_OPTIONS refuses it, so it
 * goes on the command line; tests/app/memory.test.ts checks that `npm start` and the Dockerfile pass it.
 */
export const PGLITE_NODE_FLAGS: readonly string[] = ["--liftoff-only"];
