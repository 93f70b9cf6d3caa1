/**
 * `npm run bench:canvas`: the editor's canvas against a bare React Flow page with the same
 * nodes, measured in the same run, in Debian's chromium. For 100, 500 and 1000 nodes it prints
 * time to first render, and frame costs while panning and while dragging a node, for three pages:
 * the bare page (React Flow's default nodes, labels at every zoom), the editor as it opens (big
 * graphs zoomed out draw boxes without text) and the editor at full detail (like the bare page).
 *
 * - Every page loads twice before measuring, in one browser context: they start as on a second
 *   launch (scripts cached, compiled code in V8's cache). Rounds rotate which page goes first.
 * - Gestures are replayed inside the page, one mouse event per animation frame. A frame's cost is
 *   the main thread's time from that frame's callback until its style, layout and paint are done
 *   and the tasks it queued have run (React defers work to tasks; see GESTURE). Frame gap is the
 *   time between frames at 60 Hz, where 16.7 ms is a frame on time and 33.3 ms a dropped one.
 * - The dragged node is the one nearest the pane's middle, moved back and forth, so the drag
 *   never auto-pans the view (that would be a pan, measured separately).
 * Diagnostics for finding where time goes: see bench/canvas-diagnostics.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { benchGraphDoc } from "./canvas-graph";
import { diagnose, printLoadTimeline, unminified } from "./canvas-diagnostics";

const ROOT = resolve(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_SIZES ?? "100,500,1000").split(",").map(Number);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 180);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Which pages to measure (BENCH_PAGES=full for a profile of the editor alone): bare, opens, full. */
const PAGES = (process.env.BENCH_PAGES ?? "bare,opens,full").split(",");
const BARE_OUT = join(ROOT, "out/bench-canvas-bare");

/** A page to measure; the editor's `simplifyFarZoom` setting (ui-store) is set before its scripts run. */
interface PageUnderTest {
  which: "bare" | "opens" | "full";
  label: string;
  url: string;
  expectedNodes: number;
  simplifyFarZoom?: boolean;
}

interface Sample {
  firstRenderMs: number;
  /** What the page drew once loaded: its zoom, how many nodes show text, how many edge labels there are. */
  detail: Detail;
  /** The editor only (the bare page has its graph inlined): when the graph document had arrived, and the time its requests took. */
  dataReadyMs: number;
  fetchMs: number;
  pan: Frames;
  drag: Frames;
}

