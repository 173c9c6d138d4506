/**
 * The `modelarts` resource provider, served over Pulumi's provider protocol by
 * `@pulumi/pulumi/provider`: the functions `getVisualizationJobs` and `getVisualizationJob`, and the
 * resource `VisualizationJobsLookup`. Every operation is the TypeScript package's own (runLookup,
 * lookupResource.ts, singleJob.ts): the same validation, settings, retries, redaction and errors.
 */
import type * as pulumi from "@pulumi/pulumi";
import { type LookupDependencies, runLookup } from "../provider/lookup/lookup";
import {
  argumentsOf,
  changedProperties,
  checkFailuresOf,
  checkLookup,
  containsUnknown,
  lookupArguments,
  lookupForState,
  newLookupId,
  type Props,
  plainData,
  refreshLookup,
} from "../provider/lookup/lookupResource";
import { exactlyOneJob } from "../provider/lookup/singleJob";
import {
  ModelArtsError,
  ModelArtsProtocolError,
  ModelArtsValidationError,
  type ValidationIssue,
  validationIssue,
} from "../provider/support/errors";
import { type Logger, warningsOnce } from "../provider/support/logger";
import { registerSecretArguments } from "../provider/support/redact";
import { decodeInputs, wrappedSecret } from "./inputs";
import type { ProviderConfig } from "./providerConfig";
import { settingsConfig } from "./providerConfig";
import { packageSchema, TOKENS } from "./schema";

type Provider = pulumi.provider.Provider;

/**
 * What a configuration error adds for a plugin user whose setting was not found in its config:
 * stack config under `huaweicloud:*` is pulumi-huaweicloud's, which the engine never passes to this
 * plugin. A value the plugin did read from `modelarts:*` and refused needs no such hint.
 */
function configHint(error: ModelArtsError): string {
  const readFromConfig = error.words.some(
    (part) => typeof part !== "string" && "from" in part && "config" in part.from,
  );
  return error.code === "MODELARTS_CONFIG" && !readFromConfig
    ? " (The modelarts plugin reads its own keys, modelarts:*: keys set as huaweicloud:* are pulumi-huaweicloud's and do not reach it.)"
    : "";
}

/** Our error as the engine shows it: its stable code, then its message, in the plugin's terms. */
function engineError(error: unknown): Error {
  if (!ModelArtsError.isInstance(error)) return error instanceof Error ? error : new Error(String(error));
  const shown = new Error(`${error.code}: ${error.messageOn("plugin")}${configHint(error)}`);
  // The provider server prints an error's stack when it fails a call: ours says nothing more.
  shown.stack = shown.message;
  return shown;
}

/** Runs a resource operation, its failure as the engine shows it. */
async function asEngineSees<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw engineError(error);
  }
}

/**
 * The inputs unwrapped, their secrets registered so that no message echoes them, and what cannot be
 * a lookup argument (a resource reference; for an invoke or a create, a value not known yet) as issues.
 */
function argumentsIn(props: Props, knownOnly: boolean): { args: Props; issues: ValidationIssue[] } {
  const { values, secrets, refused } = decodeInputs(props);
  registerSecretArguments(...secrets);
  const unknown = knownOnly
    ? Object.entries(values)
        .filter(([, v]) => containsUnknown(v))
        .map(([field]) =>
          validationIssue(field, [
            "is not known yet (it comes from a resource not created yet); the lookup runs once it is known",
          ]),
        )
    : [];
  return { args: values, issues: [...refused, ...unknown] };
}

/** The inputs of a resource operation as arguments, or the validation error they make. */
function knownArguments(props: Props, context: string): Props {
  const { args, issues } = argumentsIn(props, true);
  if (issues.length > 0) throw new ModelArtsValidationError(context, issues);
  return args;
}

/**
 * The state of a lookup resource as the engine keeps it: when any input was secret (a secret name
 * filter, say), every output derived from the lookup is secret too. `names` and `jobs[].jobName`
 * echo a secret name, and which jobs matched says something of it; the invoke's result is secret
 * whole for the same reason. An input given in the open stays in the open.
 */
function secretWhereDerived(inputs: Props, outs: Props): Props {
  const plain = new Set(
    Object.keys(inputs).filter((key) => decodeInputs({ [key]: inputs[key] }).secrets.length === 0),
  );
  if (plain.size === Object.keys(inputs).length) return outs;
  return Object.fromEntries(
    Object.entries(outs).map(([key, value]) => [key, plain.has(key) ? value : wrappedSecret(value)]),
  );
}

