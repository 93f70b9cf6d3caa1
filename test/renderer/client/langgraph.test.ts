import { withReplay } from "../../../renderer/client/langgraph";

describe("the replaying client's request hook", () => {
  it("adds replay: true to a run's streamed POST, keeping the SDK's payload", () => {
    const init = { method: "POST", body: JSON.stringify({ assistant_id: "chain", checkpoint_id: "c1", input: null }) };
    const changed = withReplay(new URL("http://127.0.0.1:1/threads/t1/runs/stream"), init);
    expect(JSON.parse(changed.body as string)).toEqual({ assistant_id: "chain", checkpoint_id: "c1", input: null, replay: true });
  });

  it("leaves every other request as it was", () => {
    const post = { method: "POST", body: JSON.stringify({ values: {} }) };
    expect(withReplay(new URL("http://127.0.0.1:1/threads/t1/state"), post)).toBe(post);
    const get = { method: "GET" };
    expect(withReplay(new URL("http://127.0.0.1:1/threads/t1/runs/stream"), get)).toBe(get);
  });
});