/** Per animation frame of a gesture: the gap since the previous frame, and the main thread's cost of the frame. */
interface Frames {
  gaps: number[];
  costs: number[];
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

async function main() {
  const loadAtStart = load();
  console.log("building the renderer and the bare React Flow page…");
  const minify = !unminified; // a profile names functions only in unminified code
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { minify } });
  await build({ configFile: false, root: join(ROOT, "bench/canvas-bare"), base: "./", plugins: [react()], logLevel: "warn", build: { minify, outDir: BARE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 5000 } });

  const workspace = mkdtempSync(join(tmpdir(), "switchyard-bench-"));
  for (const size of SIZES) writeFileSync(join(workspace, `bench-${size}.graph.json`), JSON.stringify(benchGraphDoc(`bench-${size}`, size), null, 2));
  const server = await startSwitchyard(workspace);
  const bare = await serveStatic(BARE_OUT);
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
  const chromiumBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // One context for every page: it shares the HTTP and code caches the way one browser profile does.
  const browser = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const rows: string[][] = [];
  try {
    for (const size of SIZES) {
      // The editor twice: as it opens (zoomed out past FAR_ZOOM it draws boxes without text) and
      // at full detail (names, summaries, rule labels at every zoom), the bare page's equal.
      const pages = ([
        { which: "bare", label: `${size} bare React Flow`, url: `${bareUrl}/index.html?n=${size}`, expectedNodes: size + 1 },
        { which: "opens", label: `${size} editor, as it opens`, url: `${server.url}/#/graph/bench-${size}`, expectedNodes: size + 2, simplifyFarZoom: true },
        { which: "full", label: `${size} editor, full detail`, url: `${server.url}/#/graph/bench-${size}`, expectedNodes: size + 2, simplifyFarZoom: false },
      ] satisfies PageUnderTest[]).filter((page) => PAGES.includes(page.which));
      const samples = pages.map(() => [] as Sample[]);
      // Two loads of each first, not counted: every page then starts as on a user's second launch,
      // scripts in the HTTP cache and their compiled code in V8's code cache.
      for (let warm = 0; warm < 2; warm++) for (const page of pages) await loadOnly(browser, page);
      for (let round = 0; round < ROUNDS; round++) {
        // Rotating which page goes first, so none always follows another's garbage.
        for (let i = 0; i < pages.length; i++) {
          const at = (i + round) % pages.length;
          samples[at].push(await measure(browser, pages[at]));
        }
      }
      const bareSamples = pages[0].which === "bare" ? samples[0] : undefined;
      pages.forEach((page, i) => rows.push(row(page.label, samples[i], page.which === "bare" ? undefined : bareSamples)));
    }
  } finally {
    await chromiumBrowser.close();
    bare.close();
    const exited = new Promise((done) => server.child.once("exit", done));
    server.child.kill("SIGTERM");
    await exited;
    rmSync(workspace, { recursive: true, force: true, maxRetries: 5 });
  }
  print(rows);
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at start, ${load()} at end (${cpus().length} cores)`);
}

interface Detail {
  zoom: number;
  nodesWithText: number;
  nodes: number;
  edgeLabels: number;
}

/** A new tab on the page; the editor's level-of-detail setting goes into its localStorage before the app reads it. */
async function open(browser: BrowserContext, target: PageUnderTest): Promise<Page> {
  const page = await browser.newPage();
  if (target.simplifyFarZoom !== undefined) {
    await page.addInitScript(`localStorage.setItem("switchyard.ui", JSON.stringify({ simplifyFarZoom: ${target.simplifyFarZoom} }))`);
  }
  await page.goto(target.url);
  return page;
}

async function loadOnly(browser: BrowserContext, target: PageUnderTest): Promise<void> {
  const page = await open(browser, target);
  await page.waitForFunction(`document.querySelectorAll(".react-flow__node").length >= ${target.expectedNodes}`, undefined, { timeout: 120_000 });
  await page.close();
}

/** What the page draws: text in its nodes (names, summaries) and labels on its edges, at what zoom. */
const DETAIL = `(() => {
  const nodes = [...document.querySelectorAll(".react-flow__node")];
  const transform = getComputedStyle(document.querySelector(".react-flow__viewport")).transform;
  return {
    zoom: new DOMMatrixReadOnly(transform).a,
    nodes: nodes.length,
    nodesWithText: nodes.filter((node) => node.textContent.trim() !== "").length,
    edgeLabels: document.querySelectorAll(".react-flow__edge-text, .sy-edge-label").length,
  };
})()`;

async function measure(browser: BrowserContext, target: PageUnderTest): Promise<Sample> {
  const { label, expectedNodes } = target;
  const page = await open(browser, target);
  await page.waitForFunction(`document.querySelectorAll(".react-flow__node").length >= ${expectedNodes} && !document.querySelector(".react-flow__node[style*='visibility: hidden']")`, undefined, { polling: "raf", timeout: 120_000 });
  const firstRenderMs = (await page.evaluate("performance.now()")) as number;
  const detail = (await page.evaluate(DETAIL)) as Detail;
  await printLoadTimeline(page, label, firstRenderMs);
  const requests = (await page.evaluate(`performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/switchyard/") && entry.responseEnd <= ${firstRenderMs}).map((entry) => [entry.startTime, entry.responseEnd])`)) as [number, number][];
  const dataReadyMs = Math.max(0, ...requests.map(([, end]) => end));
  const fetchMs = requests.reduce((sum, [start, end]) => sum + (end - start), 0);
  await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 1500)); // measure interaction, not the tail of loading
  const drag = await diagnose(browser, page, `${label}, drag`, FRAMES, () => gesture(page, "centre-node", 4, 2));
  const pan = await gesture(page, ".react-flow__pane", 6, 3);
  await page.close();
  return { firstRenderMs, detail, dataReadyMs, fetchMs, pan, drag };
}

/**
 * Presses on `selector`, moves by (dx, dy) each animation frame for FRAMES frames, releases;
 * returns the gaps between frames and each frame's cost. Plain JS text, so the TS loader adds no
 * helpers the page lacks.
 */
