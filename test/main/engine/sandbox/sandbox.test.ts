import { closeSandboxes, codeSyntaxProblem, runSandboxed } from "../../../../main/engine/sandbox/sandbox";
import { CodeMemoryError, CodeSyntaxError, CodeThrewError, CodeTimeoutError } from "../../../../main/engine/sandbox/errors";

const subject = 'code node "calc"';
const run = (source: string, input: unknown = {}, limits: { timeoutMs?: number; memoryMb?: number } = {}) => runSandboxed({ subject, source, input, ...limits });

describe("the QuickJS sandbox", () => {
  afterAll(() => closeSandboxes());

  it("runs a function of JSON input and returns its JSON result", async () => {
    await expect(run("(state) => ({ count: state.count + 1, seen: [...state.seen, 'x'] })", { count: 1, seen: [] })).resolves.toEqual({ count: 2, seen: ["x"] });
    await expect(run("function (args) { return args.a * args.b; }", { a: 6, b: 7 })).resolves.toBe(42);
    await expect(run("async (s) => { await null; return { ok: true } } // trailing comment", {})).resolves.toEqual({ ok: true });
    await expect(run("() => undefined")).resolves.toBeUndefined();
  });

  it("reports syntax errors, non-functions and thrown errors by name", async () => {
    await expect(run("(state) => {")).rejects.toBeInstanceOf(CodeSyntaxError);
    await expect(run("42")).rejects.toThrow(/must be one function/);
    const thrown: Error = await run("(state) => {\n  return state.missing.deep;\n}").then(() => new Error("did not throw"), (error: Error) => error);
    expect(thrown).toBeInstanceOf(CodeThrewError);
    expect(thrown.message).toMatch(/^code node "calc" threw TypeError: .*\(line 2\)/);
    expect(await codeSyntaxProblem("(s) => s +")).toMatch(/SyntaxError/);
    expect(await codeSyntaxProblem("(s) => s")).toBeUndefined();
  });

  it("stops an endless loop at the time limit", async () => {
    const error: Error = await run("() => { while (true) {} }", {}, { timeoutMs: 300 }).then(() => new Error("did not throw"), (caught: Error) => caught);
    expect(error).toBeInstanceOf(CodeTimeoutError);
    expect(error.message).toBe('code node "calc" ran longer than its time limit of 300 ms and was stopped; look for an endless loop, or raise timeoutMs');
    await expect(run("(s) => s.n * 2", { n: 21 })).resolves.toBe(42);
  });

  it("stops at once when the run is cancelled", async () => {
    const run = new AbortController();
    const pending = runSandboxed({ subject, source: "() => { while (true) {} }", input: {}, timeoutMs: 30_000 }, run.signal);
    setTimeout(() => run.abort(new Error("cancelled by the user")), 200);
    await expect(pending).rejects.toThrow("cancelled by the user");
    await expect(runSandboxed({ subject, source: "(s) => s.n", input: { n: 7 } })).resolves.toBe(7);
  });

  it("stops a memory bomb at the memory cap", async () => {
    const bomb = "() => { const keep = []; while (true) keep.push(keep.length); }";
    const error: Error = await run(bomb, {}, { memoryMb: 16, timeoutMs: 10_000 }).then(() => new Error("did not throw"), (caught: Error) => caught);
    expect(error).toBeInstanceOf(CodeMemoryError);
    expect(error.message).toContain("memory cap of 16 MB");
    const strings: Error = await run("() => { const o = {}; for (let i = 0; ; i++) o['key' + i] = { i }; }", {}, { memoryMb: 16, timeoutMs: 10_000 }).then(() => new Error("did not throw"), (caught: Error) => caught);
    expect(strings).toBeInstanceOf(CodeMemoryError);
    await expect(run("(s) => s.n + 1", { n: 1 }, { memoryMb: 16 })).resolves.toBe(2);
  });

  describe("memory cap", () => {
    const MB = 1024 * 1024;
    // Distinct 1 MiB strings (padEnd builds each one flat; "+" would make a rope sharing one block):
    // each one alone is far below the cap, so only counting them all stops the code before 1 GiB.
    const holdStrings = (catchIt: boolean) => `() => {
      let keep = [];
      ${catchIt ? "try {" : ""}
        for (let i = 0; i < 1024; i++) keep.push(String(i).padEnd(1024 * 1024, "x"));
      ${catchIt ? "} catch (error) { const held = keep.length; keep = null; return { held, error: String(error) }; }" : ""}
      return { held: keep.length };
    }`;
    const rssMb = () => process.memoryUsage().rss / MB;

    it("stops code that holds more than the cap in many small strings, under a long time limit", async () => {
      const error: Error = await run(holdStrings(false), {}, { memoryMb: 64, timeoutMs: 60_000 }).then(() => new Error("did not throw"), (caught: Error) => caught);
      expect(error).toBeInstanceOf(CodeMemoryError);
      expect(error.message).toBe('code node "calc" used more than its memory cap of 64 MB and was stopped; raise memoryMb if it really needs more');
    });

    it("lets code hold nearly its cap and no more", async () => {
      const outcome = (await run(holdStrings(true), {}, { memoryMb: 64, timeoutMs: 60_000 })) as { held: number; error: string };
      expect(outcome.error).toBe("InternalError: out of memory");
      expect(outcome.held).toBeGreaterThanOrEqual(48);
      expect(outcome.held).toBeLessThanOrEqual(64);
    });

    it("gives the memory back to the process after the run", async () => {
      await expect(run("(s) => s.n", { n: 1 }, { memoryMb: 256 })).resolves.toBe(1);
      const baseline = rssMb();
      const outcome = (await run(holdStrings(true), {}, { memoryMb: 256, timeoutMs: 60_000 })) as { held: number };
      expect(outcome.held).toBeGreaterThanOrEqual(200);
      expect(outcome.held).toBeLessThanOrEqual(256);
      // The worker that held ~256 MB is gone; a warm one would keep all of it.
      expect(rssMb()).toBeLessThan(baseline + 100);
      await expect(run("(s) => s.n + 1", { n: 1 }, { memoryMb: 256 })).resolves.toBe(2);
    });
  });

  it.each([
    ["process", "() => process.env"],
    ["require", "() => require('fs').readFileSync('/etc/passwd', 'utf8')"],
    ["the Function constructor", "() => globalThis.constructor.constructor('return process')().env"],
    ["dynamic import", "async () => (await import('fs')).readFileSync('/etc/passwd', 'utf8')"],
    ["dynamic import of node:", "async () => (await import('node:child_process')).execSync('id')"],
    ["timers", "() => new Promise((resolve) => setTimeout(resolve, 10))"],
    ["fetch", "async () => (await fetch('http://127.0.0.1:1/')).status"],
  ])("has no %s", async (_what, source) => {
    await expect(run(source)).rejects.toBeInstanceOf(CodeThrewError);
  });

  it("sees none of the host through the global object", async () => {
    const names = (await run("() => Object.getOwnPropertyNames(globalThis)")) as string[];
    for (const host of ["process", "require", "module", "Buffer", "setTimeout", "setInterval", "fetch", "XMLHttpRequest", "WebSocket", "std", "os"]) expect(names).not.toContain(host);
  });
});
