/**
 * Keeps a lookup in the stack's state with VisualizationJobsLookup: `pulumi refresh` runs it again,
 * so a job that stopped (or a new one that matches) shows as drift.
 */
import * as pulumi from "@pulumi/pulumi";
import { VisualizationJobsLookup } from "pulumi-modelarts";

export = async () => {
  const config = new pulumi.Config();
  const lookup = new VisualizationJobsLookup("running-tensorboards", {
    status: "RUNNING",
    nameRegex: config.get("nameRegex") ?? "^nlp-",
  });
  return {
    ids: lookup.ids,
    names: lookup.names,
    serviceUrls: lookup.serviceUrls,
    totalCount: lookup.totalCount,
    // Empty lists after an up; what changed after a `pulumi refresh` that found jobs changed.
    drift: lookup.drift,
  };
};
