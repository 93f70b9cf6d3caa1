import { crc32, zipFiles } from "../../../../renderer/commands/export/zip";
import { exportAsCode, exportFileName, zipOfExport } from "../../../../renderer/commands/export/export-code";
import { exportApi } from "../../../../renderer/client/export-api";
import { loadDoc } from "../../../../renderer/stores/graph-store";
import { workspaceServer } from "../../../../renderer/client/langgraph";
import { closeOpenGraph, useOpenGraph } from "../../../../renderer/stores/open-graph-store";
import { seedDoc } from "../seed";

/** Reads a stored (uncompressed) zip back through its central directory. */
function readZip(bytes: Uint8Array): { path: string; content: string; crc: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const files = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const localAt = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localName = view.getUint16(localAt + 26, true);
    const data = bytes.subarray(localAt + 30 + localName, localAt + 30 + localName + size);
    expect(crc32(data)).toBe(crc);
    files.push({ path, content: decoder.decode(data), crc });
    at += 46 + nameLength;
  }
  return files;
}

describe("zipFiles", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("hello"))).toBe(0x3610a686);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("stores the files with their paths (UTF-8) and contents, deterministically", () => {
    const files = [
      { path: "agent/graph.ts", content: "export const graph = 1;\n" },
      { path: "agent/README.md", content: "# Wetter ☀\n" },
    ];
    const zip = zipFiles(files);
    expect(readZip(zip).map(({ path, content }) => ({ path, content }))).toEqual(files);
    expect(zipFiles(files)).toEqual(zip);
  });
});

describe("exportAsCode", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    closeOpenGraph();
  });

  it("posts the open document (unsaved edits included) and downloads one zip of the project", async () => {
    const doc = seedDoc();
    loadDoc("agent", doc, "h1");
    const post = vi.spyOn(exportApi, "exportGraph").mockResolvedValue({ files: [{ path: "langgraph.json", content: "{}" }, { path: "src/agent.ts", content: "// graph" }] });
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    expect(await exportAsCode("ts", (name, bytes) => downloads.push({ name, bytes }))).toBe(true);
    expect(post).toHaveBeenCalledWith(doc, "ts");
    expect(downloads.map((download) => download.name)).toEqual([exportFileName("agent", "ts")]);
    expect(readZip(downloads[0].bytes).map((file) => file.path)).toEqual(["agent-langgraph-ts/langgraph.json", "agent-langgraph-ts/src/agent.ts"]);
    expect(downloads[0].bytes).toEqual(zipOfExport("agent", "ts", [{ path: "langgraph.json", content: "{}" }, { path: "src/agent.ts", content: "// graph" }]));
  });

  it("exports nothing for a graph with problems or a read-only graph", async () => {
    const post = vi.spyOn(exportApi, "exportGraph");
    loadDoc("agent", { ...seedDoc(), entry: "nowhere" }, "h1");
    expect(await exportAsCode("python", () => undefined)).toBe(false);
    loadDoc("agent", seedDoc(), "h1");
    useOpenGraph.setState({ graph: { name: "agent", assistantId: "agent", source: { kind: "code", server: workspaceServer, file: "src/agent.ts" } } });
    expect(await exportAsCode("python", () => undefined)).toBe(false);
    expect(post).not.toHaveBeenCalled();
  });
});
