import { servedWorkspace } from "./server-process";

// Issue 15, item 7: the Store API and assistant updates refuse bad input with a 400 naming the field.
describe("store and assistant input", () => {
  const live = servedWorkspace();

  it("GET /store/items without a namespace is a 400 naming it", async () => {
    await live.request("PUT", "/store/items", { namespace: ["notes"], key: "k", value: { text: "kept" } });
    for (const query of ["?key=k", "?key=k&namespace="]) {
      const response = await live.request("GET", `/store/items${query}`);
      expect(response.status).toBe(400);
      expect(response.json.detail).toMatch(/^namespace: required/);
    }
    const found = await live.request("GET", "/store/items?key=k&namespace=notes");
    expect(found.status).toBe(200);
    expect(found.json.value).toEqual({ text: "kept" });
  });

  it("PATCH /assistants/{id} refuses an assistant_id that is not an id, or not this assistant's, and changes nothing", async () => {
    const created = (await live.request("POST", "/assistants", { graph_id: "agent", name: "mine" })).json;
    for (const assistantId of ["../x y", 42, "someone-else"]) {
      const response = await live.request("PATCH", `/assistants/${created.assistant_id}`, { assistant_id: assistantId, name: "renamed" });
      expect(response.status).toBe(400);
      expect(response.json.detail).toMatch(/^assistant_id: /);
    }
    const after = await live.request("GET", `/assistants/${created.assistant_id}`);
    expect(after.json).toEqual(created);
    const same = await live.request("PATCH", `/assistants/${created.assistant_id}`, { assistant_id: created.assistant_id, name: "renamed" });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ assistant_id: created.assistant_id, name: "renamed", version: 2 });
    const listed = (await live.request("POST", "/assistants/search", { limit: 100 })).json.map((assistant: { assistant_id: string }) => assistant.assistant_id);
    expect(listed).toContain(created.assistant_id);
    expect(listed).not.toContain("../x y");
  });
});
