/**
 * `npm run bench:canvas`: the editor's canvas against a bare React Flow page with the same
 * nodes, measured in the same run, in Debian's chromium. For 100, 500 and 1000 nodes it prints
 * time to first render, and p50/p95 frame times while panning and while dragging a node.
 *
 * Gestures are replayed inside the page, one mouse event per animation frame, and frame time is
 * the gap between animation frames (so 16.7 ms is a perfect 60 fps frame).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { benchGraphDoc } from "./canvas-graph";

const ROOT = resolve(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_SIZES ?? "100,500,1000").split(",").map(Number);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 90);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BARE_OUT = join(ROOT, "out/bench-canvas-bare");

interface Sample {
  firstRenderMs: number;
  /** The editor only (the bare page has its graph inlined): when the graph document had arrived, and the time its requests took. */
  dataReadyMs: number;
  fetchMs: number;
  pan: number[];
  drag: number[];
}

async function main() {
  console.log("building the renderer and the bare React Flow page…");
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  await build({ configFile: false, root: join(ROOT, "bench/canvas-bare"), base: "./", plugins: [react()], logLevel: "warn", build: { outDir: BARE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 5000 } });

  const workspace = mkdtempSync(join(tmpdir(), "switchyard-bench-"));
  for (const size of SIZES) writeFileSync(join(workspace, `bench-${size}.graph.json`), JSON.stringify(benchGraphDoc(`bench-${size}`, size), null, 2));
  const server = await startSwitchyard(workspace);
  const bare = await serveStatic(BARE_OUT);
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows: string[][] = [];
  try {
    for (const size of SIZES) {
      const app: Sample[] = [];
      const base: Sample[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        base.push(await measure(browser, `${bareUrl}/index.html?n=${size}`, size + 1));
        app.push(await measure(browser, `${server.url}/#/graph/bench-${size}`, size + 2));
      }
      rows.push(row(`${size} bare React Flow`, base));
      rows.push(row(`${size} Switchyard editor`, app, base));
    }
  } finally {
    await browser.close();
    bare.close();
    const exited = new Promise((done) => server.child.once("exit", done));
    server.child.kill("SIGTERM");
    await exited;
    rmSync(workspace, { recursive: true, force: true, maxRetries: 5 });
  }
  print(rows);
}

async function measure(browser: import("@playwright/test").Browser, url: string, expectedNodes: number): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await page.goto(url);
  await page.waitForFunction(`document.querySelectorAll(".react-flow__node").length >= ${expectedNodes} && !document.querySelector(".react-flow__node[style*='visibility: hidden']")`, undefined, { polling: "raf", timeout: 120_000 });
  const firstRenderMs = (await page.evaluate("performance.now()")) as number;
  const requests = (await page.evaluate(`performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/switchyard/") && entry.responseEnd <= ${firstRenderMs}).map((entry) => [entry.startTime, entry.responseEnd])`)) as [number, number][];
  const dataReadyMs = Math.max(0, ...requests.map(([, end]) => end));
  const fetchMs = requests.reduce((sum, [start, end]) => sum + (end - start), 0);
  await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 1500)); // measure interaction, not the tail of loading
  const pan = await gesture(page, ".react-flow__pane", 6, 3);
  const drag = await gesture(page, '.react-flow__node[data-id="n1"]', 4, 2);
  await page.close();
  return { firstRenderMs, dataReadyMs, fetchMs, pan, drag };
}

/**
 * Presses on `selector`, moves by (dx, dy) each animation frame for FRAMES frames, releases;
 * returns the gaps between frames. Plain JS text, so the TS loader adds no helpers the page lacks.
 */
const GESTURE = `(selector, dx, dy, frames) => new Promise((done) => {
  const target = document.querySelector(selector);
  const box = target.getBoundingClientRect();
  let x = box.left + Math.min(40, box.width / 2);
  let y = box.top + Math.min(20, box.height / 2);
  const fire = (type, on) => on.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons: type === "mouseup" ? 0 : 1 }));
  fire("mousedown", target);
  const gaps = [];
  let last = 0;
  let frame = 0;
  const tick = (now) => {
    if (last) gaps.push(now - last);
    last = now;
    if (frame++ >= frames) { fire("mouseup", window); done(gaps); return; }
    x += dx;
    y += dy;
    fire("mousemove", window);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

function gesture(page: Page, selector: string, dx: number, dy: number): Promise<number[]> {
  return page.evaluate(`(${GESTURE})(${JSON.stringify(selector)}, ${dx}, ${dy}, ${FRAMES})`) as Promise<number[]>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(label: string, samples: Sample[], baseline?: Sample[]): string[] {
  const median = (values: number[]) => percentile(values, 50);
  const first = median(samples.map((sample) => sample.firstRenderMs));
  const pan = samples.flatMap((sample) => sample.pan);
  const drag = samples.flatMap((sample) => sample.drag);
  const ratio = baseline ? ` (${(first / median(baseline.map((sample) => sample.firstRenderMs))).toFixed(2)}x)` : "";
  const vs = (values: number[], base?: number[]) => (base ? ` (${(percentile(values, 95) / percentile(base, 95)).toFixed(2)}x)` : "");
  return [
    label,
    `${first.toFixed(0)} ms${ratio}`,
    `${percentile(pan, 50).toFixed(1)} / ${percentile(pan, 95).toFixed(1)} ms${vs(pan, baseline?.flatMap((sample) => sample.pan))}`,
    `${percentile(drag, 50).toFixed(1)} / ${percentile(drag, 95).toFixed(1)} ms${vs(drag, baseline?.flatMap((sample) => sample.drag))}`,
    baseline ? `${median(samples.map((sample) => sample.dataReadyMs)).toFixed(0)} / ${median(samples.map((sample) => sample.fetchMs)).toFixed(0)} ms` : "inlined",
  ];
}

function print(rows: string[][]) {
  const header = ["graph", "first render", "pan p50 / p95", "drag p50 / p95", "data ready at / fetch"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  console.log(`\ncanvas benchmark (chromium ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}, ${ROUNDS} rounds, ${FRAMES} frames per gesture; ratios vs the bare page)\n`);
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cells of rows) console.log(line(cells));
  console.log("\ndata ready at: when the editor's last API response (workspace, graph) had arrived; fetch: the time those requests took. First render minus data ready is rendering.");
}

async function startSwitchyard(workspace: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", workspace, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((done, fail) => {
    let output = "";
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const match = /serving .* at (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]);
    });
    child.once("exit", (code) => fail(new Error(`switchyard serve exited with ${code}: ${output}`)));
  });
  return { url, child };
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

function serveStatic(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = join(dir, new URL(request.url ?? "/", "http://x").pathname);
    if (!path.startsWith(dir) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

await main();
