import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

const ROOT = resolve(import.meta.dirname, "../../..");
const MAGIC_BYTES = 8;
const FRAME_HEADER_BYTES = 12;

function doctor(workspace: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin/switchyard.js"), "doctor", "--workspace", workspace, ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
}

function logFile(workspace: string, threadId: string): string {
  return join(workspace, ".switchyard", "threads", threadId, "checkpoints.log");
}

/** Byte offsets where each framed record of a checkpoint log starts. */
function frameOffsets(file: string): number[] {
  const bytes = readFileSync(file);
  const offsets: number[] = [];
  for (let at = MAGIC_BYTES; at < bytes.length; at += FRAME_HEADER_BYTES + bytes.readUInt32LE(at)) offsets.push(at);
  return offsets;
}

async function untilOutput(server: ServerProcess, pattern: RegExp): Promise<string> {
  while (!pattern.test(server.output())) await new Promise((done) => setTimeout(done, 20));
  return server.output();
}

async function pausedThread(request: ReturnType<typeof http>, owner: string): Promise<string> {
  const threadId = (await request("POST", "/threads", { metadata: { owner } })).json.thread_id;
  await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "Use the search tool to ask the user where they are" }] }, interrupt_before: ["ask_human"] });
  return threadId;
}

// Issue 15, item 5: damaged run data is named (thread, byte, line), never a bare 500 or a silent loss, and doctor repairs it.
describe("damaged run data", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  beforeAll(() => (workspace = makeWorkspace()));
  afterAll(() => workspace?.remove());

  it("a corrupt checkpoint log: every state route names thread and offset; doctor lists it and --repair keeps the intact records", async () => {
    let server = await startServerProcess(workspace.dir);
    let request = http(server.url);
    const threadId = await pausedThread(request, "corrupt");
    await server.stop();

    const file = logFile(workspace.dir, threadId);
    const offsets = frameOffsets(file);
    expect(offsets.length).toBeGreaterThanOrEqual(3);
    const damagedAt = offsets[Math.floor(offsets.length / 2)];
    const bytes = readFileSync(file);
    bytes[damagedAt + FRAME_HEADER_BYTES + 2] ^= 0xff;
    writeFileSync(file, bytes);
    const sizeBefore = bytes.length;

    server = await startServerProcess(workspace.dir);
    request = http(server.url);
    try {
      const routes: Array<[string, string, unknown?]> = [
        ["GET", `/threads/${threadId}/state`],
        ["POST", `/threads/${threadId}/state/checkpoint`, { checkpoint: {} }],
        ["GET", `/threads/${threadId}/history`],
        ["POST", `/threads/${threadId}/history`, { limit: 5 }],
        ["POST", `/threads/${threadId}/state`, { values: { messages: [] }, as_node: "ask_human" }],
      ];
      for (const [method, path, body] of routes) {
        const response = await request(method, path, body);
        expect(response.status, `${method} ${path}`).toBe(500);
        expect(response.json).toMatchObject({ error: "CorruptCheckpointError", thread_id: threadId, offset: damagedAt });
        expect(response.json.detail).toContain(`thread ${threadId}: checkpoint log is corrupt at byte ${damagedAt}`);
        expect(response.json.detail).toContain("switchyard doctor");
      }
      // The thread is still listed and shown, as a thread in error.
      const shown = await request("GET", `/threads/${threadId}`);
      expect(shown.status).toBe(200);
      expect(shown.json).toMatchObject({ thread_id: threadId, status: "error", values: null });
      const run = await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
      expect(run.json.__error__).toMatchObject({ error: "CorruptCheckpointError", message: expect.stringContaining(`corrupt at byte ${damagedAt}`) });
      const listed = (await request("POST", "/threads/search", { limit: 100 })).json.map((thread: { thread_id: string }) => thread.thread_id);
      expect(listed).toContain(threadId);

      const found = doctor(workspace.dir);
      expect(found.status).toBe(1);
      expect(found.stdout).toContain(`corrupt   thread ${threadId}: .switchyard/threads/${threadId}/checkpoints.log: damaged at byte ${damagedAt}`);
      const refused = doctor(workspace.dir, "--repair");
      expect(refused.status).toBe(3);
      expect(refused.stderr).toMatch(/server\.lock is held by process \d+/);
    } finally {
      await server.stop();
    }

    const repaired = doctor(workspace.dir, "--repair");
    expect(repaired.status).toBe(0);
    const aside = `${file}.damaged-${damagedAt}`;
    expect(repaired.stdout).toContain(`the damage is now in .switchyard/threads/${threadId}/checkpoints.log.damaged-${damagedAt}`);
    expect(statSync(file).size).toBe(damagedAt);
    expect(readFileSync(aside)).toEqual(bytes.subarray(damagedAt));
    expect(statSync(aside).size + damagedAt).toBe(sizeBefore);
    expect(doctor(workspace.dir).status).toBe(0);

    server = await startServerProcess(workspace.dir);
    try {
      const state = await http(server.url)("GET", `/threads/${threadId}/state`);
      expect(state.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("damaged and null lines in threads.jsonl: a warning naming file and line, the thread rebuilt from its log, the server keeps serving", async () => {
    let server = await startServerProcess(workspace.dir);
    let request = http(server.url);
    const threadId = await pausedThread(request, "lost-line");
    const stateBefore = (await request("GET", `/threads/${threadId}/state`)).json;
    await server.stop();

    const index = join(workspace.dir, ".switchyard", "threads.jsonl");
    const lines = readFileSync(index, "utf8").split("\n");
    const damaged = lines.map((line) => (line.includes(threadId) ? line.slice(0, 20) : line));
    damaged.splice(1, 0, "null");
    writeFileSync(index, damaged.join("\n"));
    const cut = new Set(lines.filter((line) => line.includes(threadId)).map((line) => line.slice(0, 20)));
    const firstDamaged = damaged.findIndex((line) => cut.has(line)) + 1;

    const found = doctor(workspace.dir);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`damaged   .switchyard/threads.jsonl line 2: not a record of this file (null)`);
    expect(found.stdout).toContain(`missing   thread ${threadId}`);

    server = await startServerProcess(workspace.dir);
    request = http(server.url);
    try {
      await untilOutput(server, /has a checkpoint log but no entry/);
      expect(server.output()).toContain("threads.jsonl line 2: skipped a damaged record");
      expect(server.output()).toContain(`.switchyard/threads.jsonl line ${firstDamaged}`);
      expect(server.output()).toContain(`thread ${threadId} has a checkpoint log but no entry`);
      const thread = await request("GET", `/threads/${threadId}`);
      expect(thread.status).toBe(200);
      expect(thread.json).toMatchObject({ thread_id: threadId, status: "interrupted", metadata: { graph_id: "agent" } });
      expect((await request("GET", `/threads/${threadId}/state`)).json).toEqual(stateBefore);
      const listed = (await request("POST", "/threads/search", { limit: 100 })).json.map((entry: { thread_id: string }) => entry.thread_id);
      expect(listed).toContain(threadId);
      expect((await request("POST", "/threads", {})).status).toBe(200);
    } finally {
      await server.stop();
    }
    // The rebuilt entry is in the file now: the next start needs no rebuild.
    server = await startServerProcess(workspace.dir);
    try {
      expect((await http(server.url)("GET", `/threads/${threadId}`)).status).toBe(200);
      expect(server.output()).not.toContain(`thread ${threadId} has a checkpoint log but no entry`);
    } finally {
      await server.stop();
    }
    const repaired = doctor(workspace.dir, "--repair");
    expect(repaired.status).toBe(0);
    expect(readFileSync(`${index}.damaged`, "utf8")).toContain('"text":"null"');
    expect(doctor(workspace.dir).status).toBe(0);
  });

  it("a checkpoint log truncated to 0 bytes: a warning when it is read, and doctor lists it", async () => {
    let server = await startServerProcess(workspace.dir);
    const threadId = await pausedThread(http(server.url), "emptied");
    await server.stop();
    truncateSync(logFile(workspace.dir, threadId), 0);

    const found = doctor(workspace.dir);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`empty     thread ${threadId}: .switchyard/threads/${threadId}/checkpoints.log is 0 bytes`);

    server = await startServerProcess(workspace.dir);
    try {
      expect((await http(server.url)("GET", `/threads/${threadId}/state`)).status).toBe(200);
      expect(await untilOutput(server, /is empty \(0 bytes\)/)).toContain(`thread ${threadId}: its checkpoint log`);
    } finally {
      await server.stop();
    }
    // Read once, the log holds its header again: a well-formed empty thread.
    const again = doctor(workspace.dir);
    expect(again.status, again.stdout).toBe(0);
    truncateSync(logFile(workspace.dir, threadId), 0);
    const repaired = doctor(workspace.dir, "--repair");
    expect(repaired.status).toBe(0);
    expect(existsSync(`${logFile(workspace.dir, threadId)}.damaged-0`)).toBe(true);
    expect(existsSync(logFile(workspace.dir, threadId))).toBe(false);
  });
});
