import { SECRET_NAME } from "../../shared/secret-template";
import type { UserSettings } from "./settings-file";

/** Where a secret name is set: the Settings secrets, or the server's environment. */
export interface SecretName {
  name: string;
  source: "settings" | "env";
}

/**
 * Environment variables that look like credentials. The server's environment holds much else
 * (PATH, HOME); only these are offered as secrets. Any other variable still works when named.
 */
const SECRET_LIKE = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|AUTH|CREDENTIAL)/i;

/** The secret names a tool may use as {{secrets.NAME}}, sorted; an environment name wins over the same Settings name (it is looked up first). */
export function secretNames(settings: UserSettings, env: NodeJS.ProcessEnv): SecretName[] {
  const names = new Map<string, SecretName["source"]>();
  for (const name of Object.keys(settings.secrets ?? {})) names.set(name, "settings");
  for (const [name, value] of Object.entries(env)) {
    if (value && SECRET_NAME.test(name) && SECRET_LIKE.test(name)) names.set(name, "env");
  }
  return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([name, source]) => ({ name, source }));
}
