// Process helpers shared by the Slack load benchmarks (bench/slack-load.ts, bench/slack-stepup.ts): a fake Slack
// Web API, a free loopback port, stopping a server process, and the CPU time a process tree has used (Linux /proc).
import type { ChildProcess } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A fake Slack Web API that answers every method with ok (auth.test at start). */
export async function startFakeSlackApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, user_id: "UBENCHBOT", bot_id: "BBENCH", team_id: "TBENCH" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const CLK_TCK = 100;

/** CPU time (user + system, ms) used so far by a process and all its descendants (Linux /proc). */
export async function cpuMsOfTree(rootPid: number): Promise<number> {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const text = await readFile(`/proc/${name}/stat`, "utf8").catch(() => null);
    if (!text) continue;
    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    stats.set(Number(name), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
  }
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return (ticks * 1000) / CLK_TCK;
}

/**
 * CPU time (user + system, ms) used so far by a process's main thread alone: its event loop, which bounds the rate
 * one process can serve. Other threads (V8's GC helpers, libuv's pool, the embedded database's worker) are not in
 * it. Linux: the main thread's task id is the pid.
 */
export async function cpuMsOfMainThread(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/task/${pid}/stat`, "utf8").catch(() => null);
  if (!text) return Number.NaN;
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK;
}

/** SIGTERM, and SIGKILL if the process has not exited 15 s later; resolves once it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
