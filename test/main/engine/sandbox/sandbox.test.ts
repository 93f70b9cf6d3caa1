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
