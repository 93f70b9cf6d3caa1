import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../../main/api/server";
import { RENDERER_CSP } from "../../../main/api/routes/renderer";
import { tempWorkspace } from "../../helpers/seed";

// The built renderer as `switchyard serve` hands it to a browser: headers, caching, and what it refuses.
describe("renderer routes", () => {
  let server: RunningServer;
  let workspace: ReturnType<typeof tempWorkspace>;
  let rendererDir: string;

  beforeAll(async () => {
    workspace = tempWorkspace();
    rendererDir = mkdtempSync(join(tmpdir(), "switchyard-renderer-"));
    mkdirSync(join(rendererDir, "assets"));
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>Switchyard</title>");
    writeFileSync(join(rendererDir, "assets", "index-AbC123.js"), "console.log(1)");
    writeFileSync(join(workspace.dir, "secret.txt"), "not for the browser");
    server = await startServer({ workspaceDir: workspace.dir, port: 0, rendererDir });
  });
  afterAll(async () => {
    await server?.close();
    workspace?.cleanup();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it("serves index.html with the strict CSP, revalidated on every start", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(RENDERER_CSP);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toContain("<title>Switchyard</title>");
  });

  it("lets the browser keep content-hashed assets for good", async () => {
    const response = await fetch(`${server.url}/assets/index-AbC123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toBe("console.log(1)");
  });

  it("answers 404 for a missing asset and for paths that climb out of the renderer folder", async () => {
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    const climbing = await fetch(`${server.url}/assets/..%2F..%2F${encodeURIComponent(workspace.dir.split("/").pop()!)}%2Fsecret.txt`);
    expect(climbing.status).toBe(404);
    expect(await climbing.text()).not.toContain("not for the browser");
  });
});
