import type { FlowTest } from "../../shared/flow-test";
import type { GraphDoc } from "../../shared/graph-doc";
import { CallTape } from "../engine/recording/call-tape";
import type { CallScope } from "../engine/recording/call-scope";
import { ToolTape } from "../engine/recording/tool-tape";
import { secretsOf } from "../settings/provider-access";
import { emptySettings, readSettings, type UserSettings } from "../settings/settings-file";
import { cassettePath, readCassette, recordedForOf, writeCassette, type CassetteMode } from "./cassette";

export interface CassetteOptions {
  workspaceDir: string;
  mode: CassetteMode;
}

/** One test's run with its cassette: the calls scope to run it in, and what to write afterwards. */
export interface CassetteRun {
  scope: CallScope;
  /** Replaying a cassette needs no provider, so no key. */
  offline: boolean;
  save(): void;
}

/**
 * A real-provider test with cassettes: replayed when its cassette exists, recorded when asked;
 * undefined means run live. Model calls and external tool calls (http, mcp) go on the cassette.
 */
export function cassetteRunOf(options: CassetteOptions | undefined, graph: { name: string; doc?: GraphDoc }, test: FlowTest, keys: { env?: NodeJS.ProcessEnv; settings?: () => UserSettings }): CassetteRun | undefined {
  if (!options || test.provider !== "real") return undefined;
  const path = cassettePath(options.workspaceDir, graph.name, test.name);
  const secrets = secretsOf(safeSettings(keys.settings), keys.env ?? process.env);
  const recorded = readCassette(path);
  if (options.mode === "replay") {
    if (!recorded) return undefined;
    return { scope: { mode: "cassette", tape: recorded.calls, toolTape: recorded.tools, secrets }, offline: true, save: () => undefined };
  }
  const fresh = options.mode === "record" || !recorded;
  const tape = fresh ? new CallTape([]) : recorded.calls;
  const toolTape = fresh ? new ToolTape([]) : recorded.tools;
  const scope: CallScope = { mode: options.mode, tape, toolTape, secrets };
  const save = () => {
    const header = { graph: graph.name, test: test.name, recordedFor: graph.doc ? recordedForOf(graph.doc, test) : { graph: "", test: "" } };
    writeCassette(path, header, [...(fresh ? [] : tape.entries), ...tape.added], [...(fresh ? [] : toolTape.entries), ...toolTape.added]);
  };
  return { scope, offline: false, save };
}

function safeSettings(settings: (() => UserSettings) | undefined): UserSettings {
  try {
    return (settings ?? readSettings)();
  } catch {
    return emptySettings();
  }
}
