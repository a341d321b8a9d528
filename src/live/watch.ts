// Watches a folder tree for changes, debounced. One non-recursive fs.watch per folder (recursive fs.watch on Linux
// is emulated in JavaScript and has had bugs with new and removed folders in Node 20); after every burst of
// events the tree is scanned again, so new folders are watched and removed ones released. Errors of a watcher
// (a folder deleted under it, inotify limits) are logged and never thrown.
import { type FSWatcher, readdirSync, watch } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../log.ts";

/** How often a removed root folder is looked for (default). */
const ROOT_POLL_MS = 2_000;

export interface TreeWatcher {
  close(): void;
  /** Folders currently watched (tests). */
  folders(): string[];
}

/** Files whose change matters: knowledge entries and YAML data files (not editor swap or backup files). */
const RELEVANT = /\.(md|ya?ml)$/i;

function listFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let items;
    try {
      items = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // gone (or unreadable): not watched
    }
    out.push(d);
    for (const it of items)
      if (it.isDirectory() && !it.name.startsWith(".") && it.name !== "node_modules") walk(join(d, it.name));
  };
  walk(root);
  return out;
}

export function watchTree(
  root: string,
  onChange: () => void,
  opts: { debounceMs: number; logger: Logger; rootPollMs?: number },
): TreeWatcher {
  const log = opts.logger.child({ component: "knowledge-watch" });
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(fire, opts.debounceMs);
    timer.unref();
  };

  const drop = (dir: string): void => {
    const w = watchers.get(dir);
    watchers.delete(dir);
    try {
      w?.close();
    } catch {
      // already closed
    }
  };

  const sync = (): void => {
    const folders = new Set(listFolders(root));
    for (const dir of [...watchers.keys()]) if (!folders.has(dir)) drop(dir);
    for (const dir of folders) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, (_event, name) => {
          // Folder events (name without extension) may be a new or removed subfolder: rescan on those too.
          if (name === null || RELEVANT.test(String(name)) || !String(name).includes(".")) schedule();
        });
        w.on("error", (err) => {
          log.warn({ err, dir }, "watcher failed; rescanning");
          drop(dir);
          schedule();
        });
        watchers.set(dir, w);
      } catch (err) {
        log.warn({ err, dir }, "cannot watch folder");
      }
    }
  };

  function fire(): void {
    if (closed) return;
    try {
      sync();
      onChange();
    } catch (err) {
      log.error({ err }, "knowledge watch callback failed");
    }
  }

  sync();
  // A folder that is removed and made again (a checkout, a copy) has no watcher to tell us: look for it now and then.
  const poll = setInterval(() => {
    if (closed || watchers.has(root)) return;
    sync();
    if (watchers.has(root)) {
      log.info({ root }, "knowledge folder is back");
      schedule();
    }
  }, opts.rootPollMs ?? ROOT_POLL_MS);
  poll.unref();
  log.info({ root, folders: watchers.size, debounceMs: opts.debounceMs }, "watching the knowledge base for changes");
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const dir of [...watchers.keys()]) drop(dir);
    },
    folders: () => [...watchers.keys()],
  };
}
