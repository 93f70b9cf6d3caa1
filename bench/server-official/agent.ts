// The seed's weather agent written in code, for `npm run bench:server` to run on the official
// LangGraph.js dev server (@langchain/langgraph-cli). Same shape as examples/weather-agent:
// a scripted model (no network), AskHuman answered by a human node behind a breakpoint, a mock search tool.
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { randomUUID } from "node:crypto";
import { z } from "zod";

const search = tool(async ({ query }: { query: string }) => `I looked up: ${query}. Result: It's sunny in San Francisco, but you better look out if you're a Gemini 😈.`, {
  name: "search",
  description: "Look up things online.",
  schema: z.object({ query: z.string().describe("What to search for") }),
});

function text(message: BaseMessage | undefined): string {
  return typeof message?.content === "string" ? message.content : JSON.stringify(message?.content ?? "");
}

function callId(): string {
  return `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

/** The scripted model of the seed example: ask where, then search there, then answer. */
async function agent(state: typeof MessagesAnnotation.State) {
  const last = state.messages.at(-1) as BaseMessage & { name?: string };
  const lastType = last?.getType();
  if (lastType === "tool" && last.name === "search") return { messages: [new AIMessage({ id: randomUUID(), content: `Based on the search results: ${text(last)}` })] };
  if (lastType === "tool") {
    return { messages: [new AIMessage({ id: randomUUID(), content: "Thanks! Let me look up the weather there.", tool_calls: [{ name: "search", args: { query: `current weather in ${text(last)}` }, id: callId(), type: "tool_call" }] })] };
  }
  return { messages: [new AIMessage({ id: randomUUID(), content: "Let me ask where you are.", tool_calls: [{ name: "AskHuman", args: { question: "Where are you currently located?" }, id: callId(), type: "tool_call" }] })] };
}

function route(state: typeof MessagesAnnotation.State) {
  const calls = (state.messages.at(-1) as AIMessage).tool_calls ?? [];
  if (calls.some((call) => call.name === "AskHuman")) return "ask_human";
  return calls.length > 0 ? "action" : END;
}

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("agent", agent)
  .addNode("action", new ToolNode([search]))
  .addNode("ask_human", async () => ({}))
  .addEdge(START, "agent")
  .addConditionalEdges("agent", route, ["ask_human", "action", END])
  .addEdge("action", "agent")
  .addEdge("ask_human", "agent")
  .compile();
