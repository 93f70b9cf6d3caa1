import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../helpers/seed";

function switchyard(args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin/switchyard.js"), ...args], { cwd: repoRoot, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_FRAME = /^\s+at .+[(:]/m;
const seedGraph = join(repoRoot, "examples/weather-agent/agent.graph.json");

/** Every command's command line goes through one parser: bad input is exit 2, one line naming it, then the usage. */
describe("the CLI's own bad input", () => {
  it.each(["serve", "run", "state", "update", "export", "test", "doctor"])("%s --bogus: exit 2, names the option, prints the usage, no stack trace", (command) => {
    const result = switchyard([command, "--bogus"]);
    expect(result.code).toBe(2);
    const [first, blank, usage] = result.stderr.split("\n");
    expect(first).toBe(`switchyard ${command}: unknown option --bogus`);
    expect(blank).toBe("");
    expect(usage).toMatch(new RegExp(`^usage: switchyard ${command}( |$)`));
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe("");
  });

  it.each([
    [["run", seedGraph, "--input"], "switchyard run: --input needs a value"],
    [["run", seedGraph, "--input", "--thread", "t-1"], "switchyard run: --input needs a value"],
    [["serve", "-p"], "switchyard serve: --port needs a value"],
    [["test", "--workspace"], "switchyard test: --workspace needs a value"],
    [["update", "t-1", "--values"], "switchyard update: --values needs a value"],
    [["export", seedGraph, "-x"], "switchyard export: unknown option -x"],
    [["test", "--help=yes"], "switchyard test: --help takes no value"],
    [["run"], "switchyard run: missing <graph-file>"],
    [["state", "t-1", "t-2"], 'switchyard state: unexpected argument "t-2"'],
    [["export", seedGraph], "switchyard export: --lang: choose one of ts, python"],
  ])("%j: exit 2 with %j and the usage", (args, message) => {
    const result = switchyard(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(message);
    expect(result.stderr).toContain(`\n\nusage: switchyard ${args[0]} `);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("prints a command's usage for --help and -h, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const result = switchyard(["state", flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage: switchyard state <thread-id>/);
    }
  });

  it("answers an unknown command or a leading option with the list of commands", () => {
    const unknown = switchyard(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^switchyard: unknown command "frobnicate"\n\nusage: switchyard <command>/);
    const option = switchyard(["--bogus"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^switchyard: unknown option --bogus\n\nusage: switchyard <command>/);
  });
});
