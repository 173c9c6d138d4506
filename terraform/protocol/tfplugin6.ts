/**
 * The messages of the Terraform plugin protocol (tfplugin6), generated from tfplugin6.proto by
 * `npm run generate` (generate/protocolTypes.ts). Do not edit.
 */

/**
 * DynamicValue is an opaque encoding of terraform data, with the field name
 * indicating the encoding scheme used.
 */
export interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

export interface Diagnostic {
  severity?: DiagnosticSeverity;
  summary?: string;
  detail?: string;
  attribute?: AttributePath | null;
}

export const DiagnosticSeverity = {
  INVALID: 0,
  ERROR: 1,
  WARNING: 2,
} as const;
/** One of {@link DiagnosticSeverity}'s values. */
export type DiagnosticSeverity = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

export interface FunctionError {
  text?: string;
  /**
   * The optional function_argument records the index position of the
   * argument which caused the error.
   */
  functionArgument?: number;
}

export interface AttributePath {
  steps?: AttributePathStep[];
}

export interface AttributePathStep {
  /**
   * Set "attribute_name" to represent looking up an attribute
   * in the current object value.
   */
  attributeName?: string;
  /**
   * Set "element_key_*" to represent looking up an element in
   * an indexable collection type.
   */
  elementKeyString?: string;
  elementKeyInt?: number;
}

export type StopProvider = Record<string, never>;

export type StopProviderRequest = Record<string, never>;

export interface StopProviderResponse {
  Error?: string;
}

/**
 * RawState holds the stored state for a resource to be upgraded by the
 * provider. It can be in one of two formats, the current json encoded format
 * in bytes, or the legacy flatmap format as a map of strings.
 */
export interface RawState {
  json?: Buffer;
  flatmap?: Record<string, string>;
}

export const StringKind = {
  PLAIN: 0,
  MARKDOWN: 1,
} as const;
/** One of {@link StringKind}'s values. */
export type StringKind = (typeof StringKind)[keyof typeof StringKind];

/**
 * Schema is the configuration schema for a Resource or Provider.
 */
export interface Schema {
  /**
   * The version of the schema.
   * Schemas are versioned, so that providers can upgrade a saved resource
   * state when the schema is changed.
   */
  version?: number;
  /**
   * Block is the top level configuration block for this schema.
   */
  block?: SchemaBlock | null;
}

export interface SchemaBlock {
  version?: number;
  attributes?: SchemaAttribute[];
  blockTypes?: SchemaNestedBlock[];
  description?: string;
  descriptionKind?: StringKind;
  deprecated?: boolean;
  deprecationMessage?: string;
}

export interface SchemaAttribute {
  name?: string;
  type?: Buffer;
  nestedType?: SchemaObject | null;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  descriptionKind?: StringKind;
  deprecated?: boolean;
  /**
   * write_only indicates that the attribute value will be provided via
   * configuration and must be omitted from state. write_only must be
   * combined with optional or required, and is only valid for managed
   * resource schemas.
   */
  writeOnly?: boolean;
  deprecationMessage?: string;
}

export interface SchemaNestedBlock {
  typeName?: string;
  block?: SchemaBlock | null;
  nesting?: SchemaNestedBlockNestingMode;
  minItems?: number;
  maxItems?: number;
}

export const SchemaNestedBlockNestingMode = {
  INVALID: 0,
  SINGLE: 1,
  LIST: 2,
  SET: 3,
  MAP: 4,
  GROUP: 5,
} as const;
/** One of {@link SchemaNestedBlockNestingMode}'s values. */
export type SchemaNestedBlockNestingMode =
  (typeof SchemaNestedBlockNestingMode)[keyof typeof SchemaNestedBlockNestingMode];

export interface SchemaObject {
  attributes?: SchemaAttribute[];
  nesting?: SchemaObjectNestingMode;
  /**
   * MinItems and MaxItems were never used in the protocol, and have no
   * effect on validation.
   */
  minItems?: number;
  maxItems?: number;
}

export const SchemaObjectNestingMode = {
  INVALID: 0,
  SINGLE: 1,
  LIST: 2,
  SET: 3,
  MAP: 4,
} as const;
/** One of {@link SchemaObjectNestingMode}'s values. */
export type SchemaObjectNestingMode = (typeof SchemaObjectNestingMode)[keyof typeof SchemaObjectNestingMode];

