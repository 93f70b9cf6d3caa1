#!/usr/bin/env node
// Draws the app icon (build/icons/icon.png, 1024x1024): a graph that forks like a railway switch,
// on a dark rounded square. Plain Node (zlib for PNG), no image libraries; electron-builder
// derives the .icns, .ico and Linux sizes from it. Run: node scripts/make-icon.js
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZE = 1024;
const root = fileURLToPath(new URL("..", import.meta.url));
const target = join(root, "build/icons/icon.png");

// Signed distance functions: negative inside.
const roundedSquare = (x, y, centre, half, radius) => {
  const qx = Math.abs(x - centre) - half + radius;
  const qy = Math.abs(y - centre) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, width) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - width / 2;
};

const top = [512, 300];
const left = [320, 730];
const right = [704, 730];
// Back to front; each layer is [distance function, [r, g, b]].
const layers = [
  [(x, y) => roundedSquare(x, y, 512, 448, 190), [30, 31, 34]],
  [(x, y) => segment(x, y, ...top, ...left, 54), [96, 104, 118]],
  [(x, y) => segment(x, y, ...top, ...right, 54), [96, 104, 118]],
  [(x, y) => circle(x, y, ...top, 118), [59, 130, 246]],
  [(x, y) => circle(x, y, ...left, 104), [34, 197, 94]],
  [(x, y) => circle(x, y, ...right, 104), [245, 158, 11]],
  [(x, y) => circle(x, y, ...top, 46), [219, 234, 254]],
];

function pixel(x, y) {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const [distance, colour] of layers) {
    const coverage = Math.max(0, Math.min(1, 0.5 - distance(x + 0.5, y + 0.5)));
    if (coverage === 0) continue;
    const outAlpha = coverage + a * (1 - coverage);
    [r, g, b] = [0, 1, 2].map((i) => (colour[i] * coverage + [r, g, b][i] * a * (1 - coverage)) / outAlpha);
    a = outAlpha;
  }
  return [r, g, b, a * 255].map(Math.round);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const offset = y * (SIZE * 4 + 1);
  rows[offset] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), offset + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(rows, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, png);
console.log(`wrote ${target} (${SIZE}x${SIZE}, ${png.length} bytes)`);
