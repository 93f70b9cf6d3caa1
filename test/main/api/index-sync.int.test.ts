import fs from "node:fs";
import { startServer, type RunningServer } from "../../../main/api/server";
import { tempWorkspace } from "../../helpers/seed";

type Callback = (error: NodeJS.ErrnoException | null) => void;

// The indexes (threads.jsonl, runs.jsonl, ...) write at once and fdatasync as a group off the
// event loop: a write request is answered only after the fdatasync that covers what it wrote.
// A real server in this process; fdatasync of threads.jsonl is held until the test lets it go.
describe.runIf(process.platform === "linux")("write requests wait for the index fdatasync", () => {
  let server: RunningServer;
  let workspace: ReturnType<typeof tempWorkspace>;
  const held: Callback[] = [];
  let holding = false;

  beforeAll(async () => {
    workspace = tempWorkspace();
    server = await startServer({ workspaceDir: workspace.dir, port: 0 });
    await server.loaded;
    const original = fs.fdatasync;
    vi.spyOn(fs, "fdatasync").mockImplementation(((fd: number, callback: Callback) => {
      const file = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (holding && file.endsWith("threads.jsonl")) held.push(callback);
      else original(fd, callback);
    }) as never);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    workspace?.cleanup();
  });

  const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("POST /threads answers only once threads.jsonl is fdatasynced, and reads meanwhile are not held", async () => {
    const first = await post("/threads", {}); // warm: the routes and indexes are loaded
    expect(first.status).toBe(200);
    const { thread_id: firstId } = (await first.json()) as { thread_id: string };
    holding = true;
    let answered = false;
    const creating = post("/threads", { metadata: { note: "held" } }).then(async (response) => ((answered = true), { status: response.status, json: (await response.json()) as { metadata: unknown } }));
    await vi.waitFor(() => expect(held.length).toBe(1));
    const file = fs.readFileSync(`${workspace.dir}/.switchyard/threads.jsonl`, "utf8");
    expect(file).toContain('"note":"held"'); // written (it survives SIGKILL) ...
    const read = await fetch(`${server.url}/threads/${firstId}`);
    expect(read.status).toBe(200); // a read goes through while the fdatasync is held ...
    expect(answered).toBe(false); // ... but the write is not acknowledged before it is on disk
    holding = false;
    held.shift()!(null);
    const created = await creating;
    expect(created.status).toBe(200);
    expect(created.json.metadata).toEqual({ note: "held" });
  });
});
