import type { GraphDoc } from "../../shared/graph-doc";
import { isKeyed, providerAccess } from "../settings/provider-access";
import { emptySettings, KEY_ENV_VARS, readSettings, type RemoteProvider, type UserSettings } from "../settings/settings-file";

export interface RealModelNode {
  node: string;
  provider: RemoteProvider;
}

export function realModelNodes(doc: GraphDoc): RealModelNode[] {
  return doc.nodes.flatMap((node) => (node.kind === "llm" && node.config.provider !== "scripted" ? [{ node: node.id, provider: node.config.provider }] : []));
}

/**
 * Why a real-provider test cannot run here (a key that is configured neither in the environment
 * nor in the user's settings), or undefined when it can. Ollama runs locally and needs no key.
 */
export function missingProviderKey(doc: GraphDoc, env: NodeJS.ProcessEnv, settings: () => UserSettings = safeSettings): string | undefined {
  for (const { node, provider } of realModelNodes(doc)) {
    if (!isKeyed(provider)) continue;
    if (providerAccess(provider, settings(), env).apiKey === undefined) {
      return `no ${provider} key configured (node ${node} uses ${provider}: set ${KEY_ENV_VARS[provider]} or add the key in Settings)`;
    }
  }
  return undefined;
}

function safeSettings(): UserSettings {
  try {
    return readSettings();
  } catch {
    return emptySettings();
  }
}
