import { assertValidThreadId } from "../checkpoint/thread-id";
import { BadRequestError, UnprocessableError } from "./errors";

// UUIDs and simple names: letters, digits, _ . - ; never a path separator or "..".
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isValidId(id: string): boolean {
  if (!ID.test(id) || id.includes("..")) return false;
  try {
    assertValidThreadId(id); // also a safe folder name for the checkpoint saver (no "con", "nul", ...)
    return true;
  } catch {
    return false;
  }
}

/** Checks an id taken from the URL path (422, like the Platform API's path validation). */
export function pathId(id: string | undefined, what: string): string {
  if (id === undefined || !isValidId(id)) {
    throw new UnprocessableError(`${what} ${JSON.stringify(id ?? "")} is not a valid id: use a UUID or letters, digits, _ . - (at most 128, no "..")`);
  }
  return id;
}

/** Checks an id given in a request body (400 naming the field). */
export function bodyId(id: unknown, field: string): string {
  if (typeof id !== "string" || !isValidId(id)) {
    throw new BadRequestError(`${field}: ${JSON.stringify(id)} is not a valid id: use a UUID or letters, digits, _ . - (at most 128, no "..")`);
  }
  return id;
}
