/** The ModelArtsError a promise rejects with; fails the test when it resolves or throws another error. */
import { ModelArtsError } from "../../provider/errors";

export async function failure(promise: Promise<unknown>): Promise<ModelArtsError> {
  try {
    await promise;
  } catch (e) {
    if (ModelArtsError.isInstance(e)) return e;
    throw e;
  }
  throw new Error("expected a ModelArtsError, but the promise resolved");
}
