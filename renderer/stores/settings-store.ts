import { create } from "zustand";
import type { SettingsView } from "../client/settings-api";

/** The Settings dialog: whether it is open and the providers' status as the server last said it. */
export interface SettingsState {
  open: boolean;
  view: SettingsView | null;
  saving: boolean;
  error: string | null;
}

export const useSettingsStore = create<SettingsState>()(() => ({ open: false, view: null, saving: false, error: null }));