/**
 * ResourceIdentitySchema represents the structure and types of data used to identify
 * a managed resource type. Effectively, resource identity is a versioned object
 * that can be used to compare resources, whether already managed and/or being
 * discovered.
 */
export interface ResourceIdentitySchema {
  /**
   * version is the identity version and separate from the Schema version.
   * Any time the structure or format of identity_attributes changes, this version
   * should be incremented. Versioning implicitly starts at 0 and by convention
   * should be incremented by 1 each change.
   *
   * When comparing identity_attributes data, differing versions should always be treated
   * as inequal.
   */
  version?: number;
  /**
   * identity_attributes are the individual value definitions which define identity data
   * for a managed resource type. This information is used to decode DynamicValue of
   * identity data.
   *
   * These attributes are intended for permanent identity data and must be wholly
   * representative of all data necessary to compare two managed resource instances
   * with no other data. This generally should include account, endpoint, location,
   * and automatically generated identifiers. For some resources, this may include
   * configuration-based data, such as a required name which must be unique.
   */
  identityAttributes?: ResourceIdentitySchemaIdentityAttribute[];
}

/**
 * IdentityAttribute represents one value of data within resource identity.
 * These are always used in resource identity comparisons.
 */
export interface ResourceIdentitySchemaIdentityAttribute {
  /**
   * name is the identity attribute name
   */
  name?: string;
  /**
   * type is the identity attribute type
   */
  type?: Buffer;
  /**
   * required_for_import when enabled signifies that this attribute must be
   * defined for ImportResourceState to complete successfully
   */
  requiredForImport?: boolean;
  /**
   * optional_for_import when enabled signifies that this attribute is not
   * required for ImportResourceState, because it can be supplied by the
   * provider. It is still possible to supply this attribute during import.
   */
  optionalForImport?: boolean;
  /**
   * description is a human-readable description of the attribute in Markdown
   */
  description?: string;
}

/**
 * ResourceIdentityData is a separate message for better extensibility
 */
export interface ResourceIdentityData {
  /**
   * identity_data is the resource identity data for the given definition. It should
   * be decoded using the identity schema.
   *
   * This data is considered permanent for the identity version and suitable for
   * longer-term storage.
   */
  identityData?: DynamicValue | null;
}

export interface Function {
  /**
   * parameters is the ordered list of positional function parameters.
   */
  parameters?: FunctionParameter[];
  /**
   * variadic_parameter is an optional final parameter which accepts
   * zero or more argument values, in which Terraform will send an
   * ordered list of the parameter type.
   */
  variadicParameter?: FunctionParameter | null;
  /**
   * return is the function result.
   */
  return?: FunctionReturn | null;
  /**
   * summary is the human-readable shortened documentation for the function.
   */
  summary?: string;
  /**
   * description is human-readable documentation for the function.
   */
  description?: string;
  /**
   * description_kind is the formatting of the description.
   */
  descriptionKind?: StringKind;
  /**
   * deprecation_message is human-readable documentation if the
   * function is deprecated.
   */
  deprecationMessage?: string;
}

export interface FunctionParameter {
  /**
   * name is the human-readable display name for the parameter.
   */
  name?: string;
  /**
   * type is the type constraint for the parameter.
   */
  type?: Buffer;
  /**
   * allow_null_value when enabled denotes that a null argument value can
   * be passed to the provider. When disabled, Terraform returns an error
   * if the argument value is null.
   */
  allowNullValue?: boolean;
  /**
   * allow_unknown_values when enabled denotes that only wholly known
   * argument values will be passed to the provider. When disabled,
   * Terraform skips the function call entirely and assumes an unknown
   * value result from the function.
   */
  allowUnknownValues?: boolean;
  /**
   * description is human-readable documentation for the parameter.
   */
  description?: string;
  /**
   * description_kind is the formatting of the description.
   */
  descriptionKind?: StringKind;
}

export interface FunctionReturn {
  /**
   * type is the type constraint for the function result.
   */
  type?: Buffer;
}

export interface ActionSchema {
  /**
   * of the action itself
   */
  schema?: Schema | null;
}

