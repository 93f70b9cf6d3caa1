import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FlowTest } from "../../shared/flow-test";
import type { GraphDoc } from "../../shared/graph-doc";
import { CallTape, type TapeEntry } from "../engine/recording/call-tape";
import { requestKeyOf, stableJson } from "../engine/recording/model-request";
import { ToolTape, type ToolTapeEntry } from "../engine/recording/tool-tape";

/** How `switchyard test` treats cassettes: replay them (default), record every call again, or record only what is missing. */
export type CassetteMode = "replay" | "record" | "record-missing";

export class CassetteFileError extends Error {
  override name = "CassetteFileError";
  constructor(readonly path: string, reason: string) {
    super(`the cassette ${path} cannot be used: ${reason}; re-record it with "switchyard test --record"`);
  }
}

/** What a cassette was recorded against: a changed graph or test makes it stale (it may no longer match). */
export interface RecordedFor {
  graph: string;
  test: string;
}

interface CassetteFile {
  version: 1;
  graph: string;
  test: string;
  recordedFor?: RecordedFor;
  calls: Array<Omit<TapeEntry, "key">>;
  /** External tool calls (http, mcp); mock and code tools run again, they need no network. */
  toolCalls?: ToolTapeEntry[];
}

/** A cassette as a run uses it: its model calls, its tool calls and what it was recorded for. */
export interface Cassette {
  calls: CallTape;
  tools: ToolTape;
  recordedFor?: RecordedFor;
}

/** `W/NAME.cassettes/<test>.json`: the test's name made safe for a file name. */
export function cassettePath(workspaceDir: string, graph: string, test: string): string {
  const file = test.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "test";
  return join(workspaceDir, `${graph}.cassettes`, `${file}.json`);
}

/** The cassette, or undefined when there is none yet. */
export function readCassette(path: string): Cassette | undefined {
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
  if (parsed.toolCalls !== undefined && !Array.isArray(parsed.toolCalls)) throw new CassetteFileError(path, "its toolCalls is not a list");
  return {
    calls: new CallTape(parsed.calls.map((call) => ({ ...call, key: requestKeyOf(call.request) }))),
    tools: new ToolTape(parsed.toolCalls ?? []),
    ...(parsed.recordedFor ? { recordedFor: parsed.recordedFor } : {}),
  };
}

/** Stable, reviewable JSON (keys sorted, 2-space indent); the request keys are left out, they follow from the requests. */
export function writeCassette(path: string, header: { graph: string; test: string; recordedFor: RecordedFor }, entries: TapeEntry[], toolCalls: ToolTapeEntry[]): void {
  const file: CassetteFile = { version: 1, ...header, calls: entries.map(({ node, request, response }) => ({ node, request, response })), toolCalls };
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${stableJson(file, 2)}\n`, "utf8");
}

/**
 * Fingerprints of what the cassette is recorded against: the graph without its canvas positions
 * (moving a node changes no call) and the test as written.
 */
export function recordedForOf(doc: GraphDoc, test: FlowTest): RecordedFor {
  const graph = { ...doc, nodes: doc.nodes.map(({ position: _position, ...node }) => node) };
  return { graph: shortHash(graph), test: shortHash(test) };
}

function shortHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex").slice(0, 16);
}
