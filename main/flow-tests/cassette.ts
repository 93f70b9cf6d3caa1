import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CallTape, type TapeEntry } from "../engine/recording/call-tape";
import { requestKeyOf, stableJson } from "../engine/recording/model-request";

/** How `switchyard test` treats cassettes: replay them (default), record every call again, or record only what is missing. */
export type CassetteMode = "replay" | "record" | "record-missing";

export class CassetteFileError extends Error {
  override name = "CassetteFileError";
  constructor(readonly path: string, reason: string) {
    super(`the cassette ${path} cannot be used: ${reason}; re-record it with "switchyard test --record"`);
  }
}

interface CassetteFile {
  version: 1;
  graph: string;
  test: string;
  calls: Array<Omit<TapeEntry, "key">>;
}

/** `W/NAME.cassettes/<test>.json`: the test's name made safe for a file name. */
export function cassettePath(workspaceDir: string, graph: string, test: string): string {
  const file = test.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "test";
  return join(workspaceDir, `${graph}.cassettes`, `${file}.json`);
}

/** The cassette's calls as a tape, or undefined when there is none yet. */
export function readCassette(path: string): CallTape | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  let parsed: CassetteFile;
  try {
    parsed = JSON.parse(text) as CassetteFile;
  } catch (error) {
    throw new CassetteFileError(path, (error as Error).message);
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed.calls)) throw new CassetteFileError(path, "it is not a version 1 cassette with a calls list");
  return new CallTape(parsed.calls.map((call) => ({ ...call, key: requestKeyOf(call.request) })));
}

/** Stable, reviewable JSON (keys sorted, 2-space indent); the request keys are left out, they follow from the requests. */
export function writeCassette(path: string, graph: string, test: string, entries: TapeEntry[]): void {
  const file: CassetteFile = { version: 1, graph, test, calls: entries.map(({ node, request, response }) => ({ node, request, response })) };
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${stableJson(file, 2)}\n`, "utf8");
}
