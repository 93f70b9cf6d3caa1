import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./fixtures";
import { spawnServe } from "./serve-process";


/** A `switchyard serve` the test stops and starts itself (the shared fixture's server lives for the whole test). */
export interface OwnServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-restart-"));
  cpSync(join(ROOT, "examples", name), dir, { recursive: true, filter: (path) => !path.includes(".switchyard") });
  return dir;
}

export async function startOwnServer(dir: string, port = 0): Promise<OwnServer> {
  const server = await spawnServe(["--workspace", dir, "--port", String(port)]);
  return { url: server.url, port: Number(new URL(server.url).port), stop: server.stop };
}
