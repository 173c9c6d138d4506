/**
 * The one way the tests capture an expected failure: the error, checked to be one of ours (and of
 * `kind` when given), or the test fails saying what came instead.
 */
import { ModelArtsError } from "../../provider/support/errors";

/** One of our error classes, such as `ModelArtsValidationError`, with its brand check. */
type ErrorKind<T> = (abstract new (...args: never[]) => T) & { isInstance(x: unknown): boolean };

function checked<T extends ModelArtsError>(error: unknown, kind: ErrorKind<T>): T {
  if (kind.isInstance(error)) return error as T;
  throw new Error(`expected a ${kind.name}, got ${error instanceof Error ? error.stack : String(error)}`);
}

/** The error a promise rejects with; fails the test when it resolves or rejects with another error. */
export async function failure<T extends ModelArtsError = ModelArtsError>(
  promise: Promise<unknown>,
  kind: ErrorKind<T> = ModelArtsError as unknown as ErrorKind<T>,
): Promise<T> {
  try {
    await promise;
  } catch (e) {
    return checked(e, kind);
  }
  throw new Error(`expected a ${kind.name}, but the promise resolved`);
}

/** The error a function throws; fails the test when it returns or throws another error. */
export function failureOf<T extends ModelArtsError = ModelArtsError>(
  work: () => unknown,
  kind: ErrorKind<T> = ModelArtsError as unknown as ErrorKind<T>,
): T {
  try {
    work();
  } catch (e) {
    return checked(e, kind);
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
