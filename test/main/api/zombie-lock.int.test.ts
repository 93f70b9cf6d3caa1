import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { http, makeWorkspace, startServerProcess } from "./server-process";

const ROOT = resolve(import.meta.dirname, "../../..");

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  } catch {
    return undefined;
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 20));
}

// Issue 15, item 7: a SIGKILLed server that its parent has not reaped yet (a zombie) does not hold the workspace.
describe.runIf(process.platform === "linux")("a zombie server", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  beforeAll(() => (workspace = makeWorkspace()));
  afterAll(() => workspace?.remove());

  it("does not block the restart: its lock is taken over and its threads are served", async () => {
    // The shell starts the server, then becomes `sleep`, which never reaps its child: killed, the server stays a zombie.
    const parent = spawn("sh", ["-c", `"${process.execPath}" "${join(ROOT, "bin/switchyard.js")}" serve --workspace "${workspace.dir}" --port 0 & exec sleep 600`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let output = "";
      parent.stdout!.on("data", (data: Buffer) => (output += data.toString()));
      await until(() => /serving .* at http:\/\/\S+\n/.test(output));
      const url = /at (http:\/\/\S+)/.exec(output)![1];
      const threadId = (await http(url)("POST", "/threads", { metadata: { owner: "zombie" } })).json.thread_id;
      const { pid } = JSON.parse(readFileSync(join(workspace.dir, ".switchyard", "server.lock"), "utf8")) as { pid: number };
      process.kill(pid, "SIGKILL");
      await until(() => processState(pid) === "Z");

      const second = await startServerProcess(workspace.dir);
      try {
        const thread = await http(second.url)("GET", `/threads/${threadId}`);
        expect(thread.status).toBe(200);
        expect(thread.json.metadata).toEqual({ owner: "zombie" });
      } finally {
        await second.stop();
      }
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
