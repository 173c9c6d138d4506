/**
 * The error of a Terraform protocol message that cannot be read: a malformed DynamicValue, a value of
 * the wrong type for the schema, a request for a data source this provider does not have. It becomes
 * an error diagnostic naming what was wrong, never a crash of the provider.
 */

/** A protocol message this provider cannot read, and why. */
export class TerraformProtocolError extends Error {
  override readonly name = "TerraformProtocolError";
}
