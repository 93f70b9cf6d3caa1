import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";
import { accessProblem } from "../engine/providers";
import { baseUrlOf } from "../engine/providers/provider-urls";
import { isKeyed, providerAccess } from "../settings/provider-access";
import { emptySettings, KEY_ENV_VARS, readSettings, type RemoteProvider, type UserSettings } from "../settings/settings-file";

type LlmConfig = Extract<GraphDoc["nodes"][number], { kind: "llm" }>["config"];

export interface RealModelNode {
  node: string;
  provider: RemoteProvider;
  config: LlmConfig;
}

/** The llm nodes that call a real provider, those inside subgraphs too (named by path: `research > searcher`). */
export function realModelNodes(doc: GraphDoc, graphs?: WorkspaceGraphs, prefix = "", seen: ReadonlySet<string> = new Set()): RealModelNode[] {
  if (seen.has(doc.name)) return [];
  const inside = new Set([...seen, doc.name]);
  return doc.nodes.flatMap((node) => {
    if (node.kind === "llm" && node.config.provider !== "scripted") return [{ node: `${prefix}${node.id}`, provider: node.config.provider, config: node.config }];
    const child = node.kind === "subgraph" && graphs ? graphOf(node.config.graph, doc, graphs) : undefined;
    return child ? realModelNodes(child, graphs, `${prefix}${node.id}${NODE_PATH_SEPARATOR}`, inside) : [];
  });
}

/**
 * Why a real-provider test cannot run here (a key its provider needs that is configured neither in
 * the environment nor in the user's settings), or undefined when it can. The rule is the engine's
 * own (`accessProblem`, as for `switchyard run` and the server): Ollama needs no key, nor does an
 * llm node whose base URL is some other OpenAI- or Anthropic-compatible server.
 */
export function missingProviderKey(doc: GraphDoc, env: NodeJS.ProcessEnv, settings: () => UserSettings = safeSettings, graphs?: WorkspaceGraphs): string | undefined {
  for (const { node, provider, config } of realModelNodes(doc, graphs)) {
    const access = providerAccess(provider, settings(), env);
    if (!isKeyed(provider) || accessProblem(config, access.apiKey !== undefined, baseUrlOf(config, access)) !== "key") continue;
    return `no ${provider} key configured (node ${node} uses ${provider}: set ${KEY_ENV_VARS[provider]} or add the key in Settings)`;
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