/**
 * ServerCapabilities allows providers to communicate extra information
 * regarding supported protocol features. This is used to indicate
 * availability of certain forward-compatible changes which may be optional
 * in a major protocol version, but cannot be tested for directly.
 */
export interface ServerCapabilities {
  /**
   * The plan_destroy capability signals that a provider expects a call
   * to PlanResourceChange when a resource is going to be destroyed.
   */
  planDestroy?: boolean;
  /**
   * The get_provider_schema_optional capability indicates that this
   * provider does not require calling GetProviderSchema to operate
   * normally, and the caller can used a cached copy of the provider's
   * schema.
   */
  getProviderSchemaOptional?: boolean;
  /**
   * The move_resource_state capability signals that a provider supports the
   * MoveResourceState RPC.
   */
  moveResourceState?: boolean;
  /**
   * The generate_resource_config capability signals that a provider supports
   * GenerateResourceConfig.
   */
  generateResourceConfig?: boolean;
}

/**
 * ClientCapabilities allows Terraform to publish information regarding
 * supported protocol features. This is used to indicate availability of
 * certain forward-compatible changes which may be optional in a major
 * protocol version, but cannot be tested for directly.
 */
export interface ClientCapabilities {
  /**
   * The deferral_allowed capability signals that the client is able to
   * handle deferred responses from the provider.
   */
  deferralAllowed?: boolean;
  /**
   * The write_only_attributes_allowed capability signals that the client
   * is able to handle write_only attributes for managed resources.
   */
  writeOnlyAttributesAllowed?: boolean;
}

/**
 * Deferred is a message that indicates that change is deferred for a reason.
 */
export interface Deferred {
  /**
   * reason is the reason for deferring the change.
   */
  reason?: DeferredReason;
}

/**
 * Reason is the reason for deferring the change.
 */
export const DeferredReason = {
  UNKNOWN: 0,
  RESOURCE_CONFIG_UNKNOWN: 1,
  PROVIDER_CONFIG_UNKNOWN: 2,
  ABSENT_PREREQ: 3,
} as const;
/** One of {@link DeferredReason}'s values. */
export type DeferredReason = (typeof DeferredReason)[keyof typeof DeferredReason];

export type GetMetadata = Record<string, never>;

export type GetMetadataRequest = Record<string, never>;

export interface GetMetadataResponse {
  serverCapabilities?: ServerCapabilities | null;
  diagnostics?: Diagnostic[];
  dataSources?: GetMetadataDataSourceMetadata[];
  resources?: GetMetadataResourceMetadata[];
  /**
   * functions returns metadata for any functions.
   */
  functions?: GetMetadataFunctionMetadata[];
  ephemeralResources?: GetMetadataEphemeralResourceMetadata[];
  listResources?: GetMetadataListResourceMetadata[];
  stateStores?: GetMetadataStateStoreMetadata[];
  actions?: GetMetadataActionMetadata[];
}

export interface GetMetadataFunctionMetadata {
  /**
   * name is the function name.
   */
  name?: string;
}

export interface GetMetadataDataSourceMetadata {
  typeName?: string;
}

export interface GetMetadataResourceMetadata {
  typeName?: string;
}

export interface GetMetadataEphemeralResourceMetadata {
  typeName?: string;
}

export interface GetMetadataListResourceMetadata {
  typeName?: string;
}

export interface GetMetadataStateStoreMetadata {
  typeName?: string;
}

export interface GetMetadataActionMetadata {
  typeName?: string;
}

export type GetProviderSchema = Record<string, never>;

export type GetProviderSchemaRequest = Record<string, never>;

export interface GetProviderSchemaResponse {
  provider?: Schema | null;
  resourceSchemas?: Record<string, Schema>;
  dataSourceSchemas?: Record<string, Schema>;
  diagnostics?: Diagnostic[];
  providerMeta?: Schema | null;
  serverCapabilities?: ServerCapabilities | null;
  /**
   * functions is a mapping of function names to definitions.
   */
  functions?: Record<string, Function>;
  ephemeralResourceSchemas?: Record<string, Schema>;
  listResourceSchemas?: Record<string, Schema>;
  stateStoreSchemas?: Record<string, Schema>;
  actionSchemas?: Record<string, ActionSchema>;
}

export type ValidateProviderConfig = Record<string, never>;

export interface ValidateProviderConfigRequest {
  config?: DynamicValue | null;
}

