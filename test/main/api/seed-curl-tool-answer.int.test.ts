import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseSse, servedWorkspace } from "./server-process";

const run = promisify(execFile);

// The seed page's state-update command, exactly as printed there. Its `jq ... | sh -c '...' _`
// passes the tool call id on stdin, not as $1, so TOOL_CALL_ID is empty and the update is a tool
// message with "tool_call_id": "".
const SEED_UPDATE = `curl --request GET \\
 --url <DEPLOYMENT_URL>/threads/<THREAD_ID>/state \\
 | jq -r '.values.messages[-1].tool_calls[0].id' \\
 | sh -c '
     TOOL_CALL_ID="$1"

     # Construct the JSON payload
     JSON_PAYLOAD=$(printf "{\\"messages\\": [{\\"tool_call_id\\": \\"%s\\", \\"type\\": \\"tool\\", \\"content\\": \\"san francisco\\"}], \\"as_node\\": \\"ask_human\\"}" "$TOOL_CALL_ID")

     # Send the updated state
     curl --request POST \\
          --url <DEPLOYMENT_URL>/threads/<THREAD_ID>/state \\
          --header "Content-Type: application/json" \\
          --data "\${JSON_PAYLOAD}"
 ' _`;

const SEED_FIRST_RUN = `curl --request POST \\
 --url <DEPLOYMENT_URL>/threads/<THREAD_ID>/runs/stream \\
 --header 'Content-Type: application/json' \\
 --data "{
   \\"assistant_id\\": \\"agent\\",
   \\"input\\": {\\"messages\\": [{\\"role\\": \\"human\\", \\"content\\": \\"Use the search tool to ask the user where they are, then look up the weather there\\"}]},
   \\"interrupt_before\\": [\\"ask_human\\"],
   \\"stream_mode\\": [\\
     \\"updates\\"\\
   ]
 }"`;

const SEED_RESUME = `curl --request POST \\
 --url <DEPLOYMENT_URL>/threads/<THREAD_ID>/runs/stream \\
 --header 'Content-Type: application/json' \\
 --data "{
   \\"assistant_id\\": \\"agent\\",
   \\"stream_mode\\": [\\
     \\"updates\\"\\
   ]
 }"`;

describe("the seed's curl flow as printed (its state update sends an empty tool_call_id)", () => {
  const live = servedWorkspace();
  const bash = async (text: string, threadId: string) =>
    (await run("bash", ["-c", text.replaceAll("<DEPLOYMENT_URL>", live.server.url).replaceAll("<THREAD_ID>", threadId)], { maxBuffer: 10 * 1024 * 1024 })).stdout;

  it("binds the empty tool_call_id to the one pending AskHuman call, says so, and the agent goes on to the weather", async () => {
    const threadId = (await live.request("POST", "/threads", {})).json.thread_id;
    await bash(SEED_FIRST_RUN, threadId);
    const pending = (await live.request("GET", `/threads/${threadId}/state`)).json.values.messages.at(-1).tool_calls[0];
    expect(pending.name).toBe("AskHuman");

    const answer = JSON.parse(await bash(SEED_UPDATE, threadId));
    expect(answer.checkpoint).toMatchObject({ thread_id: threadId, checkpoint_id: expect.any(String) });
    expect(answer.tool_call_bound).toMatchObject({ tool_call_id: pending.id, name: "AskHuman", message: expect.stringContaining("had no tool_call_id") });
    const state = (await live.request("GET", `/threads/${threadId}/state`)).json;
    expect(state.values.messages.at(-1)).toMatchObject({ type: "tool", tool_call_id: pending.id, content: "san francisco" });
    expect(live.server.output()).toContain(`bound it to ${pending.id} (AskHuman)`);

    const resumed = parseSse(await bash(SEED_RESUME, threadId)).filter((event) => event.event === "updates").map((event) => event.data as Record<string, any>);
    expect(resumed.map((update) => Object.keys(update)[0])).toEqual(["agent", "action", "agent"]);
    expect(resumed[0].agent.messages[0].tool_calls[0]).toMatchObject({ name: "search", args: { query: "current weather in san francisco" } });
  });

  it("refuses an empty tool_call_id (422, naming the calls) when several calls wait for the node, and changes nothing", async () => {
    const threadId = (await live.request("POST", "/threads", {})).json.thread_id;
    await bash(SEED_FIRST_RUN, threadId);
    const twoCalls = { type: "ai", content: "", tool_calls: [{ id: "call_a", name: "AskHuman", args: { question: "Where?" } }, { id: "call_b", name: "AskHuman", args: { question: "When?" } }] };
    expect((await live.request("POST", `/threads/${threadId}/state`, { values: { messages: [twoCalls] }, as_node: "agent" })).status).toBe(200);
    const before = (await live.request("GET", `/threads/${threadId}/state`)).json;

    const refused = await live.request("POST", `/threads/${threadId}/state`, { messages: [{ tool_call_id: "", type: "tool", content: "san francisco" }], as_node: "ask_human" });
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toMatch(/no tool_call_id.*2 tool calls wait for an answer as "ask_human": call_a \(AskHuman\), call_b \(AskHuman\)/);
    expect((await live.request("GET", `/threads/${threadId}/state`)).json).toEqual(before);
  });

  it("leaves a tool message with its own tool_call_id as it is", async () => {
    const threadId = (await live.request("POST", "/threads", {})).json.thread_id;
    await bash(SEED_FIRST_RUN, threadId);
    const id = (await live.request("GET", `/threads/${threadId}/state`)).json.values.messages.at(-1).tool_calls[0].id;
    const update = await live.request("POST", `/threads/${threadId}/state`, { messages: [{ tool_call_id: id, type: "tool", content: "paris" }], as_node: "ask_human" });
    expect(update.json.tool_call_bound).toBeUndefined();
  });
});
