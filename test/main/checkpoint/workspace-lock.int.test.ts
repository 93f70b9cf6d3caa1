import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { WorkspaceLockedError } from "../../../main/checkpoint/errors";
import { fixtureCommand, spawnLines } from "../../fixtures/checkpoint/run-fixture";
import { makeTempDir, removeDir } from "./temp-dir";

let dir: string;
let fixture: Awaited<ReturnType<typeof fixtureCommand>>;
beforeAll(async () => (fixture = await fixtureCommand("hold-lock.ts")));
afterAll(() => fixture.cleanup());
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

const holdLock = () => spawnLines(fixture.command, [...fixture.args, dir, "hold"]);
const tryLock = async () => {
  const other = spawnLines(fixture.command, [...fixture.args, dir, "try"]);
  const [line] = await other.waitForLine(/^(opened|refused .*)$/);
  await other.exited;
  return line;
};

test("while another process holds the workspace, the constructor throws (no waiting) and names that process", async () => {
  const holder = holdLock();
  await holder.waitForLine(/^holding$/);
  try {
    expect(() => new FileCheckpointSaver(dir)).toThrow(WorkspaceLockedError);
    expect(() => new FileCheckpointSaver(dir)).toThrow(new RegExp(`held by process ${holder.child.pid}, which is still running`));
  } finally {
    holder.child.kill("SIGKILL");
    await holder.exited;
  }
  // Its process is gone, so its lock is stale and the next opener takes over.
  const saver = new FileCheckpointSaver(dir);
  await saver.close();
});

test("while this process holds the workspace, another process is refused; after close() it gets in", async () => {
  const saver = new FileCheckpointSaver(dir);
  expect(await tryLock()).toMatch(new RegExp(`^refused WorkspaceLockedError .*held by process ${process.pid}`));
  await saver.close();
  expect(await tryLock()).toBe("opened");
});
