import { validate } from "@langchain/langgraph-checkpoint-validation";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { makeTempDir, removeDir } from "./temp-dir";

validate({
  checkpointerName: "FileCheckpointSaver",
  createCheckpointer: async () => new FileCheckpointSaver(makeTempDir()),
  destroyCheckpointer: async (saver) => {
    const fileSaver = saver as FileCheckpointSaver;
    await fileSaver.close();
    removeDir(fileSaver.dir);
  },
});
