import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../../main/cli/index";
import { readLastResults } from "../../../main/flow-tests/last-results";
import { startFakeProviders } from "../../fixtures/fake-providers/server";
import { repoRoot, SEED_QUESTION, tempWorkspace } from "../../helpers/seed";
import { childrenNamed, expectJunitShape, parseXml } from "../flow-tests/junit-xml";

const failingFixture = join(repoRoot, "test/fixtures/workspaces/failing-tests");

/** `node bin/switchyard.js test ...` as CI runs it. */
function switchyardTest(args: string[], cwd = repoRoot, env = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return switchyard(["test", ...args], cwd, env);
}

/** Asynchronous, so a fake provider served by this process can answer the command. */
function switchyard(args: string[], cwd = repoRoot, env = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/switchyard.js"), ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("switchyard test", () => {
  const workspaces: Array<ReturnType<typeof tempWorkspace>> = [];
  const workspace = (from?: string) => {
    const made = tempWorkspace(from);
    workspaces.push(made);
    return made.dir;
  };
  afterAll(() => workspaces.forEach((made) => made.cleanup()));

  it("exits 0 when every test passes (the seed's tests, run from the workspace folder)", async () => {
    const dir = workspace();
    const result = await switchyardTest([], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ San Francisco: asks where you are, then reports the weather");
    expect(result.stdout).toContain("2 passed, 0 failed, 0 skipped");
  });

  it("exits 1 with JUnit XML naming the failing check and its actual value", async () => {
    const dir = workspace(failingFixture);
    const stdoutRun = await switchyardTest(["--workspace", dir, "--reporter", "junit"]);
    expect(stdoutRun.code).toBe(1);
    const root = parseXml(stdoutRun.stdout);
    expectJunitShape(root);
    expect(root.attributes).toMatchObject({ tests: "2", failures: "1", errors: "0" });
    const [passing, failing] = childrenNamed(childrenNamed(root, "testsuite")[0], "testcase");
    expect(childrenNamed(passing, "failure")).toEqual([]);
    const failure = childrenNamed(failing, "failure")[0];
    expect(failure.attributes.message).toMatch(/^the final message contains 'rainy': the final message is "Based on the search results: .*sunny/);
    expect(failure.text).toContain("at most 3 steps\n  actual: took 5 steps");
    expect(childrenNamed(failing, "system-out")[0].text).toMatch(/^thread \S+ checkpoint \S+$/);

  });

  it("writes the report to --output FILE instead of stdout", async () => {
    const dir = workspace(failingFixture);
    const output = join(dir, "report.xml");
    const log = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await main(["test", "--workspace", dir, "--graph", "agent", "--reporter", "junit", "--output", output])).toBe(1);
      expect(log).not.toHaveBeenCalled();
      expect(String(errors.mock.calls[0][0])).toContain("1 passed, 1 failed");
    } finally {
      log.mockRestore();
      errors.mockRestore();
    }
    expectJunitShape(parseXml(readFileSync(output, "utf8")));
    // The Tests panel shows these last results after a terminal run.
    const last = await readLastResults(join(dir, ".switchyard"), "agent");
    expect(Object.values(last).map((result) => result.status)).toEqual(["passed", "failed"]);
  });

  it("exits 2 for unusable input, naming the file and the path of the problem", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "agent.tests.json"), JSON.stringify({ version: 1, tests: [{ name: "t", input: "hi", checks: [{ type: "sometimes" }] }] }));
    const [missing, malformed] = await Promise.all([switchyardTest(["--workspace", join(dir, "nope")]), switchyardTest(["--workspace", dir])]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("workspace not found");
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(`${join(dir, "agent.tests.json")} is not a valid tests file`);
    expect(malformed.stderr).toContain("tests[0].checks[0].type");
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, ".switchyard"))).toBe(false);
  });

  it("exits 2 for an unknown graph, a workspace without tests and an unknown reporter", async () => {
    const dir = workspace();
    const empty = workspace(join(repoRoot, "test/fixtures/server"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await main(["test", "--workspace", dir, "--graph", "weather"])).toBe(2);
      expect(await main(["test", "--workspace", empty])).toBe(2);
      expect(await main(["test", "--workspace", dir, "--reporter", "tap"])).toBe(2);
      expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('no graph "weather"'),
        expect.stringContaining("no flow tests"),
        expect.stringContaining("--reporter must be pretty, json or junit"),
      ]);
    } finally {
      errors.mockRestore();
    }
  });

  it("runs a real-provider test whose base URL is a local server needing no key, as switchyard run runs its graph", async () => {
    const fake = await startFakeProviders();
    try {
      const dir = workspace();
      const graphFile = join(dir, "agent.graph.json");
      const doc = JSON.parse(readFileSync(graphFile, "utf8"));
      const agent = doc.nodes.find((node: { id: string }) => node.id === "agent");
      agent.config = { ...agent.config, replies: [], provider: "openai", model: "local-model", baseUrl: fake.openAiBaseUrl };
      writeFileSync(graphFile, JSON.stringify(doc, null, 2));
      const tests = JSON.parse(readFileSync(join(dir, "agent.tests.json"), "utf8"));
      writeFileSync(join(dir, "agent.tests.json"), JSON.stringify({ ...tests, tests: [{ ...tests.tests[0], provider: "real" }] }, null, 2));
      const env: NodeJS.ProcessEnv = { ...process.env, SWITCHYARD_SETTINGS: join(dir, "no-settings.json") };
      delete env.OPENAI_API_KEY;

      const tested = await switchyardTest(["--workspace", dir], dir, env);
      expect(tested.stdout).toContain("1 passed, 0 failed, 0 skipped");
      expect(tested.code).toBe(0);
      const testRequests = fake.requests.length;
      expect(testRequests).toBeGreaterThanOrEqual(3);

      const ran = await switchyard(["run", graphFile, "--input", SEED_QUESTION, "--interrupt-before", "ask_human"], dir, env);
      expect(ran.code).toBe(0);
      expect(ran.stderr).toContain("paused before ask_human");
      expect(fake.requests.length).toBe(testRequests + 1);
      // No key was sent: the stand-in for "none needed" (main/engine/providers/openai.ts).
      expect(new Set(fake.requests.map((request) => request.headers.authorization))).toEqual(new Set(["Bearer no-key-needed"]));
    } finally {
      await fake.close();
    }
  });
});
