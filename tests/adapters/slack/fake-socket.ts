// A minimal WebSocket server (RFC 6455, text frames only) on 127.0.0.1 that plays Slack's Socket Mode side:
// it sends "hello" and envelopes, and collects the client's acknowledgements.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface FakeSocketSlack {
  url: string;
  /** Resolves when a client connected (and got "hello"). */
  connected: Promise<void>;
  /** Sends an envelope to the connected client. */
  send(message: Record<string, unknown>): void;
  /** Messages the client sent (parsed JSON). */
  received: Record<string, unknown>[];
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function frame(text: string): Buffer {
  const payload = Buffer.from(text, "utf8");
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x81, len])
      : len < 65_536
        ? Buffer.from([0x81, 126, len >> 8, len & 0xff])
        : (() => {
            const b = Buffer.alloc(10);
            b[0] = 0x81;
            b[1] = 127;
            b.writeBigUInt64BE(BigInt(len), 2);
            return b;
          })();
  return Buffer.concat([head, payload]);
}

/** Parses complete client frames from buf; returns [opcode, payload] pairs and the unused rest. */
function parseFrames(buf: Buffer): { frames: [number, Buffer][]; rest: Buffer } {
  const frames: [number, Buffer][] = [];
  let off = 0;
  while (buf.length - off >= 2) {
    const opcode = buf[off]! & 0x0f;
    const masked = (buf[off + 1]! & 0x80) !== 0;
    let len = buf[off + 1]! & 0x7f;
    let pos = off + 2;
    if (len === 126) {
      if (buf.length < pos + 2) break;
      len = buf.readUInt16BE(pos);
      pos += 2;
    } else if (len === 127) {
      if (buf.length < pos + 8) break;
      len = Number(buf.readBigUInt64BE(pos));
      pos += 8;
    }
    const maskLen = masked ? 4 : 0;
    if (buf.length < pos + maskLen + len) break;
    const mask = masked ? buf.subarray(pos, pos + 4) : null;
    pos += maskLen;
    const payload = Buffer.from(buf.subarray(pos, pos + len));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    frames.push([opcode, payload]);
    off = pos + len;
  }
  return { frames, rest: buf.subarray(off) };
}

export async function startFakeSocketSlack(): Promise<FakeSocketSlack> {
  const received: Record<string, unknown>[] = [];
  let socket: Duplex | null = null;
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    onConnected = resolve;
  });
  const waiters: { id: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  const server: Server = createServer((_req, res) => {
    res.statusCode = 426;
    res.end();
  });
  server.on("upgrade", (req, sock: Duplex) => {
    const key = String(req.headers["sec-websocket-key"] ?? "");
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    sock.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket = sock;
    let pending: Buffer = Buffer.alloc(0);
    sock.on("data", (chunk: Buffer) => {
      const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const [opcode, payload] of frames) {
        if (opcode === 0x1) {
          const msg = JSON.parse(payload.toString("utf8")) as Record<string, unknown>;
          received.push(msg);
          for (const w of [...waiters]) {
            if (msg.envelope_id === w.id) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(msg);
            }
          }
        } else if (opcode === 0x9) {
          // ping → pong
          sock.write(Buffer.concat([Buffer.from([0x8a, payload.length]), payload]));
        } else if (opcode === 0x8) {
          sock.end();
        }
      }
    });
    sock.on("error", () => undefined);
    sock.write(
      frame(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          connection_info: { app_id: "A0APP0001" },
          debug_info: { host: "fake" },
        }),
      ),
    );
    onConnected();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected,
    received,
    send(message) {
      if (!socket) throw new Error("no client connected");
      socket.write(frame(JSON.stringify(message)));
    },
    waitForAck(id, timeoutMs = 5000) {
      const hit = received.find((m) => m.envelope_id === id);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${id}`)), timeoutMs);
        waiters.push({
          id,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
