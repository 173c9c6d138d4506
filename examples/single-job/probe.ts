/**
 * A small dynamic resource fed with one looked-up service URL: it requests the page and records
 * the HTTP status and the page title, so that the stack shows the TensorBoard really answers.
 */
import * as pulumi from "@pulumi/pulumi";

const probeProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { url: string }) {
    const response = await fetch(inputs.url, { signal: AbortSignal.timeout(10_000) });
    const html = await response.text();
    const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? "";
    return { id: inputs.url, outs: { url: inputs.url, httpStatus: response.status, title } };
  },
  async update(_id: string, _olds: { url: string }, news: { url: string }) {
    return { outs: (await probeProvider.create(news)).outs };
  },
};

/** Requests a URL once, when created or when the URL changes. */
export class ServiceProbe extends pulumi.dynamic.Resource {
  declare readonly httpStatus: pulumi.Output<number>;
  declare readonly title: pulumi.Output<string>;

  constructor(name: string, args: { url: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(probeProvider, name, { ...args, httpStatus: undefined, title: undefined }, opts);
  }
}
