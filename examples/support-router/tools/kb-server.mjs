/* global process -- plain Node globals (the shared ESLint config has no Node env for .mjs) */
// The knowledge base, an MCP server over stdio (declared in ../mcp.json). Switchyard starts it on
// first use; it brings the status API up as well, so a flow test needs nothing else running.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { startStatusApi } from "./status-api.mjs";

const ARTICLES = [
  { id: "KB-101", words: ["degraded", "error"], text: "KB-101: while the API is degraded, retry failed requests with backoff; status updates every 15 minutes." },
  { id: "KB-102", words: ["password", "login"], text: "KB-102: reset your password from the sign-in page; links expire after one hour." },
  { id: "KB-103", words: ["operational"], text: "KB-103: every service is up; clear your cache and try again." },
];

const server = new McpServer({ name: "kb", version: "1.0.0" });
server.registerTool(
  "search",
  { description: "Searches the support knowledge base and returns the best article", inputSchema: { query: z.string().describe("what to look for") } },
  async ({ query }) => {
    const text = query.toLowerCase();
    const article = ARTICLES.find((candidate) => candidate.words.some((word) => text.includes(word)));
    return { content: [{ type: "text", text: article?.text ?? `no article matches "${query}"` }] };
  },
);

const status = await startStatusApi();
process.stderr.write(status ? "kb-server: status API started\n" : "kb-server: status API already running\n");
await server.connect(new StdioServerTransport());
