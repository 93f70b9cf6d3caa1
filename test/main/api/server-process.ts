import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const READY = /serving .* at (http:\/\/\S+)/;

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: no cleanup at all, as in a crash. */
  kill(): Promise<void>;
}

/** A temporary copy of the example workspace plus the server test fixtures. */
export function makeWorkspace(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-ws-"));
  cpSync(join(ROOT, "examples/weather-agent"), dir, { recursive: true });
  cpSync(join(ROOT, "test/fixtures/server"), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Spawns `node bin/switchyard.js serve --port 0` on a workspace and waits for its ready line. */
export async function startServerProcess(workspace: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", workspace, "--port", "0", ...extraArgs], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not get ready in 20 s:\n${output}`)), 20_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, process: child, output: () => output, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}

export interface SseEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** Parses SSE text the way the seed's sed/awk pipeline does, keeping ids too. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.replace(/\r/g, "").split("\n\n")) {
    let event = "message";
    let data: string | undefined;
    let id: string | undefined;
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data = line.slice(6);
      else if (line.startsWith("id: ")) id = line.slice(4);
    }
    if (data !== undefined) events.push({ event, data: JSON.parse(data), ...(id !== undefined ? { id } : {}) });
  }
  return events;
}

/** A small JSON-over-HTTP client shaped like the seed's curl commands. */
export function http(base: string, defaultHeaders: Record<string, string> = {}) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...defaultHeaders, ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const json = type.includes("application/json") && text ? JSON.parse(text) : undefined;
    return { status: response.status, text, json, headers: response.headers };
  };
}

export interface ServedWorkspace {
  server: ServerProcess;
  workspace: { dir: string; remove(): void };
  request: ReturnType<typeof http>;
}

/** Registers beforeAll/afterAll that serve a fresh copy of the test workspace for a describe block. */
export function servedWorkspace(extraArgs: string[] = []): ServedWorkspace {
  const live = {} as ServedWorkspace;
  beforeAll(async () => {
    live.workspace = makeWorkspace();
    live.server = await startServerProcess(live.workspace.dir, extraArgs);
    live.request = http(live.server.url);
  });
  afterAll(async () => {
    await live.server?.stop();
    live.workspace?.remove();
  });
  return live;
}
