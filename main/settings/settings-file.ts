import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { userDataDir } from "../workspace/user-data";

/** Providers that need an API key, and the environment variable that holds each one. */
export const KEY_ENV_VARS = { openai: "OPENAI_API_KEY", anthropic: "ANTHROPIC_API_KEY" } as const;
export type KeyedProvider = keyof typeof KEY_ENV_VARS;
export const keyedProviders = Object.keys(KEY_ENV_VARS) as KeyedProvider[];

export const REMOTE_PROVIDERS = ["openai", "anthropic", "ollama"] as const;
export type RemoteProvider = (typeof REMOTE_PROVIDERS)[number];

const keySchema = z.string().min(1).max(1000).regex(/^\S+$/, "an API key has no spaces");
const baseUrlSchema = z.string().url().max(2000);
/** Secrets that HTTP tools and mcp.json name as `{{secrets.NAME}}`; an environment variable NAME wins. */
const secretNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, "a secret name is letters, digits and _");
const secretValueSchema = z.string().min(1).max(10_000);

export const userSettingsSchema = z
  .object({
    version: z.literal(1).default(1),
    keys: z.object({ openai: keySchema.optional(), anthropic: keySchema.optional() }).strict().default({}),
    baseUrls: z.object({ openai: baseUrlSchema.optional(), anthropic: baseUrlSchema.optional(), ollama: baseUrlSchema.optional() }).strict().default({}),
    secrets: z.record(secretNameSchema, secretValueSchema).optional(),
  })
  .strict();

export type UserSettings = z.infer<typeof userSettingsSchema>;

/** A change from the Settings panel: a string sets a value, null removes it, a missing entry keeps it. */
export interface SettingsChange {
  keys?: Partial<Record<KeyedProvider, string | null>>;
  baseUrls?: Partial<Record<RemoteProvider, string | null>>;
  secrets?: Record<string, string | null>;
}

export class SettingsFileError extends Error {
  override name = "SettingsFileError";
  constructor(readonly path: string, reason: string) {
    super(`the settings file ${path} cannot be used: ${reason}; fix or delete it and set your keys again in Settings`);
  }
}

export const emptySettings = (): UserSettings => ({ version: 1, keys: {}, baseUrls: {} });

/** Per-user settings live in the user data folder (never in a workspace, so never committed with graphs). */
export function settingsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHYARD_SETTINGS ?? join(userDataDir(env), "settings.json");
}

/** The settings on disk; a missing file is empty settings. Re-read only when the file changes. */
export function readSettings(path = settingsFilePath()): UserSettings {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return emptySettings();
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.settings;
  const settings = parseSettings(path, readFileSync(path, "utf8"));
  cache.set(path, { mtimeMs, settings });
  return settings;
}

const cache = new Map<string, { mtimeMs: number; settings: UserSettings }>();

function parseSettings(path: string, text: string): UserSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SettingsFileError(path, "it is not valid JSON");
  }
  const parsed = userSettingsSchema.safeParse(value);
  // The issue names the field only: a message must never carry a key's value.
  if (!parsed.success) throw new SettingsFileError(path, `${parsed.error.issues[0].path.join(".") || "its content"} is not valid`);
  return parsed.data;
}

/** Applies a change and writes the file atomically with mode 0600 (its folder 0700). */
export function updateSettings(change: SettingsChange, path = settingsFilePath()): UserSettings {
  const current = readSettings(path);
  const secrets = applyChange(current.secrets ?? {}, change.secrets);
  const next: UserSettings = {
    version: 1,
    keys: applyChange(current.keys, change.keys),
    baseUrls: applyChange(current.baseUrls, change.baseUrls),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
  const checked = userSettingsSchema.parse(next);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the mode option is masked by the umask; chmod is not
  renameSync(temporary, path);
  cache.delete(path);
  return checked;
}

function applyChange<T extends Record<string, string | undefined>>(current: T, change: Partial<Record<string, string | null>> | undefined): T {
  const next: Record<string, string | undefined> = { ...current };
  for (const [name, value] of Object.entries(change ?? {})) {
    if (value === null || value === "") delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return next as T;
}