/** The plugin's implementation of Pulumi's provider interface. */
export class ModelArtsProvider implements Provider {
  /** The engine's log, each distinct warning once: one `pulumi up` runs many lookups in this process. */
  private readonly logger: Logger | undefined;

  constructor(
    readonly version: string,
    private readonly config: () => ProviderConfig,
    private readonly env: NodeJS.ProcessEnv = process.env,
    logger?: Logger,
  ) {
    this.logger = logger && warningsOnce(logger);
  }

  /** Aborted by the engine's Cancel (Ctrl-C on `pulumi up`): every lookup in flight stops. */
  private readonly cancellation = new AbortController();

  private dependencies(): LookupDependencies {
    return {
      config: settingsConfig(this.config()),
      env: this.env,
      logger: this.logger,
      signal: this.cancellation.signal,
    };
  }

  /** The engine is stopping: the lookups in flight end now, not at their timeout. */
  async cancel(): Promise<void> {
    this.cancellation.abort();
  }

  async getSchema(): Promise<string> {
    return JSON.stringify(packageSchema(this.version));
  }

  /** The functions: a lookup, or the one job of a lookup. Bad arguments are invoke failures, one per field. */
  async invoke(token: string, inputs: Props): Promise<pulumi.provider.InvokeResult> {
    const { args: given, issues } = argumentsIn(inputs, true);
    if (issues.length > 0) return { outputs: {}, failures: checkFailuresOf(issues) };
    const args = lookupArguments(given);
    try {
      switch (token) {
        case TOKENS.getVisualizationJobs:
          return { outputs: plainData(await runLookup(args, token, this.dependencies())) };
        case TOKENS.getVisualizationJob: {
          const result = await runLookup(args, token, this.dependencies());
          return { outputs: plainData(exactlyOneJob(result, args, token)) };
        }
        default:
          throw new ModelArtsProtocolError(
            `unknown function ${token}; this provider serves ${TOKENS.getVisualizationJobs} and ${TOKENS.getVisualizationJob}`,
          );
      }
    } catch (error) {
      if (ModelArtsValidationError.isInstance(error))
        return { outputs: {}, failures: checkFailuresOf(error.issues, given) };
      throw engineError(error);
    }
  }

  async check(urn: string, _olds: Props, news: Props): Promise<pulumi.provider.CheckResult> {
    const { args, issues } = argumentsIn(news, false);
    return { inputs: news, failures: [...checkFailuresOf(issues), ...checkLookup(args, typeOf(urn))] };
  }

  async diff(_id: string, _urn: string, olds: Props, news: Props): Promise<pulumi.provider.DiffResult> {
    const changed = changedProperties(argumentsIn(olds, false).args, argumentsIn(news, false).args);
    return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
  }

  async create(urn: string, inputs: Props): Promise<pulumi.provider.CreateResult> {
    return asEngineSees(async () => {
      const outs = await lookupForState(
        knownArguments(inputs, typeOf(urn)),
        typeOf(urn),
        this.dependencies(),
      );
      return { id: newLookupId(), outs: secretWhereDerived(inputs, outs) };
    });
  }

  async read(id: string, urn: string, props: Props): Promise<pulumi.provider.ReadResult> {
    return asEngineSees(async () => {
      const state = await refreshLookup(knownArguments(props, typeOf(urn)), typeOf(urn), this.dependencies());
      return { id, props: secretWhereDerived(props, state), inputs: argumentsOf(state) };
    });
  }

  async update(_id: string, urn: string, _olds: Props, news: Props): Promise<pulumi.provider.UpdateResult> {
    return asEngineSees(async () => {
      const outs = await lookupForState(knownArguments(news, typeOf(urn)), typeOf(urn), this.dependencies());
      return { outs: secretWhereDerived(news, outs) };
    });
  }

  /** Forgets the lookup: no job is ever touched. */
  async delete(): Promise<void> {}
}

/** The resource type of a URN, as messages name it (`modelarts:index:VisualizationJobsLookup`). */
function typeOf(urn: string): string {
  return urn.split("::")[2]?.split("$").pop() ?? TOKENS.lookup;
}
