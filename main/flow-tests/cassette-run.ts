import type { FlowTest } from "../../shared/flow-test";
import { CallTape } from "../engine/recording/call-tape";
import type { CallScope } from "../engine/recording/call-scope";
import { secretsOf } from "../settings/provider-access";
import { emptySettings, readSettings, type UserSettings } from "../settings/settings-file";
import { cassettePath, readCassette, writeCassette, type CassetteMode } from "./cassette";

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

/** A real-provider test with cassettes: replayed when its cassette exists, recorded when asked; undefined means run live. */
export function cassetteRunOf(options: CassetteOptions | undefined, graph: string, test: FlowTest, keys: { env?: NodeJS.ProcessEnv; settings?: () => UserSettings }): CassetteRun | undefined {
  if (!options || test.provider !== "real") return undefined;
  const path = cassettePath(options.workspaceDir, graph, test.name);
  const secrets = secretsOf(safeSettings(keys.settings), keys.env ?? process.env);
  const recorded = readCassette(path);
  if (options.mode === "replay") {
    if (!recorded) return undefined;
    return { scope: { mode: "cassette", tape: recorded, secrets }, offline: true, save: () => undefined };
  }
  const tape = options.mode === "record" ? new CallTape([]) : (recorded ?? new CallTape([]));
  const scope: CallScope = { mode: options.mode, tape, secrets };
  return { scope, offline: false, save: () => writeCassette(path, graph, test.name, [...(options.mode === "record" ? [] : tape.entries), ...tape.added]) };
}

function safeSettings(settings: (() => UserSettings) | undefined): UserSettings {
  try {
    return (settings ?? readSettings)();
  } catch {
    return emptySettings();
  }
}