const GESTURE = `(selector, dx, dy, frames) => new Promise((done) => {
  const target = selector === "centre-node" ? centreNode() : document.querySelector(selector);
  const box = target.getBoundingClientRect();
  let x = box.left + Math.min(40, box.width / 2);
  let y = box.top + Math.min(20, box.height / 2);
  const fire = (type, on) => on.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons: type === "mouseup" ? 0 : 1 }));
  fire("mousedown", target);
  const gaps = [];
  const starts = [];
  const ends = [];
  const channel = new MessageChannel();
  // A message posted in the frame callback runs once the frame's style, layout and paint are done;
  // passing it on twice more also waits for tasks the frame's code queued (React schedules renders
  // and effects as tasks), so work a page defers past the paint is counted too. A frame's cost
  // stops at the next frame's start at the latest: what runs after that is the next frame's.
  channel.port1.onmessage = ({ data }) => {
    if (data.hop < 2) channel.port2.postMessage({ frame: data.frame, hop: data.hop + 1 });
    else ends[data.frame] = performance.now();
  };
  const costs = () => starts.map((start, i) => Math.min(ends[i] ?? Infinity, starts[i + 1] ?? Infinity) - start).filter(Number.isFinite);
  let last = 0;
  let frame = 0;
  const tick = (now) => {
    if (last) gaps.push(now - last);
    last = now;
    if (frame++ >= frames) { fire("mouseup", window); setTimeout(() => { channel.port1.close(); done({ gaps, costs: costs() }); }, 50); return; }
    starts.push(performance.now());
    // Back and forth every 30 frames, so a dragged node stays clear of the pane's edges (no auto-pan).
    const sign = Math.floor(frame / 30) % 2 ? -1 : 1;
    x += sign * dx;
    y += sign * dy;
    fire("mousemove", window);
    channel.port2.postMessage({ frame: starts.length - 1, hop: 0 });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // The node nearest the middle of the pane: far from its edges, so dragging it never auto-pans.
  function centreNode() {
    const pane = document.querySelector(".react-flow__pane").getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    const distance = (node) => { const box = node.getBoundingClientRect(); return Math.hypot(box.left + box.width / 2 - cx, box.top + box.height / 2 - cy); };
    return [...document.querySelectorAll(".react-flow__node")].filter((node) => /^n\\d+$/.test(node.dataset.id)).sort((a, b) => distance(a) - distance(b))[0];
  }
})`;

function gesture(page: Page, selector: string, dx: number, dy: number): Promise<Frames> {
  return page.evaluate(`(${GESTURE})(${JSON.stringify(selector)}, ${dx}, ${dy}, ${FRAMES})`) as Promise<Frames>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(label: string, samples: Sample[], baseline?: Sample[]): string[] {
  const median = (values: number[]) => percentile(values, 50);
  const first = median(samples.map((sample) => sample.firstRenderMs));
  const ratio = baseline ? ` (${(first / median(baseline.map((sample) => sample.firstRenderMs))).toFixed(2)}x)` : "";
  const frames = (pick: (sample: Sample) => number[]) => {
    const values = samples.flatMap(pick);
    const vs = baseline ? ` (${(percentile(values, 95) / percentile(baseline.flatMap(pick), 95)).toFixed(2)}x)` : "";
    return `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)} ms${vs}`;
  };
  const { detail } = samples[samples.length - 1];
  return [
    label,
    `zoom ${detail.zoom.toFixed(2)}: text in ${detail.nodesWithText}/${detail.nodes} nodes, ${detail.edgeLabels} edge labels`,
    `${first.toFixed(0)} ms${ratio}`,
    frames((sample) => sample.pan.costs),
    frames((sample) => sample.drag.costs),
    frames((sample) => sample.drag.gaps),
    label.includes("editor") ? `${median(samples.map((sample) => sample.dataReadyMs)).toFixed(0)} / ${median(samples.map((sample) => sample.fetchMs)).toFixed(0)} ms` : "inlined",
  ];
}

function print(rows: string[][]) {
  const header = ["graph", "what it draws", "first render", "pan frame cost p50 / p95", "drag frame cost p50 / p95", "drag frame gap p50 / p95", "data ready at / fetch"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  console.log(`\ncanvas benchmark (chromium ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}, ${ROUNDS} rounds, ${FRAMES} frames per gesture; ratios vs the bare page)\n`);
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cells of rows) console.log(line(cells));
  console.log("\nwhat it draws: the page's zoom once opened, the nodes drawn with text in them (names, kinds, summaries) and the edges' label boxes;");
  console.log("the editor opens big graphs zoomed out past its level-of-detail threshold (boxes without text); 'full detail' turns that off (canvas.simplify-far).");
  console.log("frame cost: main-thread time of a frame, from its animation-frame callback (which moves the mouse) until its style, layout and paint are done;");
  console.log("frame gap: time between animation frames at the display's 60 Hz (16.7 ms is a perfect frame, 33.3 one dropped).");
  console.log("data ready at: when the editor's last API response (workspace, graph) had arrived; fetch: the time those requests took. First render minus data ready is rendering.");
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
    // The same caching as `switchyard serve` gives the editor's assets (see main/api/routes/renderer.ts).
    const cache = path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Cache-Control": cache });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

await main();
