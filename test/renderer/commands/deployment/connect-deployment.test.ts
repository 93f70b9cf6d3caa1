import type { Assistant, Thread } from "@langchain/langgraph-sdk";
import { deploymentApi } from "../../../../renderer/client/graph-view-api";
import { connectDeployment, currentTarget, DeploymentUrlError, normaliseDeploymentUrl, rememberedDeployment, resumePendingConnection, unreachableMessage } from "../../../../renderer/commands/deployment/connect-deployment";
import { useDeploymentStore } from "../../../../renderer/stores/deployment-store";
import { useGraphStore } from "../../../../renderer/stores/graph-store";
import { useWorkspaceStore } from "../../../../renderer/stores/workspace-store";

/** Just enough of the browser's storages and location for the command. */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

const assistant = { assistant_id: "a-1", graph_id: "agent", name: "agent" } as Assistant;

describe("connect to deployment", () => {
  beforeEach(() => {
    vi.stubGlobal("localStorage", fakeStorage());
    vi.stubGlobal("sessionStorage", fakeStorage());
    vi.stubGlobal("window", { location: { origin: "http://127.0.0.1:5000" } });
    useWorkspaceStore.setState({ path: "/work/ws" });
    useDeploymentStore.setState({ status: "idle", url: null, apiKey: null, assistants: [], threads: [], error: null });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("normalises the URL and refuses what is not http(s)", () => {
    expect(normaliseDeploymentUrl(" http://127.0.0.1:2024/ ")).toBe("http://127.0.0.1:2024");
    expect(normaliseDeploymentUrl("https://x.example.com/api/")).toBe("https://x.example.com/api");
    expect(() => normaliseDeploymentUrl("ftp://x")).toThrow(DeploymentUrlError);
    expect(() => normaliseDeploymentUrl("localhost:2024")).toThrow(/http:\/\/ or https:\/\//);
  });

  it("lists assistants and threads, remembers the URL per workspace and the key only for the session", async () => {
    const assistants = vi.spyOn(deploymentApi, "assistants").mockResolvedValue([assistant]);
    vi.spyOn(deploymentApi, "threads").mockResolvedValue([{ thread_id: "t-1" } as Thread]);
    expect(await connectDeployment("http://127.0.0.1:2024/", "secret")).toBe(true);
    expect(assistants).toHaveBeenCalledWith({ url: "http://127.0.0.1:2024", apiKey: "secret" });
    expect(useDeploymentStore.getState()).toMatchObject({ status: "connected", assistants: [assistant], threads: [{ thread_id: "t-1" }] });
    expect(currentTarget()).toEqual({ url: "http://127.0.0.1:2024", apiKey: "secret" });
    expect(localStorage.getItem("switchyard.deployment./work/ws")).toBe("http://127.0.0.1:2024");
    expect(JSON.stringify(Object.fromEntries([...Array(localStorage.length)].map((_, i) => [localStorage.key(i), localStorage.getItem(localStorage.key(i)!)])))).not.toContain("secret");
    expect(rememberedDeployment()).toEqual({ url: "http://127.0.0.1:2024", apiKey: "secret" });
  });

  it("says what to do when the browser cannot reach the deployment (CORS or down)", async () => {
    vi.spyOn(deploymentApi, "assistants").mockRejectedValue(new TypeError("Failed to fetch"));
    vi.spyOn(deploymentApi, "threads").mockResolvedValue([]);
    expect(await connectDeployment("http://127.0.0.1:9", "")).toBe(false);
    const { status, error } = useDeploymentStore.getState();
    expect(status).toBe("error");
    expect(error).toContain("--allow-origin http://127.0.0.1:5000");
    expect(unreachableMessage("http://x", new Error("HTTP 403: Forbidden"))).toMatch(/check the API key/);
  });

  describe("in the desktop app", () => {
    function desktop(reloadRequired: boolean) {
      const allow = vi.fn(async (origin: string) => ({ origin, reloadRequired }));
      const reload = vi.fn();
      vi.stubGlobal("switchyardDesktop", { allowDeploymentOrigin: allow });
      vi.stubGlobal("window", { location: { origin: "http://127.0.0.1:5000", reload } });
      return { allow, reload };
    }

    it("allows the deployment's origin (not its path) in the window's CSP before connecting", async () => {
      const { allow, reload } = desktop(false);
      vi.spyOn(deploymentApi, "assistants").mockResolvedValue([assistant]);
      vi.spyOn(deploymentApi, "threads").mockResolvedValue([]);
      expect(await connectDeployment("https://agents.example.com/api/", "k")).toBe(true);
      expect(allow).toHaveBeenCalledWith("https://agents.example.com");
      expect(reload).not.toHaveBeenCalled();
    });

    it("reloads once when the page predates the origin, then resumes the connection", async () => {
      const { reload } = desktop(true);
      const assistants = vi.spyOn(deploymentApi, "assistants").mockResolvedValue([assistant]);
      vi.spyOn(deploymentApi, "threads").mockResolvedValue([]);
      expect(await connectDeployment("https://agents.example.com", "k")).toBe(false);
      expect(reload).toHaveBeenCalledTimes(1);
      expect(assistants).not.toHaveBeenCalled();
      // After the reload the shell reports the origin as loaded.
      desktop(false);
      expect(await resumePendingConnection()).toBe(true);
      expect(useDeploymentStore.getState()).toMatchObject({ status: "connected", url: "https://agents.example.com", dialogOpen: true });
      expect(await resumePendingConnection()).toBe(false);
    });

    it("does not reload over unsaved edits, nor loop when the reload did not help", async () => {
      const { reload } = desktop(true);
      const edited = { nodes: [], edges: [] } as never;
      useGraphStore.setState({ doc: edited, savedDoc: { nodes: [], edges: [] } as never });
      expect(await connectDeployment("https://agents.example.com", "")).toBe(false);
      expect(useDeploymentStore.getState().error).toMatch(/save the graph first/);
      useGraphStore.setState({ doc: null, savedDoc: null });
      expect(await connectDeployment("https://agents.example.com", "")).toBe(false);
      expect(reload).toHaveBeenCalledTimes(1);
      expect(await resumePendingConnection()).toBe(false);
      expect(useDeploymentStore.getState().error).toMatch(/could not allow/);
      expect(reload).toHaveBeenCalledTimes(1);
    });

    it("shows the shell's refusal", async () => {
      vi.stubGlobal("switchyardDesktop", { allowDeploymentOrigin: async () => Promise.reject(new Error("refused: not allowed")) });
      expect(await connectDeployment("https://agents.example.com", "")).toBe(false);
      expect(useDeploymentStore.getState().error).toMatch(/refused/);
    });
  });
});
