/**
 * A small dynamic resource that really uses the looked-up service URLs: it requests each one,
 * records whether it answers, and writes an HTML page of links. Its provider runs in Pulumi's
 * dynamic-provider host, so it requires what it needs when called.
 */
import * as pulumi from "@pulumi/pulumi";

/** One link of the dashboard. */
interface DashboardLink {
  name: string;
  url: string;
}

interface DashboardInputs {
  title: string;
  path: string;
  links: DashboardLink[];
}

const dashboardProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: DashboardInputs) {
    const fs = require("node:fs");
    const statuses: number[] = [];
    for (const link of inputs.links) {
      const response = await fetch(link.url, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      statuses.push(response?.status ?? 0);
      await response?.body?.cancel();
    }
    const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = inputs.links.map(
      (l, i) =>
        `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.name)}</a> (HTTP ${statuses[i] || "unreachable"})</li>`,
    );
    fs.writeFileSync(
      inputs.path,
      `<!doctype html><title>${escapeHtml(inputs.title)}</title><h1>${escapeHtml(inputs.title)}</h1><ul>${rows.join("")}</ul>\n`,
    );
    const reachable = statuses.filter((s) => s === 200).length;
    return { id: inputs.path, outs: { ...inputs, statuses, reachable } };
  },
  async update(_id: string, _olds: DashboardInputs, news: DashboardInputs) {
    const { outs } = await dashboardProvider.create(news);
    return { outs };
  },
  async delete(id: string) {
    require("node:fs").rmSync(id, { force: true });
  },
};

/** An HTML page of TensorBoard links, each checked when the page is written. */
export class TensorBoardDashboard extends pulumi.dynamic.Resource {
  declare readonly path: pulumi.Output<string>;
  /** How many of the links answered HTTP 200. */
  declare readonly reachable: pulumi.Output<number>;
  /** The HTTP status of each link (0 when it did not answer). */
  declare readonly statuses: pulumi.Output<number[]>;

  constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(dashboardProvider, name, { ...args, reachable: undefined, statuses: undefined }, opts);
  }
}
