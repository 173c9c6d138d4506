/**
 * Looks up the running TensorBoard / MindInsight jobs of one team by name pattern and status,
 * exports their service URLs, and feeds them into a resource that uses them: a dashboard page whose
 * every link is checked when it is written.
 */
import * as pulumi from "@pulumi/pulumi";
import { getVisualizationJobsOutput } from "pulumi-modelarts";
import { TensorBoardDashboard } from "./dashboard";

export = async () => {
  const config = new pulumi.Config();
  const team = config.get("team") ?? "vision";
  const jobs = getVisualizationJobsOutput({ nameRegex: `^${team}-`, status: "RUNNING", sortBy: "job_name" });
  const dashboard = new TensorBoardDashboard("team-dashboard", {
    title: `${team} TensorBoards`,
    path: config.get("dashboardPath") ?? `${team}-tensorboards.html`,
    links: jobs.jobs.apply((list) => list.map((job) => ({ name: job.jobName, url: job.serviceUrl }))),
  });
  return {
    team,
    jobNames: jobs.names,
    serviceUrls: jobs.serviceUrls,
    dashboardPath: dashboard.path,
    reachable: dashboard.reachable,
  };
};
