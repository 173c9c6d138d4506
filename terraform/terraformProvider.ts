/**
 * The `modelarts` Terraform provider: what each RPC of tfplugin6 that a read-only provider needs does.
 * Every lookup is the core's (`runLookup`, `exactlyOneJob`): the same validation, settings, retries,
 * redaction and errors as the Pulumi surfaces; this file only translates between them and Terraform.
 * Failures are answered as diagnostics, never as gRPC errors.
 */
import { createHash } from "node:crypto";
import { parseQueryArgs } from "../provider/boundary/queryArguments";
import { runLookupWithSettings } from "../provider/lookup/lookup";
import { exactlyOneJob } from "../provider/lookup/singleJob";
import { givenSettingProblems } from "../provider/settings/givenSettings";
import { ModelArtsConfigError, ModelArtsProtocolError } from "../provider/support/errors";
import type { Logger } from "../provider/support/logger";
import { registerSecrets } from "../provider/support/redact";
import { MAPPED_ENDPOINTS, metaOf, SETTINGS } from "../provider/wire/description";
import { type CtyObject, type CtyValue, decodeCty, encodeCty, holdsUnknown } from "./ctyCodec";
import { queryArguments } from "./dataSourceArguments";
import { diagnostic, errorDiagnostics } from "./diagnostics";
import type { ProviderMethod, RequestOf, ResponseOf } from "./protocol";
import { type Diagnostic, DiagnosticSeverity, type DynamicValue } from "./protocol/tfplugin6";
import { protoSchema } from "./protoSchema";
import { providerLog, warningCollector } from "./providerLog";
import { providerConfigGetter } from "./providerSettings";
import {
  type BlockSpec,
  blockType,
  DATA_SOURCES,
  jobObject,
  PROVIDER_BLOCK,
  PROVIDER_DEFAULTED,
  resultObject,
  sensitiveValues,
} from "./schema";

/** The RPCs served; grpc-js answers every other one UNIMPLEMENTED. */
export const SERVED_METHODS = [
  "GetMetadata",
  "GetProviderSchema",
  "ValidateProviderConfig",
  "ConfigureProvider",
  "ValidateDataResourceConfig",
  "ReadDataSource",
  "StopProvider",
] as const satisfies readonly ProviderMethod[];

/** A method this provider serves. */
export type ServedMethod = (typeof SERVED_METHODS)[number];
/** The served methods, each taking its request and answering its response, as the proto types them. */
export type ServedMethods = {
  [M in ServedMethod]: (request: RequestOf<M>) => Promise<ResponseOf<M>>;
};

/** The endpoints map's keys this provider reads; others (a huaweicloud block copied whole) are ignored with a warning. */
const USED_ENDPOINTS = MAPPED_ENDPOINTS.map((key) => metaOf(SETTINGS[key]).inMap!);

/** A DynamicValue as an object of the block's type. */
function decodeBlock(block: BlockSpec, value: DynamicValue | null | undefined): CtyObject {
  const msgpack = value?.msgpack;
  if (msgpack === undefined || msgpack.length === 0) {
    throw new ModelArtsProtocolError(
      "the configuration came without a msgpack value; this provider reads protocol 6's msgpack",
    );
  }
  const decoded = decodeCty(blockType(block), msgpack);
  if (decoded === null || typeof decoded !== "object" || Array.isArray(decoded)) {
    throw new ModelArtsProtocolError("the configuration is not an object");
  }
  return decoded as CtyObject;
}

/** The type name `check` takes for the provider block. */
const PROVIDER = "provider";

/** What this provider can do beyond the basics: no resources, so nothing to destroy. */
const CAPABILITIES = { planDestroy: true, getProviderSchemaOptional: true };

function dataSource(typeName: string): BlockSpec {
  const block = DATA_SOURCES[typeName];
  if (block === undefined) {
    throw new ModelArtsProtocolError(
      `this provider has no data source ${typeName}; it has ${Object.keys(DATA_SOURCES).join(" and ")}`,
    );
  }
  return block;
}

/**
 * An error per provider argument the lookup would refuse (`max_retries = 1e9`), pointing at it: the
 * same rules as the lookup's, checked before any request. Unknown values wait for apply.
 */
function settingDiagnostics(block: CtyObject): Diagnostic[] {
  if (holdsUnknown(block)) return [];
  return givenSettingProblems(providerConfigGetter(block)).map(({ setting, error }) => {
    const name = metaOf(SETTINGS[setting]).terraform;
    return diagnostic(
      DiagnosticSeverity.ERROR,
      `Invalid provider argument (${error.code})`,
      error.messageOn("terraform"),
      name === undefined ? [] : [name],
    );
  });
}

/** Warnings about provider arguments that are read but do nothing here. */
function providerWarnings(block: CtyObject): Diagnostic[] {
  const endpoints = block.endpoints;
  if (endpoints === null || typeof endpoints !== "object" || Array.isArray(endpoints)) return [];
  return Object.keys(endpoints)
    .filter((service) => !USED_ENDPOINTS.includes(service))
    .map((service) =>
      diagnostic(
        DiagnosticSeverity.WARNING,
        "Endpoint not used",
        `endpoints["${service}"] is not used: this provider calls only ModelArts (endpoints["modelarts"]) and IAM (auth_url).`,
        ["endpoints"],
      ),
    );
}

