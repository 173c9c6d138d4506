/**
 * Every bound the description's schemas check (a length, a range, a list's size, a pattern) holds on
 * both sides, and the message names it: the value at the bound is accepted, the one past it refused
 * with a message that says the bound, so that no rule text can drift from its check again (a
 * workspaceId of 65 letters was refused by a rule that did not say 64). The bounds are read from the
 * schemas themselves, so a bound added to an entry is tested here without a line written.
 */
import type * as z from "zod/mini";
import { parseQueryArgs } from "../../provider/boundary/queryArguments";
import { resolveSettings } from "../../provider/settings/settings";
import { ARGUMENT_KEYS, ARGUMENTS, metaOf, SETTINGS } from "../../provider/wire/description";
import { JobStatus } from "../../provider/wire/status";

/** One bound of a schema, as its checks state it. */
interface Bound {
  readonly of: "length" | "value";
  readonly side: "least" | "most";
  readonly at: number;
}

/** The length and value bounds a schema's own checks state (zod's definitions). */
function boundsOf(schema: z.ZodMiniType): Bound[] {
  const checks = (
    (schema._zod.def as { checks?: Array<{ _zod: { def: Record<string, unknown> } }> }).checks ?? []
  ).map((c) => c._zod.def);
  return checks.flatMap((check): Bound[] => {
    switch (check.check) {
      case "min_length":
        return [{ of: "length", side: "least", at: check.minimum as number }];
      case "max_length":
        return [{ of: "length", side: "most", at: check.maximum as number }];
      case "greater_than":
        return [{ of: "value", side: "least", at: check.value as number }];
      case "less_than":
        return check.value === Number.MAX_SAFE_INTEGER
          ? []
          : [{ of: "value", side: "most", at: check.value as number }];
      default:
        return [];
    }
  });
}

/** The value at a bound, and the one just past it. */
function atAndPast(bound: Bound): [unknown, unknown] {
  const past = bound.side === "least" ? bound.at - 1 : bound.at + 1;
  return bound.of === "length" ? ["a".repeat(bound.at), "a".repeat(past)] : [bound.at, past];
}

/** How a rule names a bound: its number; a length of at least 1 as "non-empty" or "1 to". */
const named = (bound: Bound) =>
  bound.of === "length" && bound.side === "least" && bound.at === 1
    ? /non-empty|\b1 to\b/
    : new RegExp(`\\b${bound.at}\\b`);

/** The message of what `run` throws, or undefined when it accepts. */
function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const argumentBounds = ARGUMENT_KEYS.flatMap((key) =>
  boundsOf(ARGUMENTS[key]).map((bound) => [key, bound.of, bound.side, bound.at, bound] as const),
);

it("finds the bounds the arguments state (the rule reads them)", () => {
  expect(argumentBounds.map(([key, of, side]) => `${key} ${of} ${side}`)).toEqual(
    expect.arrayContaining(["workspaceId length most", "pageSize value most", "nameRegex length most"]),
  );
});

it.each(argumentBounds)("argument %s: %s at %s %d is accepted, past it refused naming it", (key, ...rest) => {
  const bound = rest[3];
  const [at, past] = atAndPast(bound);
  expect(refusal(() => parseQueryArgs({ [key]: at }, "test"))).toBeUndefined();
  const message = refusal(() => parseQueryArgs({ [key]: past }, "test"));
  expect(message).toContain(`${key} must be ${metaOf(ARGUMENTS[key]).rule}`);
  expect(metaOf(ARGUMENTS[key]).rule).toMatch(named(bound));
});

it("status: every code from 0 to the last is accepted, one past it refused naming the last; a list of every status once is accepted", () => {
  const codes = Object.values(JobStatus);
  const last = Math.max(...codes);
  expect(refusal(() => parseQueryArgs({ status: last }, "test"))).toBeUndefined();
  expect(refusal(() => parseQueryArgs({ status: codes }, "test"))).toBeUndefined();
  expect(refusal(() => parseQueryArgs({ status: last + 1 }, "test"))).toContain(`from 0 to ${last}`);
  expect(refusal(() => parseQueryArgs({ status: [...codes, codes[0]] }, "test"))).toContain("status");
});

it.each([
  ["workspaceId", "a-b_C9", "a.b"],
  ["nameRegex", "^vision-", "(unclosed"],
] as const)("argument %s: its pattern accepts %j and refuses %j, saying the rule", (key, good, bad) => {
  expect(refusal(() => parseQueryArgs({ [key]: good }, "test"))).toBeUndefined();
  expect(refusal(() => parseQueryArgs({ [key]: bad }, "test"))).toContain(metaOf(ARGUMENTS[key]).rule);
});

/** Settings enough for a lookup, with one more given in the environment. */
const environment = (extra: Record<string, string>) => ({
  HW_REGION_NAME: "cn-north-4",
  HW_PROJECT_ID: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
  HW_ACCESS_KEY: "AK",
  HW_SECRET_KEY: "SK",
  HW_ASSUME_ROLE_AGENCY_NAME: "reader",
  HW_ASSUME_ROLE_DOMAIN_NAME: "account",
  ...extra,
});
const resolved = (extra: Record<string, string>) => () =>
  resolveSettings({}, () => undefined, environment(extra));

const settingBounds = (Object.keys(SETTINGS) as Array<keyof typeof SETTINGS>).flatMap((key) => {
  const env = metaOf(SETTINGS[key]).env?.[0];
  return env === undefined
    ? []
    : boundsOf(SETTINGS[key]).map((bound) => [key, bound.side, bound.at, env, bound] as const);
});

it("finds the bounds the settings state", () => {
  expect(settingBounds.map(([key, side]) => `${key} ${side}`)).toEqual(
    expect.arrayContaining([
      "maxRetries most",
      "maxConcurrency least",
      "agencyDuration least",
      "timeout most",
    ]),
  );
});

it.each(settingBounds)(
  "setting %s: at its %s %d accepted, past it refused naming it",
  (key, _side, _at, env, bound) => {
    const [at, past] = atAndPast(bound).map(String);
    expect(refusal(resolved({ [env]: at! }))).toBeUndefined();
    const message = refusal(resolved({ [env]: past! }));
    expect(message).toContain(env);
    expect(message).toContain(metaOf(SETTINGS[key]).rule);
    expect(metaOf(SETTINGS[key]).rule).toMatch(named(bound));
  },
);

it.each([
  ["region", "HW_REGION_NAME", "eu-west-101", "cn north 4"],
  ["projectId", "HW_PROJECT_ID", "a".repeat(64), "a".repeat(65)],
  ["projectId", "HW_PROJECT_ID", "0a1b-2c_3d", "0a1b/2c"],
] as const)(
  "setting %s (%s): its pattern accepts %j and refuses %j, saying the rule",
  (key, env, good, bad) => {
    expect(refusal(resolved({ [env]: good }))).toBeUndefined();
    const message = refusal(resolved({ [env]: bad }));
    expect(message).toContain(metaOf(SETTINGS[key]).rule);
  },
);
