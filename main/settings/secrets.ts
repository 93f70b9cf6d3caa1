import { SECRET_NAME } from "../../shared/secret-template";
import { readSettings, type UserSettings } from "./settings-file";
import { secretsOf } from "./provider-access";

/**
 * Where `{{secrets.NAME}}` is looked up when a tool runs: the environment variable NAME first,
 * then the Settings secrets. Only tools see the values; everything else sees names.
 */
export interface SecretSource {
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** Every secret value in force (tool secrets and provider keys), for redaction. */
  values(): string[];
}

export class UnknownSecretError extends Error {
  override name = "UnknownSecretError";
  constructor(readonly secretName: string) {
    super(`no secret "${secretName}": set the environment variable ${secretName} or add it under Settings > Secrets`);
  }
}

export function secretSource(settings: () => UserSettings = () => readSettings(), env: NodeJS.ProcessEnv = process.env): SecretSource {
  const stored = (): Record<string, string> => {
    try {
      return settings().secrets ?? {};
    } catch {
      return {};
    }
  };
  const get = (name: string): string | undefined => {
    if (!SECRET_NAME.test(name)) return undefined;
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
    return stored()[name];
  };
  return {
    get,
    has: (name) => get(name) !== undefined,
    values: () => {
      return [...Object.values(stored()), ...providerKeysOf(settings, env)];
    },
  };
}

function providerKeysOf(settings: () => UserSettings, env: NodeJS.ProcessEnv): string[] {
  try {
    return secretsOf(settings(), env);
  } catch {
    return [];
  }
}
