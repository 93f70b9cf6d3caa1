import fs from "node:fs";
import path from "node:path";
import { LOG_MAGIC, MidLogCorruption, appendFrame, frameParts, scanRecords } from "../../../main/checkpoint/record-log";
import { makeTempDir, removeDir } from "./temp-dir";

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

function writeLog(payloads: string[]): { file: string; offsets: number[] } {
  const file = path.join(dir, "log");
  const fd = fs.openSync(file, "w+");
  fs.writeSync(fd, LOG_MAGIC);
  let position = LOG_MAGIC.length;
  const offsets: number[] = [];
  for (const payload of payloads) {
    offsets.push(position);
    position += appendFrame(fd, position, frameParts([Buffer.from(payload)]));
  }
  fs.closeSync(fd);
  return { file, offsets };
}

function scan(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    const records: string[] = [];
    const result = scanRecords(fd, LOG_MAGIC.length, fs.fstatSync(fd).size, (payload) => records.push(payload.toString()));
    return { ...result, records };
  } finally {
    fs.closeSync(fd);
  }
}

function flipBit(file: string, offset: number) {
  const bytes = fs.readFileSync(file);
  bytes[offset] ^= 0x10;
  fs.writeFileSync(file, bytes);
}

const payloads = ["first record", "second", "third and last"];

test("reads back every record it framed, in order", () => {
  const { file } = writeLog(payloads);
  const result = scan(file);
  expect(result.records).toEqual(payloads);
  expect(result.tornBytes).toBe(0);
  expect(result.end).toBe(fs.statSync(file).size);
});

test("a payload split over several buffers frames like one buffer", () => {
  const whole = frameParts([Buffer.from("abcdef")]);
  const split = frameParts([Buffer.from("ab"), Buffer.from("cd"), Buffer.from("ef")]);
  expect(Buffer.concat(split)).toEqual(Buffer.concat(whole));
});

test("a last record cut at any byte is reported as a torn tail, and the records before it survive", () => {
  const { file, offsets } = writeLog(payloads);
  const full = fs.readFileSync(file);
  const lastStart = offsets[2];
  for (let cut = lastStart + 1; cut < full.length; cut++) {
    fs.writeFileSync(file, full.subarray(0, cut));
    const result = scan(file);
    expect(result.records).toEqual(payloads.slice(0, 2));
    expect(result).toMatchObject({ end: lastStart, tornBytes: cut - lastStart });
  }
});

test("a flipped bit anywhere in the last record is caught and that record dropped", () => {
  const { file, offsets } = writeLog(payloads);
  const full = fs.readFileSync(file);
  for (let offset = offsets[2]; offset < full.length; offset++) {
    fs.writeFileSync(file, full);
    flipBit(file, offset);
    const result = scan(file);
    expect(result.records).toEqual(payloads.slice(0, 2));
    expect(result.end).toBe(offsets[2]);
  }
});

test("zeros after the last record (a preallocated or half-flushed tail) are a torn tail", () => {
  const { file } = writeLog(payloads);
  fs.appendFileSync(file, Buffer.alloc(100));
  const result = scan(file);
  expect(result.records).toEqual(payloads);
  expect(result.tornBytes).toBe(100);
});

test("a flipped bit in a middle record is corruption at that record's offset, not a torn tail", () => {
  const { file, offsets } = writeLog(payloads);
  for (const offset of [offsets[1], offsets[1] + 3, offsets[1] + 9, offsets[2] - 1]) {
    const full = fs.readFileSync(file);
    flipBit(file, offset);
    expect(() => scan(file)).toThrow(MidLogCorruption);
    try {
      scan(file);
    } catch (error) {
      expect((error as MidLogCorruption).offset).toBe(offsets[1]);
    }
    fs.writeFileSync(file, full);
  }
});

test("a failed append leaves the file as it was", () => {
  const { file } = writeLog(payloads);
  const before = fs.readFileSync(file);
  const readOnly = fs.openSync(file, "r");
  expect(() => appendFrame(readOnly, before.length, frameParts([Buffer.from("nope")]))).toThrow();
  fs.closeSync(readOnly);
  expect(fs.readFileSync(file)).toEqual(before);
});
