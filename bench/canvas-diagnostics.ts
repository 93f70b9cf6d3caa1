/**
 * Optional looks inside `npm run bench:canvas`, for finding where a frame's time goes:
 *   BENCH_TRACE=1     main-thread time of the drag gesture by Chromium trace event (self time per frame),
 *                     as wall time and as the thread's CPU time (which other agents' load inflates less)
 *   BENCH_PROFILE=1   JS self and total time of the drag by function (the pages are built unminified)
 *   BENCH_TIMELINE=1  each load's requests, DOMContentLoaded and first render, in ms since navigation
 *   BENCH_TOP=N       how many lines each of those tables prints (16)
 * The numbers these print are inflated by the instruments themselves: compare pages, not absolutes.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { mainThreadSelfTimes, profileSelfTimes, profileTotalTimes } from "./canvas-trace";

type CpuProfile = Parameters<typeof profileTotalTimes>[0];

export const unminified = !!process.env.BENCH_PROFILE;

/** Runs `gesture` (`frames` animation frames long) under the diagnostics asked for, printing what they found. */
export async function diagnose<T>(context: BrowserContext, page: Page, label: string, frames: number, gesture: () => Promise<T>): Promise<T> {
  const browser = context.browser()!;
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "blink", "v8.execute"] });
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  const result = await gesture();
  if (cdp) {
    const profile = (await cdp.send("Profiler.stop")).profile as CpuProfile;
    printTimes(`${label}: JS self time`, profileSelfTimes(profile), frames);
    printTimes(`${label}: JS total time`, profileTotalTimes(profile), frames);
  }
  if (process.env.BENCH_TRACE) {
    const trace = JSON.parse((await browser.stopTracing()).toString());
    printTimes(`${label}: main thread by trace event`, mainThreadSelfTimes(trace), frames);
    printTimes(`${label}: main thread CPU time by trace event`, mainThreadSelfTimes(trace, "cpu"), frames);
  }
  return result;
}

export async function printLoadTimeline(page: Page, label: string, firstRenderMs: number): Promise<void> {
  if (!process.env.BENCH_TIMELINE) return;
  const entries = await page.evaluate(
    `performance.getEntriesByType("resource").map((e) => [e.name.split("/").pop().slice(0, 30), Math.round(e.startTime), Math.round(e.responseEnd)])` +
      `.concat([["DOMContentLoaded", Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd)], ["first render", ${Math.round(firstRenderMs)}]])`,
  );
  console.log(`${label}: ${JSON.stringify(entries)}`);
}

function printTimes(label: string, times: Map<string, number>, frames: number) {
  const total = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`\n${label}: ${(total / frames).toFixed(2)} ms per frame`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 16))) console.log(`  ${name.padEnd(40)} ${(ms / frames).toFixed(2)} ms`);
}
