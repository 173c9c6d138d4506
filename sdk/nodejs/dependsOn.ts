/**
 * `dependsOn` for the Output-form functions, as generated invokes honour it since Pulumi 3.141: the
 * lookup waits for those resources, and during a preview in which one of them is not created yet
 * (its id unknown) the result is unknown and no request is sent.
 */
import * as pulumi from "@pulumi/pulumi";
import { ModelArtsValidationError, validationIssue } from "../../provider/support/errors";

type DependsOn = pulumi.InvokeOutputOptions["dependsOn"];

/**
 * An Output that resolves once every resource of `dependsOn` has been registered, and is unknown in a
 * preview while a custom resource among them has no id yet. Component resources count by their URN.
 */
export function dependencyGate(dependsOn: DependsOn | unknown, context: string): pulumi.Output<unknown> {
  if (dependsOn === undefined || dependsOn === null) return pulumi.output([]);
  if (Array.isArray(dependsOn)) return pulumi.all(dependsOn.map((d) => dependencyGate(d, context)));
  if (pulumi.Output.isInstance(dependsOn)) return dependsOn.apply((d) => dependencyGate(d, context));
  if (dependsOn instanceof Promise) return pulumi.output(dependsOn.then((d) => dependencyGate(d, context)));
  if (pulumi.CustomResource.isInstance(dependsOn)) return dependsOn.id;
  if (pulumi.Resource.isInstance(dependsOn)) return dependsOn.urn;
  throw new ModelArtsValidationError(context, [
    validationIssue("opts.dependsOn", ["must be a resource or a list of resources"]),
  ]);
}
