import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { http, makeWorkspace, parseSse, startServerProcess, type ServerProcess } from "../../api/server-process";

const CAP_MB = 256;

/** START -> hog (code: holds `mb` distinct 1 MiB strings) -> END, under a long time limit. */
const hogGraph = {
  version: 1,
  name: "hog",
  entry: "hog",
  state: { fields: { mb: { type: "number", reducer: "replace", default: 0 }, held: { type: "number", reducer: "replace", default: 0 } } },
  nodes: [
    {
      id: "hog",
      kind: "code",
      position: { x: 0, y: 0 },
      config: {
        source: '(s) => { const keep = []; for (let i = 0; i < s.mb; i++) keep.push(String(i).padEnd(1024 * 1024, "x")); return { held: keep.length }; }',
        memoryMb: CAP_MB,
        timeoutMs: 60_000,
      },
    },
  ],
  edges: [{ id: "hog-end", source: "hog", target: "__end__" }],
};

/** The server's resident memory, main thread and sandbox workers together (they are threads of one process). */
function rssMb(server: ServerProcess): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe("a code node over its memory cap, run through the server", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  let request: ReturnType<typeof http>;

  beforeAll(async () => {
    workspace = makeWorkspace();
    writeFileSync(join(workspace.dir, "hog.graph.json"), JSON.stringify(hogGraph, null, 2));
    server = await startServerProcess(workspace.dir);
    request = http(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
  });

  const stream = async (threadId: string, input: unknown) => {
    const response = await request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "hog", input, stream_mode: ["values"] });
    expect(response.status, response.text).toBe(200);
    return parseSse(response.text);
  };

  it("ends the run with an error naming the cap, gives the memory back, and leaves the thread resumable", async () => {
    const thread = (await request("POST", "/threads", {})).json as { thread_id: string };
    // Warm up: the engine and one sandbox worker are loaded before the baseline is taken.
    const warm = await stream(thread.thread_id, { mb: 1 });
    expect(warm.at(-1)).toMatchObject({ event: "values", data: { held: 1 } });
    const baseline = rssMb(server);

    const bombed = await stream(thread.thread_id, { mb: 1024 });
    expect(bombed.at(-1)).toMatchObject({
      event: "error",
      data: { error: "CodeMemoryError", message: `code node "hog" used more than its memory cap of ${CAP_MB} MB and was stopped; raise memoryMb if it really needs more` },
    });
    // Without the cap the node holds 1 GiB and returns; a warm worker that held the cap keeps it.
    expect(rssMb(server)).toBeLessThan(baseline + 100);
    const failed = (await request("GET", `/threads/${thread.thread_id}`)).json as { status: string };
    expect(failed.status).toBe("error");

    // Fix the state, then resume the same thread: the failed node runs again and finishes.
    expect((await request("POST", `/threads/${thread.thread_id}/state`, { values: { mb: 2 } })).status).toBe(200);
    const resumed = await stream(thread.thread_id, null);
    expect(resumed.at(-1)).toMatchObject({ event: "values", data: { mb: 2, held: 2 } });
    expect(((await request("GET", `/threads/${thread.thread_id}`)).json as { status: string }).status).toBe("idle");
  });
});
