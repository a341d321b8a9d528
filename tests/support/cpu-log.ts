// Optional per-file CPU accounting (set TEST_CPU_LOG=<file>): appends one JSON line per test file with the CPU
// time the worker spent on it and the CPU time of the child processes it started and waited for (app/main.ts,
// CLIs), from /proc/self/stat. On a busy machine wall times mislead; CPU time is what a quiet run will need.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll } from "vitest";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds of this process's reaped children (cutime + cstime), or 0 where /proc is missing. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return 0;
  }
}

const out = process.env.TEST_CPU_LOG;
if (out) {
  const started = Date.now();
  const own = process.cpuUsage();
  const children = childrenCpuMs();
  // eslint-disable-next-line no-empty-pattern -- vitest passes the suite second and wants a pattern first
  afterAll(({}, suite) => {
    const used = process.cpuUsage(own);
    appendFileSync(
      out,
      JSON.stringify({
        file: "filepath" in suite ? suite.filepath : suite.name,
        pid: process.pid,
        ownMs: Math.round((used.user + used.system) / 1000),
        childrenMs: childrenCpuMs() - children,
        wallMs: Date.now() - started,
      }) + "\n",
    );
  });
}
