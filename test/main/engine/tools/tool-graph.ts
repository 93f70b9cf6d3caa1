import { validateGraphDoc } from "../../../../shared/graph-validate";
import type { GraphDoc } from "../../../../shared/graph-doc";

/**
 * A graph whose scripted agent calls one tool on its first turn and then answers with what the
 * tool said: START -> agent -> tools -> agent -> END.
 */
export function toolGraph(tool: Record<string, unknown>, call: { name: string; args: Record<string, string> }): GraphDoc {
  const result = validateGraphDoc({
    version: 1,
    name: "tool-graph",
    entry: "agent",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [
      {
        id: "agent",
        kind: "llm",
        config: {
          provider: "scripted",
          tools: [call.name],
          replies: [
            { when: { type: "turn", index: 0 }, content: "Calling the tool.", toolCalls: [call] },
            { content: "The tool said: {{last_message}}" },
          ],
        },
      },
      { id: "tools", kind: "tools", config: { tools: [tool] } },
    ],
    edges: [
      { id: "e1", source: "agent", target: "tools", when: { type: "has-tool-calls" } },
      { id: "e2", source: "agent", target: "__end__", when: { type: "otherwise" } },
      { id: "e3", source: "tools", target: "agent" },
    ],
  });
  if (!result.ok) throw new Error(`test graph is invalid: ${JSON.stringify(result.problems)}`);
  return result.doc;
}
