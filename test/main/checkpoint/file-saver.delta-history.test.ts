import { deltaChannelHistoryTests } from "@langchain/langgraph-checkpoint-validation";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { makeTempDir, removeDir } from "./temp-dir";

// The conformance suite's opt-in part for DeltaChannel history (not in validate()'s 718).
deltaChannelHistoryTests({
  checkpointerName: "FileCheckpointSaver",
  createCheckpointer: async () => new FileCheckpointSaver(makeTempDir()),
  destroyCheckpointer: async (saver) => {
    const fileSaver = saver as FileCheckpointSaver;
    await fileSaver.close();
    removeDir(fileSaver.dir);
  },
});
