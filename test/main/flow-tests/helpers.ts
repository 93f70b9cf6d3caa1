import { join } from "node:path";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import type { RunnerEnv } from "../../../main/flow-tests/run-test";
import { emptySettings } from "../../../main/settings/settings-file";
import { ThreadStore } from "../../../main/workspace/thread-store";
import { Workspace } from "../../../main/workspace/workspace";
import { repoRoot, tempWorkspace } from "../../helpers/seed";

export const failingFixture = join(repoRoot, "test/fixtures/workspaces/failing-tests");

export interface OpenWorkspace {
  workspace: Workspace;
  runner: RunnerEnv & { saver: FileCheckpointSaver; threads: ThreadStore };
  close(): Promise<void>;
}

/** A throw-away copy of a workspace with its run data open, as the CLI and the server open it. */
export function openTempWorkspace(from?: string): OpenWorkspace {
  const temp = tempWorkspace(from);
  const workspace = new Workspace(temp.dir);
  const saver = new FileCheckpointSaver(workspace.dataDir);
  const threads = new ThreadStore(workspace.dataDir);
  return {
    workspace,
    runner: { saver, threads, env: {}, settings: emptySettings },
    close: async () => {
      threads.close();
      await saver.close();
      temp.cleanup();
    },
  };
}