export interface ValidateProviderConfigResponse {
  diagnostics?: Diagnostic[];
}

export type UpgradeResourceState = Record<string, never>;

/**
 * Request is the message that is sent to the provider during the
 * UpgradeResourceState RPC.
 *
 * This message intentionally does not include configuration data as any
 * configuration-based or configuration-conditional changes should occur
 * during the PlanResourceChange RPC. Additionally, the configuration is
 * not guaranteed to exist (in the case of resource destruction), be wholly
 * known, nor match the given prior state, which could lead to unexpected
 * provider behaviors for practitioners.
 */
export interface UpgradeResourceStateRequest {
  typeName?: string;
  /**
   * version is the schema_version number recorded in the state file
   */
  version?: number;
  /**
   * raw_state is the raw states as stored for the resource.  Core does
   * not have access to the schema of prior_version, so it's the
   * provider's responsibility to interpret this value using the
   * appropriate older schema. The raw_state will be the json encoded
   * state, or a legacy flat-mapped format.
   */
  rawState?: RawState | null;
}

export interface UpgradeResourceStateResponse {
  /**
   * new_state is a msgpack-encoded data structure that, when interpreted with
   * the _current_ schema for this resource type, is functionally equivalent to
   * that which was given in prior_state_raw.
   */
  upgradedState?: DynamicValue | null;
  /**
   * diagnostics describes any errors encountered during migration that could not
   * be safely resolved, and warnings about any possibly-risky assumptions made
   * in the upgrade process.
   */
  diagnostics?: Diagnostic[];
}

export type ValidateResourceConfig = Record<string, never>;

