/**
 * Agency chains against the emulator over real sockets: `huaweicloud:assumeRole` as a list, each hop
 * assumed with the keys of the one before (an agency named by its domain's name through IAM, one
 * named by its domain's id through STS), the lookup listing with the last hop's keys; the chain's
 * keys shared while fresh; a refused hop named with its agency and domain; a chain of none or of too
 * many refused before any request.
 */
import { demoJobs } from "../../emulator";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { ModelArtsApiError, ModelArtsConfigError } from "../../provider/support/errors";
import { TemporaryKeyCache } from "../../provider/transport/temporaryKeys";
import { failure } from "../support/failure";
import { lookup, useEmulator } from "./helpers";

const emulator = useEmulator({
  jobs: demoJobs(),
  agencies: [
    { agencyName: "ci-hop", domainName: "ci-account", domainId: "ci-domain" },
    { agencyName: "modelarts-reader", domainName: "data-account", domainId: "data-domain" },
  ],
});

/** A lookup with `huaweicloud:assumeRole` set to the chain, and the emulator's base keys. */
function chained(hops: unknown, cache = new TemporaryKeyCache()) {
  const config = (key: string) => (key === "huaweicloud:assumeRole" ? JSON.stringify(hops) : undefined);
  return lookup(emulator(), {}, { env: emulator().env, config, temporaryKeys: cache });
}

const TWO_HOPS = [
  { agencyName: "ci-hop", domainName: "ci-account" },
  { agencyName: "modelarts-reader", domainId: "data-domain", durationSeconds: 1800 },
];

it("a two-hop chain: the first through IAM with the base keys, the second through STS with the first's keys", async () => {
  const cache = new TemporaryKeyCache();
  expect((await chained(TWO_HOPS, cache)).ids).toHaveLength(30);
  const [first, second] = emulator().issuedKeys();
  expect([first!.issuedFor, second!.issuedFor]).toEqual([
    "ci-hop@ci-account",
    "modelarts-reader@data-account",
  ]);
  const posts = emulator().requests.filter((r) => r.method === "POST");
  expect(posts.map((r) => [r.path, r.accessKey])).toEqual([
    ["/v3.0/OS-CREDENTIAL/securitytokens", emulator().settings.accessKey],
    ["/v5/agencies/assume", first!.accessKey],
  ]);
  expect(
    emulator()
      .listRequests()
      .every((r) => r.accessKey === second!.accessKey),
  ).toBe(true);
  // The chain's keys are shared while fresh: no hop is assumed again.
  await chained(TWO_HOPS, cache);
  expect(emulator().issuedKeys()).toHaveLength(2);
});

it("one object is still one hop", async () => {
  expect((await chained({ agencyName: "ci-hop", domainName: "ci-account" })).ids).toHaveLength(30);
  expect(
    emulator()
      .issuedKeys()
      .map((k) => k.issuedFor),
  ).toEqual(["ci-hop@ci-account"]);
});

it("a refused hop is named, with its agency and domain and the keys that asked, and nothing is listed", async () => {
  const error = await failure(
    chained([TWO_HOPS[0], { agencyName: "admin", domainId: "data-domain" }]),
    ModelArtsApiError,
  );
  expect(error.message).toContain(
    'agency "admin" of domain id data-domain (hop 2 of 2, with the keys of hop 1) was refused',
  );
  expect(error.message).toContain("STS.0003");
  expect(emulator().listRequests()).toEqual([]);
});

it("a chain of none or of more than 8, or a hop without its domain, is refused before any request", async () => {
  const none = await failure(chained([]), ModelArtsConfigError);
  expect(none.message).toContain("stack config huaweicloud:assumeRole must list 1 to 8 agencies");
  const many = await failure(chained(Array(9).fill(TWO_HOPS[0])), ModelArtsConfigError);
  expect(many.message).toContain("got 9");
  const noDomain = await failure(chained([TWO_HOPS[0], { agencyName: "x" }]), ModelArtsConfigError);
  expect(noDomain.message).toContain(
    'The agency "x" from stack config huaweicloud:assumeRole[1] needs the domain',
  );
  expect(emulator().requests).toEqual([]);
});

it("the plugin's modelarts:assumeRole list with modelarts:stsEndpoint, and no environment at all", async () => {
  const s = emulator().settings;
  const config = {
    region: s.region,
    projectId: s.projectId,
    accessKey: s.accessKey,
    secretKey: s.secretKey,
    endpoint: s.endpoint,
    authUrl: s.authUrl,
    stsEndpoint: s.stsEndpoint,
    assumeRole: TWO_HOPS,
  };
  const found = await new ModelArtsProvider("0.1.0", () => config, {}).invoke(
    TOKENS.getVisualizationJobs,
    {},
  );
  expect(found.failures ?? []).toEqual([]);
  expect((found.outputs.ids as number[]).length).toBe(30);
  expect(
    emulator()
      .requests.filter((r) => r.method === "POST")
      .map((r) => r.path),
  ).toEqual(["/v3.0/OS-CREDENTIAL/securitytokens", "/v5/agencies/assume"]);
});
