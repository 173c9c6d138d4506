/**
 * Looks up exactly one visualization job by its exact name and feeds its service URL into a probe
 * resource. A name that matches nothing (or several jobs) fails the update with an error that names
 * the filters: try `pulumi config set jobName no-such-job`.
 */
import * as pulumi from "@pulumi/pulumi";
import { getVisualizationJob } from "pulumi-modelarts";
import { ServiceProbe } from "./probe";

export = async () => {
  const config = new pulumi.Config();
  // The Promise form: a name that matches nothing fails the program itself, before any resource.
  const job = await getVisualizationJob({
    name: config.get("jobName") ?? "vision-vit-b16-tb",
    status: "RUNNING",
  });
  const probe = new ServiceProbe("tensorboard-probe", { url: job.serviceUrl });
  return {
    jobId: job.jobId,
    jobName: job.jobName,
    serviceUrl: job.serviceUrl,
    httpStatus: probe.httpStatus,
    pageTitle: probe.title,
  };
};
