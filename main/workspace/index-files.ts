import { join } from "node:path";
import { isAssistantRecord } from "./assistant-store";
import { isStoreRecord } from "./item-store";
import { isRunRecord } from "./run-log";
import { isThreadRecord } from "./thread-store";

/** The JSON-lines indexes of a workspace's run data folder, each with the test its lines must pass. */
export function indexFiles(dataDir: string): Array<{ file: string; isRecord: (value: unknown) => value is unknown }> {
  return [
    { file: join(dataDir, "threads.jsonl"), isRecord: isThreadRecord },
    { file: join(dataDir, "runs.jsonl"), isRecord: isRunRecord },
    { file: join(dataDir, "assistants.jsonl"), isRecord: isAssistantRecord },
    { file: join(dataDir, "store.jsonl"), isRecord: isStoreRecord },
  ];
}
