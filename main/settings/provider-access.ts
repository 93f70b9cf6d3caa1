import { KEY_ENV_VARS, keyedProviders, REMOTE_PROVIDERS, type KeyedProvider, type RemoteProvider, type UserSettings } from "./settings-file";

export type KeySource = "env" | "settings";

export interface ProviderAccess {
  apiKey?: string;
  keySource?: KeySource;
  baseUrl?: string;
}

/** The key and base URL a provider is called with: an environment variable wins over the settings file. */
export function providerAccess(provider: RemoteProvider, settings: UserSettings, env: NodeJS.ProcessEnv = process.env): ProviderAccess {
  const baseUrl = settings.baseUrls[provider];
  if (!isKeyed(provider)) return { baseUrl };
  const fromEnv = env[KEY_ENV_VARS[provider]]?.trim();
  if (fromEnv) return { apiKey: fromEnv, keySource: "env", baseUrl };
  const fromSettings = settings.keys[provider];
  if (fromSettings) return { apiKey: fromSettings, keySource: "settings", baseUrl };
  return { baseUrl };
}

export function isKeyed(provider: string): provider is KeyedProvider {
  return provider in KEY_ENV_VARS;
}

export interface ProviderStatus {
  /** Whether the provider can be called: a key is set, or it needs none (ollama). */
  configured: boolean;
  source?: KeySource;
  needsKey: boolean;
  envVar?: string;
  baseUrl?: string;
}

/** What the Settings panel shows: which providers are ready, and from where; never the keys. */
export function providerStatuses(settings: UserSettings, env: NodeJS.ProcessEnv = process.env): Record<RemoteProvider, ProviderStatus> {
  const statuses = {} as Record<RemoteProvider, ProviderStatus>;
  for (const provider of REMOTE_PROVIDERS) {
    const access = providerAccess(provider, settings, env);
    const needsKey = isKeyed(provider);
    statuses[provider] = {
      configured: needsKey ? access.apiKey !== undefined : true,
      needsKey,
      ...(access.keySource ? { source: access.keySource } : {}),
      ...(needsKey ? { envVar: KEY_ENV_VARS[provider as KeyedProvider] } : {}),
      ...(access.baseUrl ? { baseUrl: access.baseUrl } : {}),
    };
  }
  return statuses;
}

/** Every key in force, for redaction. */
export function secretsOf(settings: UserSettings, env: NodeJS.ProcessEnv = process.env): string[] {
  const secrets = new Set<string>();
  for (const provider of keyedProviders) {
    const fromEnv = env[KEY_ENV_VARS[provider]]?.trim();
    if (fromEnv) secrets.add(fromEnv);
    const fromSettings = settings.keys[provider];
    if (fromSettings) secrets.add(fromSettings);
  }
  return [...secrets];
}
