import type { GraphDoc } from "../../shared/graph-doc";
import { accessProblem } from "../engine/providers";
import { baseUrlOf } from "../engine/providers/provider-urls";
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
 * Why a real-provider test cannot run here (a key its provider needs that is configured neither in
 * the environment nor in the user's settings), or undefined when it can. The rule is the engine's
 * own (`accessProblem`, as for `switchyard run` and the server): Ollama needs no key, nor does an
 * llm node whose base URL is some other OpenAI- or Anthropic-compatible server.
 */
export function missingProviderKey(doc: GraphDoc, env: NodeJS.ProcessEnv, settings: () => UserSettings = safeSettings): string | undefined {
  for (const node of doc.nodes) {
    if (node.kind !== "llm" || node.config.provider === "scripted") continue;
    const provider = node.config.provider;
    const access = providerAccess(provider, settings(), env);
    if (!isKeyed(provider) || accessProblem(node.config, access.apiKey !== undefined, baseUrlOf(node.config, access)) !== "key") continue;
    return `no ${provider} key configured (node ${node.id} uses ${provider}: set ${KEY_ENV_VARS[provider]} or add the key in Settings)`;
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
