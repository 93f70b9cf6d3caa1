import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkspaceEvent } from "../../../shared/api";
import { hashText, Workspace } from "../../../main/workspace/workspace";
import { WorkspaceWatcher } from "../../../main/workspace/workspace-watch";

/** The watcher on a real folder: an edit of mcp.json by another program is told once, with the file's hash. */
describe("the workspace watcher and mcp.json", () => {
  let dir: string;
  let watcher: WorkspaceWatcher;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-watch-"));
    watcher = new WorkspaceWatcher(new Workspace(dir));
    await watcher.start();
  });
  afterEach(() => {
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const next = () => new Promise<WorkspaceEvent>((resolve) => {
    const stop = watcher.subscribe((event) => {
      stop();
      resolve(event);
    });
  });

  it("tells mcp-changed when mcp.json is created, changed and deleted", async () => {
    const first = '{"mcpServers": {}}';
    let event = next();
    writeFileSync(join(dir, "mcp.json"), first);
    expect(await event).toEqual({ event: "mcp-changed", data: { hash: hashText(first) } });

    const second = '{"mcpServers": {"files": {"command": "node"}}}';
    event = next();
    writeFileSync(join(dir, "mcp.json"), second);
    expect(await event).toEqual({ event: "mcp-changed", data: { hash: hashText(second) } });

    event = next();
    unlinkSync(join(dir, "mcp.json"));
    expect(await event).toEqual({ event: "mcp-changed", data: { hash: null } });
  });
});
