import type { Problem } from "../../shared/problem";
import type { GraphDoc } from "../../shared/graph-doc";
import { requestJson } from "./request";

export type ProviderId = "openai" | "anthropic" | "ollama";
export type KeyedProviderId = "openai" | "anthropic";

/** Whether a provider can be called, and where its key comes from; never the key itself. */
export interface ProviderStatus {
  configured: boolean;
  source?: "env" | "settings";
  needsKey: boolean;
  envVar?: string;
  baseUrl?: string;
}

export interface SettingsView {
  path: string;
  providers: Record<ProviderId, ProviderStatus>;
}

/** A change to the per-user settings: a string sets, null or "" removes, absent keeps. */
export interface SettingsChange {
  keys?: Partial<Record<KeyedProviderId, string | null>>;
  baseUrls?: Partial<Record<ProviderId, string | null>>;
  /** Secrets tools name as {{secrets.NAME}}: a value sets, null removes. Never read back. */
  secrets?: Record<string, string | null>;
}

export interface PreflightAnswer {
  ok: boolean;
  problems: Problem[];
}

export const settingsApi = {
  read: () => requestJson<SettingsView>("GET", "/switchyard/settings"),
  save: (change: SettingsChange) => requestJson<SettingsView>("PUT", "/switchyard/settings", change),
  /** What would stop a run before it starts: missing keys, code that does not compile. */
  preflight: (target: { graph_id: string } | { doc: GraphDoc }) => requestJson<PreflightAnswer>("POST", "/switchyard/preflight", target),
};
