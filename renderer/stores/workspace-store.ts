import { create } from "zustand";
import type { GraphSummary } from "../client/switchyard-api";

export type SaveStatus = "idle" | "saving" | "error";

export interface ConflictState {
  graphName: string;
  /** Why: the file changed on disk while there were unsaved edits, or a save was refused (409). */
  reason: "changed-on-disk" | "save-refused";
  diskHash?: string;
}

export interface WorkspaceState {
  name: string;
  path: string;
  graphs: GraphSummary[];
  loaded: boolean;
  error: string | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  conflict: ConflictState | null;
  connected: boolean;
}

export const useWorkspaceStore = create<WorkspaceState>()(() => ({
  name: "",
  path: "",
  graphs: [],
  loaded: false,
  error: null,
  saveStatus: "idle",
  saveError: null,
  conflict: null,
  connected: false,
}));
