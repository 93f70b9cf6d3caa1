import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./fixtures";

const READY = /serving .* at (http:\/\/\S+)/;

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
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", dir, "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server not ready in 30 s:\n${output}`)), 30_000);
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}) before ready:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
