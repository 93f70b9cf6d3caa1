import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const READY = /serving .* at (http:\/\/\S+)/;

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Spawns `switchyard serve ARGS` and resolves with its URL once the ready line is printed. */
export async function spawnServe(args: string[], readyTimeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server not ready in ${readyTimeoutMs / 1000} s:\n${output}`)), readyTimeoutMs);
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
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return { url, child, stop };
}