/** The provider's state between RPCs: the provider block, once configured. */
export class TerraformProvider implements ServedMethods {
  private providerBlock: CtyObject | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly log: Logger = providerLog(env),
  ) {}

  async GetMetadata(): Promise<ResponseOf<"GetMetadata">> {
    return {
      serverCapabilities: CAPABILITIES,
      dataSources: Object.keys(DATA_SOURCES).map((typeName) => ({ typeName })),
      diagnostics: [],
    };
  }

  async GetProviderSchema(): Promise<ResponseOf<"GetProviderSchema">> {
    return {
      provider: protoSchema(PROVIDER_BLOCK),
      dataSourceSchemas: Object.fromEntries(
        Object.entries(DATA_SOURCES).map(([name, block]) => [name, protoSchema(block)]),
      ),
      resourceSchemas: {},
      serverCapabilities: CAPABILITIES,
      diagnostics: [],
    };
  }

  async ValidateProviderConfig(
    request: RequestOf<"ValidateProviderConfig">,
  ): Promise<ResponseOf<"ValidateProviderConfig">> {
    return {
      diagnostics: await this.check(PROVIDER, request.config, (block) => [
        ...settingDiagnostics(block),
        ...providerWarnings(block),
      ]),
    };
  }

  async ConfigureProvider(request: RequestOf<"ConfigureProvider">): Promise<ResponseOf<"ConfigureProvider">> {
    const diagnostics = await this.check(PROVIDER, request.config, (block) => {
      // Every value the description marks secret (sensitive in the schema), whatever its name.
      registerSecrets(...sensitiveValues(block));
      const refused = settingDiagnostics(block);
      if (refused.length === 0) this.providerBlock = block;
      return refused;
    });
    return { diagnostics };
  }

  async ValidateDataResourceConfig(
    request: RequestOf<"ValidateDataResourceConfig">,
  ): Promise<ResponseOf<"ValidateDataResourceConfig">> {
    const { typeName = "", config } = request;
    const diagnostics = await this.check(typeName, config, (block) => {
      // Unknown arguments are left out: Terraform reads the data source once they are known.
      parseQueryArgs(queryArguments(block), typeName);
    });
    return { diagnostics };
  }

  async ReadDataSource(request: RequestOf<"ReadDataSource">): Promise<ResponseOf<"ReadDataSource">> {
    let state: CtyObject | undefined;
    const { logger, warnings } = warningCollector(this.log);
    const { typeName = "", config } = request;
    const failures = await this.check(typeName, config, async (block) => {
      state = await this.read(typeName, block, logger);
    });
    // The lookup's warnings (a profile file others can read) as Terraform shows them.
    const diagnostics = [
      ...warnings.map((w) =>
        diagnostic(DiagnosticSeverity.WARNING, "Warning from the modelarts provider", w),
      ),
      ...failures,
    ];
    if (state === undefined) return { diagnostics };
    const type = blockType(DATA_SOURCES[typeName]!);
    return { state: { msgpack: encodeCty(type, state) }, diagnostics };
  }

  /** Terraform is stopping (Ctrl-C): the reads in flight end now, each with a diagnostic. */
  async StopProvider(): Promise<ResponseOf<"StopProvider">> {
    this.stopping.abort();
    return { Error: "" };
  }

  /**
   * Decodes a configuration (the provider block's, or a data source's by type name) and runs `run`
   * on it; a failure anywhere becomes diagnostics, pointing at the argument when it is one.
   */
  private async check(
    typeName: string,
    value: DynamicValue | null | undefined,
    run: (config: CtyObject) => Promise<void> | Diagnostic[] | void,
  ): Promise<Diagnostic[]> {
    let config: CtyObject = {};
    try {
      config = decodeBlock(typeName === PROVIDER ? PROVIDER_BLOCK : dataSource(typeName), value);
      return (await run(config)) ?? [];
    } catch (error) {
      return errorDiagnostics(error, config);
    }
  }

  /** Runs the lookup of a data source and builds its state. */
  private async read(typeName: string, config: CtyObject, logger: Logger): Promise<CtyObject> {
    if (holdsUnknown(config))
      throw new ModelArtsProtocolError(`${typeName} was asked to read with values not known yet`);
    const provider = this.providerBlock;
    if (provider === undefined)
      throw new ModelArtsProtocolError("ReadDataSource came before ConfigureProvider");
    if (holdsUnknown(provider)) {
      throw new ModelArtsConfigError(
        "The provider block holds values not known until apply (from resources not created yet): the data sources can read only once they are known. Give the provider known values, or the HW_* environment variables.",
      );
    }
    const args = queryArguments(config);
    const deps = {
      config: providerConfigGetter(provider),
      env: this.env,
      signal: this.stopping.signal,
      logger,
    };
    const { query, settings, result } = await runLookupWithSettings(args, typeName, deps);
    // An argument the provider defaults (the region) shows the value used.
    const chosen = settings as unknown as Readonly<Record<string, CtyValue | undefined>>;
    const used: CtyObject = Object.fromEntries(
      PROVIDER_DEFAULTED.map(({ key, name }) => [name, config[name] ?? chosen[key] ?? null]),
    );
    if (typeName === "modelarts_visualization_job") {
      return { ...config, ...used, ...jobObject(exactlyOneJob(result, args, typeName)) };
    }
    return {
      ...config,
      ...used,
      id: createHash("sha256").update(JSON.stringify(query)).digest("hex").slice(0, 32),
      ...resultObject(result),
    };
  }
}
