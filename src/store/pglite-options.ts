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