export interface ValidateResourceConfigRequest {
  typeName?: string;
  config?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface ValidateResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export type ValidateDataResourceConfig = Record<string, never>;

export interface ValidateDataResourceConfigRequest {
  typeName?: string;
  config?: DynamicValue | null;
}

export interface ValidateDataResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export type ConfigureProvider = Record<string, never>;

export interface ConfigureProviderRequest {
  terraformVersion?: string;
  config?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface ConfigureProviderResponse {
  diagnostics?: Diagnostic[];
}

export type ReadResource = Record<string, never>;

/**
 * Request is the message that is sent to the provider during the
 * ReadResource RPC.
 *
 * This message intentionally does not include configuration data as any
 * configuration-based or configuration-conditional changes should occur
 * during the PlanResourceChange RPC. Additionally, the configuration is
 * not guaranteed to be wholly known nor match the given prior state, which
 * could lead to unexpected provider behaviors for practitioners.
 */
export interface ReadResourceRequest {
  typeName?: string;
  currentState?: DynamicValue | null;
  private?: Buffer;
  providerMeta?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
  currentIdentity?: ResourceIdentityData | null;
}

export interface ReadResourceResponse {
  newState?: DynamicValue | null;
  diagnostics?: Diagnostic[];
  private?: Buffer;
  /**
   * deferred is set if the provider is deferring the change. If set the caller
   * needs to handle the deferral.
   */
  deferred?: Deferred | null;
  newIdentity?: ResourceIdentityData | null;
}

export type PlanResourceChange = Record<string, never>;

export interface PlanResourceChangeRequest {
  typeName?: string;
  priorState?: DynamicValue | null;
  proposedNewState?: DynamicValue | null;
  config?: DynamicValue | null;
  priorPrivate?: Buffer;
  providerMeta?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
  priorIdentity?: ResourceIdentityData | null;
}

export interface PlanResourceChangeResponse {
  plannedState?: DynamicValue | null;
  requiresReplace?: AttributePath[];
  plannedPrivate?: Buffer;
  diagnostics?: Diagnostic[];
  /**
   * This may be set only by the helper/schema "SDK" in the main Terraform
   * repository, to request that Terraform Core >=0.12 permit additional
   * inconsistencies that can result from the legacy SDK type system
   * and its imprecise mapping to the >=0.12 type system.
   * The change in behavior implied by this flag makes sense only for the
   * specific details of the legacy SDK type system, and are not a general
   * mechanism to avoid proper type handling in providers.
   *
   * ====              DO NOT USE THIS              ====
   * ==== THIS MUST BE LEFT UNSET IN ALL OTHER SDKS ====
   * ====              DO NOT USE THIS              ====
   */
  legacyTypeSystem?: boolean;
  /**
   * deferred is set if the provider is deferring the change. If set the caller
   * needs to handle the deferral.
   */
  deferred?: Deferred | null;
  plannedIdentity?: ResourceIdentityData | null;
}

export type ApplyResourceChange = Record<string, never>;

export interface ApplyResourceChangeRequest {
  typeName?: string;
  priorState?: DynamicValue | null;
  plannedState?: DynamicValue | null;
  config?: DynamicValue | null;
  plannedPrivate?: Buffer;
  providerMeta?: DynamicValue | null;
  plannedIdentity?: ResourceIdentityData | null;
}

export interface ApplyResourceChangeResponse {
  newState?: DynamicValue | null;
  private?: Buffer;
  diagnostics?: Diagnostic[];
  /**
   * This may be set only by the helper/schema "SDK" in the main Terraform
   * repository, to request that Terraform Core >=0.12 permit additional
   * inconsistencies that can result from the legacy SDK type system
   * and its imprecise mapping to the >=0.12 type system.
   * The change in behavior implied by this flag makes sense only for the
   * specific details of the legacy SDK type system, and are not a general
   * mechanism to avoid proper type handling in providers.
   *
   * ====              DO NOT USE THIS              ====
   * ==== THIS MUST BE LEFT UNSET IN ALL OTHER SDKS ====
   * ====              DO NOT USE THIS              ====
   */
  legacyTypeSystem?: boolean;
  newIdentity?: ResourceIdentityData | null;
}

export type ImportResourceState = Record<string, never>;

export interface ImportResourceStateRequest {
  typeName?: string;
  id?: string;
  clientCapabilities?: ClientCapabilities | null;
  identity?: ResourceIdentityData | null;
}

export interface ImportResourceStateImportedResource {
  typeName?: string;
  state?: DynamicValue | null;
  private?: Buffer;
  identity?: ResourceIdentityData | null;
}

export interface ImportResourceStateResponse {
  importedResources?: ImportResourceStateImportedResource[];
  diagnostics?: Diagnostic[];
  /**
   * deferred is set if the provider is deferring the change. If set the caller
   * needs to handle the deferral.
   */
  deferred?: Deferred | null;
}

export type GenerateResourceConfig = Record<string, never>;

export interface GenerateResourceConfigRequest {
  typeName?: string;
  state?: DynamicValue | null;
}

export interface GenerateResourceConfigResponse {
  /**
   * config is the provided state modified such that it represents a valid resource configuration value.
   */
  config?: DynamicValue | null;
  diagnostics?: Diagnostic[];
}

export type MoveResourceState = Record<string, never>;

export interface MoveResourceStateRequest {
  /**
   * The address of the provider the resource is being moved from.
   */
  sourceProviderAddress?: string;
  /**
   * The resource type that the resource is being moved from.
   */
  sourceTypeName?: string;
  /**
   * The schema version of the resource type that the resource is being
   * moved from.
   */
  sourceSchemaVersion?: number;
  /**
   * The raw state of the resource being moved. Only the json field is
   * populated, as there should be no legacy providers using the flatmap
   * format that support newly introduced RPCs.
   */
  sourceState?: RawState | null;
  /**
   * The resource type that the resource is being moved to.
   */
  targetTypeName?: string;
  /**
   * The private state of the resource being moved.
   */
  sourcePrivate?: Buffer;
  /**
   * The raw identity of the resource being moved. Only the json field is
   * populated, as there should be no legacy providers using the flatmap
   * format that support newly introduced RPCs.
   */
  sourceIdentity?: RawState | null;
  /**
   * The identity schema version of the resource type that the resource
   * is being moved from.
   */
  sourceIdentitySchemaVersion?: number;
}

export interface MoveResourceStateResponse {
  /**
   * The state of the resource after it has been moved.
   */
  targetState?: DynamicValue | null;
  /**
   * Any diagnostics that occurred during the move.
   */
  diagnostics?: Diagnostic[];
  /**
   * The private state of the resource after it has been moved.
   */
  targetPrivate?: Buffer;
  targetIdentity?: ResourceIdentityData | null;
}

export type ReadDataSource = Record<string, never>;

export interface ReadDataSourceRequest {
  typeName?: string;
  config?: DynamicValue | null;
  providerMeta?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface ReadDataSourceResponse {
  state?: DynamicValue | null;
  diagnostics?: Diagnostic[];
  /**
   * deferred is set if the provider is deferring the change. If set the caller
   * needs to handle the deferral.
   */
  deferred?: Deferred | null;
}

export type GetFunctions = Record<string, never>;

export type GetFunctionsRequest = Record<string, never>;

export interface GetFunctionsResponse {
  /**
   * functions is a mapping of function names to definitions.
   */
  functions?: Record<string, Function>;
  /**
   * diagnostics is any warnings or errors.
   */
  diagnostics?: Diagnostic[];
}

export type CallFunction = Record<string, never>;

export interface CallFunctionRequest {
  /**
   * name is the name of the function being called.
   */
  name?: string;
  /**
   * arguments is the data of each function argument value.
   */
  arguments?: DynamicValue[];
}

export interface CallFunctionResponse {
  /**
   * result is result value after running the function logic.
   */
  result?: DynamicValue | null;
  /**
   * error is any error from the function logic.
   */
  error?: FunctionError | null;
}

export type ValidateEphemeralResourceConfig = Record<string, never>;

export interface ValidateEphemeralResourceConfigRequest {
  typeName?: string;
  config?: DynamicValue | null;
}

export interface ValidateEphemeralResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export type OpenEphemeralResource = Record<string, never>;

export interface OpenEphemeralResourceRequest {
  typeName?: string;
  config?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface OpenEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renewAt?: Timestamp | null;
  result?: DynamicValue | null;
  private?: Buffer;
  /**
   * deferred is set if the provider is deferring the change. If set the caller
   * needs to handle the deferral.
   */
  deferred?: Deferred | null;
}

export type RenewEphemeralResource = Record<string, never>;

export interface RenewEphemeralResourceRequest {
  typeName?: string;
  private?: Buffer;
}

export interface RenewEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renewAt?: Timestamp | null;
  private?: Buffer;
}

export type CloseEphemeralResource = Record<string, never>;

export interface CloseEphemeralResourceRequest {
  typeName?: string;
  private?: Buffer;
}

export interface CloseEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
}

/**
 * Returns resource identity schemas for all resources
 */
export type GetResourceIdentitySchemas = Record<string, never>;

export type GetResourceIdentitySchemasRequest = Record<string, never>;

export interface GetResourceIdentitySchemasResponse {
  /**
   * identity_schemas is a mapping of resource type names to their identity schemas.
   */
  identitySchemas?: Record<string, ResourceIdentitySchema>;
  /**
   * diagnostics is the collection of warning and error diagnostics for this request.
   */
  diagnostics?: Diagnostic[];
}

export type UpgradeResourceIdentity = Record<string, never>;

export interface UpgradeResourceIdentityRequest {
  /**
   * type_name is the managed resource type name
   */
  typeName?: string;
  /**
   * version is the version of the resource identity data to upgrade
   */
  version?: number;
  /**
   * raw_identity is the raw identity as stored for the resource. Core does
   * not have access to the identity schema of prior_version, so it's the
   * provider's responsibility to interpret this value using the
   * appropriate older schema. The raw_identity will be json encoded.
   */
  rawIdentity?: RawState | null;
}

export interface UpgradeResourceIdentityResponse {
  /**
   * upgraded_identity returns the upgraded resource identity data
   */
  upgradedIdentity?: ResourceIdentityData | null;
  /**
   * diagnostics is the collection of warning and error diagnostics for this request
   */
  diagnostics?: Diagnostic[];
}

export type ListResource = Record<string, never>;

export interface ListResourceRequest {
  /**
   * type_name is the list resource type name.
   */
  typeName?: string;
  /**
   * configuration is the list ConfigSchema-based configuration data.
   */
  config?: DynamicValue | null;
  /**
   * when include_resource_object is set to true, the provider should
   * include the full resource object for each result
   */
  includeResourceObject?: boolean;
  /**
   * The maximum number of results that Terraform is expecting.
   * The stream will stop, once this limit is reached.
   */
  limit?: number;
}

export interface ListResourceEvent {
  /**
   * identity is the resource identity data of the resource instance.
   */
  identity?: ResourceIdentityData | null;
  /**
   * display_name can be displayed in a UI to make it easier for humans to identify a resource
   */
  displayName?: string;
  /**
   * optional resource object which can be useful when combining list blocks in configuration
   */
  resourceObject?: DynamicValue | null;
  /**
   * A warning or error diagnostics for this event
   */
  diagnostic?: Diagnostic[];
}

export type ValidateListResourceConfig = Record<string, never>;

export interface ValidateListResourceConfigRequest {
  typeName?: string;
  config?: DynamicValue | null;
  includeResourceObject?: DynamicValue | null;
  limit?: DynamicValue | null;
}

export interface ValidateListResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export type ValidateActionConfig = Record<string, never>;

export interface ValidateActionConfigRequest {
  actionType?: string;
  config?: DynamicValue | null;
}

export interface ValidateActionConfigResponse {
  diagnostics?: Diagnostic[];
}

export type PlanAction = Record<string, never>;

export interface PlanActionRequest {
  actionType?: string;
  config?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface PlanActionResponse {
  diagnostics?: Diagnostic[];
  /**
   * metadata
   */
  deferred?: Deferred | null;
}

export type InvokeAction = Record<string, never>;

export interface InvokeActionRequest {
  actionType?: string;
  config?: DynamicValue | null;
  clientCapabilities?: ClientCapabilities | null;
}

export interface InvokeActionEvent {
  progress?: InvokeActionEventProgress | null;
  completed?: InvokeActionEventCompleted | null;
}

export interface InvokeActionEventProgress {
  /**
   * message to be printed in the console / HCPT
   */
  message?: string;
}

export interface InvokeActionEventCompleted {
  diagnostics?: Diagnostic[];
}

export type ValidateStateStoreConfig = Record<string, never>;

export interface ValidateStateStoreConfigRequest {
  typeName?: string;
  config?: DynamicValue | null;
}

export interface ValidateStateStoreConfigResponse {
  diagnostics?: Diagnostic[];
}

export type ConfigureStateStore = Record<string, never>;

export interface ConfigureStateStoreRequest {
  typeName?: string;
  config?: DynamicValue | null;
  capabilities?: StateStoreClientCapabilities | null;
}

export interface ConfigureStateStoreResponse {
  diagnostics?: Diagnostic[];
  capabilities?: StateStoreServerCapabilities | null;
}

export interface StateStoreClientCapabilities {
  /**
   * suggested chunk size by Core
   */
  chunkSize?: number;
}

export interface StateStoreServerCapabilities {
  /**
   * chosen chunk size by plugin
   */
  chunkSize?: number;
}

export type ReadStateBytes = Record<string, never>;

export interface ReadStateBytesRequest {
  typeName?: string;
  stateId?: string;
}

export interface ReadStateBytesResponseChunk {
  bytes?: Buffer;
  totalLength?: number;
  range?: StateByteRange | null;
  diagnostics?: Diagnostic[];
}

export type WriteStateBytes = Record<string, never>;

export interface WriteStateBytesRequestChunk {
  /**
   * meta is sent with the first chunk only
   */
  meta?: RequestChunkMeta | null;
  bytes?: Buffer;
  totalLength?: number;
  range?: StateByteRange | null;
}

export interface WriteStateBytesResponse {
  diagnostics?: Diagnostic[];
}

export interface RequestChunkMeta {
  typeName?: string;
  stateId?: string;
}

export interface StateByteRange {
  start?: number;
  end?: number;
}

export type LockState = Record<string, never>;

export interface LockStateRequest {
  typeName?: string;
  stateId?: string;
  /**
   * operation represents an ongoing operation due to which lock is held (e.g. refresh, plan, apply)
   */
  operation?: string;
}

export interface LockStateResponse {
  lockId?: string;
  diagnostics?: Diagnostic[];
}

export type UnlockState = Record<string, never>;

export interface UnlockStateRequest {
  typeName?: string;
  stateId?: string;
  lockId?: string;
}

export interface UnlockStateResponse {
  diagnostics?: Diagnostic[];
}

export type GetStates = Record<string, never>;

export interface GetStatesRequest {
  typeName?: string;
}

export interface GetStatesResponse {
  stateIds?: string[];
  diagnostics?: Diagnostic[];
}

export type DeleteState = Record<string, never>;

export interface DeleteStateRequest {
  typeName?: string;
  stateId?: string;
}

export interface DeleteStateResponse {
  diagnostics?: Diagnostic[];
}

export interface Timestamp {
  seconds?: number;
  nanos?: number;
}

/** The request and response of each `tfplugin6.Provider` method. */
export interface ProviderMethods {
  GetMetadata: { request: GetMetadataRequest; response: GetMetadataResponse };
  GetProviderSchema: { request: GetProviderSchemaRequest; response: GetProviderSchemaResponse };
  GetResourceIdentitySchemas: {
    request: GetResourceIdentitySchemasRequest;
    response: GetResourceIdentitySchemasResponse;
  };
  ValidateProviderConfig: {
    request: ValidateProviderConfigRequest;
    response: ValidateProviderConfigResponse;
  };
  ValidateResourceConfig: {
    request: ValidateResourceConfigRequest;
    response: ValidateResourceConfigResponse;
  };
  ValidateDataResourceConfig: {
    request: ValidateDataResourceConfigRequest;
    response: ValidateDataResourceConfigResponse;
  };
  UpgradeResourceState: { request: UpgradeResourceStateRequest; response: UpgradeResourceStateResponse };
  UpgradeResourceIdentity: {
    request: UpgradeResourceIdentityRequest;
    response: UpgradeResourceIdentityResponse;
  };
  ConfigureProvider: { request: ConfigureProviderRequest; response: ConfigureProviderResponse };
  ReadResource: { request: ReadResourceRequest; response: ReadResourceResponse };
  PlanResourceChange: { request: PlanResourceChangeRequest; response: PlanResourceChangeResponse };
  ApplyResourceChange: { request: ApplyResourceChangeRequest; response: ApplyResourceChangeResponse };
  ImportResourceState: { request: ImportResourceStateRequest; response: ImportResourceStateResponse };
  MoveResourceState: { request: MoveResourceStateRequest; response: MoveResourceStateResponse };
  ReadDataSource: { request: ReadDataSourceRequest; response: ReadDataSourceResponse };
  GenerateResourceConfig: {
    request: GenerateResourceConfigRequest;
    response: GenerateResourceConfigResponse;
  };
  ValidateEphemeralResourceConfig: {
    request: ValidateEphemeralResourceConfigRequest;
    response: ValidateEphemeralResourceConfigResponse;
  };
  OpenEphemeralResource: { request: OpenEphemeralResourceRequest; response: OpenEphemeralResourceResponse };
  RenewEphemeralResource: {
    request: RenewEphemeralResourceRequest;
    response: RenewEphemeralResourceResponse;
  };
  CloseEphemeralResource: {
    request: CloseEphemeralResourceRequest;
    response: CloseEphemeralResourceResponse;
  };
  ListResource: { request: ListResourceRequest; response: ListResourceEvent };
  ValidateListResourceConfig: {
    request: ValidateListResourceConfigRequest;
    response: ValidateListResourceConfigResponse;
  };
  GetFunctions: { request: GetFunctionsRequest; response: GetFunctionsResponse };
  CallFunction: { request: CallFunctionRequest; response: CallFunctionResponse };
  ValidateActionConfig: { request: ValidateActionConfigRequest; response: ValidateActionConfigResponse };
  PlanAction: { request: PlanActionRequest; response: PlanActionResponse };
  InvokeAction: { request: InvokeActionRequest; response: InvokeActionEvent };
  ValidateStateStoreConfig: {
    request: ValidateStateStoreConfigRequest;
    response: ValidateStateStoreConfigResponse;
  };
  ConfigureStateStore: { request: ConfigureStateStoreRequest; response: ConfigureStateStoreResponse };
  ReadStateBytes: { request: ReadStateBytesRequest; response: ReadStateBytesResponseChunk };
  WriteStateBytes: { request: WriteStateBytesRequestChunk; response: WriteStateBytesResponse };
  LockState: { request: LockStateRequest; response: LockStateResponse };
  UnlockState: { request: UnlockStateRequest; response: UnlockStateResponse };
  GetStates: { request: GetStatesRequest; response: GetStatesResponse };
  DeleteState: { request: DeleteStateRequest; response: DeleteStateResponse };
  StopProvider: { request: StopProviderRequest; response: StopProviderResponse };
}
