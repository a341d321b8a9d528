// Imported first by every CLI: when the reader of its output goes away (`npm run kb:check | head -1`), the CLI ends
// quietly with its exit code so far, instead of Node throwing EPIPE from the next write and printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
