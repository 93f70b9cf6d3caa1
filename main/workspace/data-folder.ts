/** The folder of a workspace that holds its run data: checkpoints, thread metadata, run log, locks. */
export const DATA_FOLDER = ".switchyard";
