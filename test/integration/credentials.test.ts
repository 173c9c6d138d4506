/**
 * Credentials as Huawei Cloud users hold them, against the emulator over real sockets: a KooCLI
 * profile (named file, KooCLI's own file, the profile's region and project), an agency assumed with
 * base keys (IAM's securitytokens call, keys shared and signed with their security token), and the
 * ECS metadata service (opt-in; never the real link-local address). Every message and log line is
 * searched for the keys.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoJobs } from "../../emulator";
import {
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsNetworkError,
} from "../../provider/support/errors";
import { TemporaryKeyCache } from "../../provider/transport/temporaryKeys";
import { failure } from "../support/failure";
import { fencedBlockAfter } from "../support/readme";
import { lookup, useEmulator } from "./helpers";

const emulator = useEmulator({ jobs: demoJobs() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "modelarts-credentials-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Where the emulator is, without any credential: a home with no KooCLI file. */
const place = () => {
  const { HW_MODELARTS_ENDPOINT, HW_AUTH_URL, HW_STS_ENDPOINT, HW_REGION_NAME, HW_PROJECT_ID } = emulator()
    .env as Record<string, string>;
  return {
    HW_MODELARTS_ENDPOINT,
    HW_AUTH_URL,
    HW_STS_ENDPOINT,
    HW_REGION_NAME,
    HW_PROJECT_ID,
    HOME: dir,
  } as Record<string, string>;
};
const keys = () => ({
  HW_ACCESS_KEY: emulator().settings.accessKey,
  HW_SECRET_KEY: emulator().settings.secretKey,
});

/** A KooCLI file with the emulator's keys in profile "work" (current) and others. */
function profileFile(path: string, extra: Record<string, unknown> = {}, mode = 0o600): string {
  const s = emulator().settings;
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({
      current: "work",
      profiles: [
        {
          name: "work",
          mode: "AKSK",
          accessKeyId: s.accessKey,
          secretAccessKey: s.secretKey,
          region: s.region,
          projectId: s.projectId,
          ...extra,
        },
        { name: "sso", mode: "SSO" },
        { name: "empty", mode: "AKSK", accessKeyId: "AK-ONLY" },
      ],
    }),
  );
  chmodSync(path, mode);
  return path;
}

/** A lookup with a fresh key cache, its log lines collected. */
async function logged(env: Record<string, string>, cache = new TemporaryKeyCache()) {
  const lines: string[] = [];
  const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARN ${m}`) };
  const result = await lookup(emulator(), { status: "RUNNING" }, { env, logger, temporaryKeys: cache });
  return { result, lines };
}

describe("a KooCLI profile", () => {
  it("from a named file gives the keys, and the region and project id where nothing else does", async () => {
    const file = profileFile(join(dir, "koo.json"));
    const { HW_MODELARTS_ENDPOINT = "", HW_AUTH_URL = "" } = place();
    const { result, lines } = await logged({
      HW_MODELARTS_ENDPOINT,
      HW_AUTH_URL,
      HOME: dir,
      HW_SHARED_CONFIG_FILE: file,
    });
    expect(result.ids).toHaveLength(13);
    expect(
      emulator()
        .listRequests()
        .every((r) => r.accessKey === emulator().settings.accessKey),
    ).toBe(true);
    expect(lines.join("\n")).not.toContain(emulator().settings.secretKey);
  });

  it("the credentials page's KooCLI file, with the emulator's keys and project in its placeholders, lists the jobs", async () => {
    const s = emulator().settings;
    const documented = fencedBlockAfter("docs/credentials.md", "<!-- run: koocli-file")
      .replace("<AK>", s.accessKey)
      .replace("<SK>", s.secretKey)
      .replace("<project id>", s.projectId)
      .replace('"cn-north-4"', JSON.stringify(s.region));
    const file = join(dir, "config.json");
    writeFileSync(file, documented, { mode: 0o600 });
    const { HW_MODELARTS_ENDPOINT = "", HW_AUTH_URL = "" } = place();
    const { result } = await logged({
      HW_MODELARTS_ENDPOINT,
      HW_AUTH_URL,
      HOME: dir,
      HW_SHARED_CONFIG_FILE: file,
    });
    expect(result.ids).toHaveLength(13);
  });

  it("KooCLI's own ~/.hcloud/config.json is used when no keys are set, and not when they are", async () => {
    profileFile(join(dir, ".hcloud", "config.json"));
    expect((await logged(place())).result.ids).toHaveLength(13);
    // Keys in the environment win: the file's (here useless) profile is not even read.
    profileFile(join(dir, ".hcloud", "config.json"), { secretAccessKey: "wrong-secret" });
    expect((await logged({ ...place(), ...keys() })).result.ids).toHaveLength(13);
  });

  it("names the file and the profile in every refusal, and never a key", async () => {
    const file = profileFile(join(dir, "koo.json"));
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ HW_SHARED_CONFIG_FILE: join(dir, "missing.json") }, /missing\.json cannot be read \(ENOENT\)/],
      [
        { HW_SHARED_CONFIG_FILE: file, HW_PROFILE: "home" },
        /has no profile "home"; it has "work", "sso", "empty"/,
      ],
      [
        { HW_SHARED_CONFIG_FILE: file, HW_PROFILE: "sso" },
        /Profile "sso" of .*koo\.json uses mode SSO; only AKSK/,
      ],
      [
        { HW_SHARED_CONFIG_FILE: file, HW_PROFILE: "empty" },
        /Profile "empty" of .*koo\.json has no secretAccessKey/,
      ],
      [{ HW_PROFILE: "work" }, /A profile \("work"\) is named, but no shared config file/],
    ];
    for (const [env, message] of cases) {
      const error = await failure(
        lookup(emulator(), {}, { env: { ...place(), ...env } }),
        ModelArtsConfigError,
      );
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(emulator().settings.secretKey);
    }
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const bad = await failure(
      lookup(emulator(), {}, { env: { ...place(), HW_SHARED_CONFIG_FILE: join(dir, "bad.json") } }),
      ModelArtsConfigError,
    );
    expect(bad.message).toMatch(/bad\.json is not a JSON object of KooCLI profiles/);
    expect(emulator().requests).toHaveLength(0);
  });

  it("warns, as ssh does, when others may read the file", async () => {
    const file = profileFile(join(dir, "koo.json"), {}, 0o644);
    const { lines } = await logged({ ...place(), HW_SHARED_CONFIG_FILE: file });
    expect(lines).toContain(
      `WARN The shared config file ${file} holds keys and can be read by others (mode 644): chmod 600 it.`,
    );
  });
});

describe("an agency (assume role)", () => {
  const agency = {
    HW_ASSUME_ROLE_AGENCY_NAME: "modelarts-reader",
    HW_ASSUME_ROLE_DOMAIN_NAME: "emulator-account",
  };

  it("lists with the agency's temporary keys, fetched once and shared until they near expiry", async () => {
    const cache = new TemporaryKeyCache();
    const { result, lines } = await logged({ ...place(), ...keys(), ...agency }, cache);
    expect(result.ids).toHaveLength(13);
    const [issued, ...more] = emulator().issuedKeys();
    expect(more).toHaveLength(0);
    expect(issued!.issuedFor).toBe("modelarts-reader@emulator-account");
    const lists = emulator().listRequests();
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.accessKey === issued!.accessKey)).toBe(true);
    await logged({ ...place(), ...keys(), ...agency }, cache);
    expect(emulator().issuedKeys()).toHaveLength(1);
    expect(emulator().requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(lines.join("\n")).not.toMatch(/emulator-security-token/);
  });

  it("takes huaweicloud:assumeRole from stack config, and a profile's agencyName", async () => {
    const config = (key: string) =>
      key === "huaweicloud:assumeRole"
        ? '{"agencyName": "modelarts-reader", "domainId": "emulator-domain", "durationSeconds": 3600}'
        : undefined;
    expect(
      (
        await lookup(
          emulator(),
          {},
          { env: { ...place(), ...keys() }, config, temporaryKeys: new TemporaryKeyCache() },
        )
      ).ids,
    ).toHaveLength(30);
    const file = profileFile(join(dir, "koo.json"), {
      agencyName: "modelarts-reader",
      agencyDomainName: "emulator-account",
    });
    await logged({ ...place(), HW_SHARED_CONFIG_FILE: file });
    expect(
      emulator()
        .issuedKeys()
        .map((k) => k.issuedFor),
    ).toEqual(["modelarts-reader@emulator-account", "modelarts-reader@emulator-account"]);
  });

  it("a refusal names the agency, the domain and IAM's code, is not retried, and lists nothing", async () => {
    const env = {
      ...place(),
      ...keys(),
      HW_ASSUME_ROLE_AGENCY_NAME: "admin",
      HW_ASSUME_ROLE_DOMAIN_NAME: "other-account",
    };
    const error = await failure(
      lookup(emulator(), {}, { env, temporaryKeys: new TemporaryKeyCache() }),
      ModelArtsApiError,
    );
    expect(error.message).toMatch(
      /^IAM POST \/v3\.0\/OS-CREDENTIAL\/securitytokens failed: HTTP 403 IAM\.0002 /,
    );
    expect(error.message).toContain(
      'Assuming the agency "admin" of domain "other-account" with the base keys was refused',
    );
    expect(emulator().requests.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 403"]);
    expect(error.message).not.toContain(emulator().settings.secretKey);
  });

  it("refuses an agency without a domain, and an assumeRole that is not an object, before any request", async () => {
    const noDomain = await failure(
      lookup(emulator(), {}, { env: { ...place(), ...keys(), HW_ASSUME_ROLE_AGENCY_NAME: "x" } }),
      ModelArtsConfigError,
    );
    expect(noDomain.message).toMatch(/agency "x" .* needs the domain that owns it/);
    const config = (key: string) => (key === "huaweicloud:assumeRole" ? '["x"]' : undefined);
    const notObject = await failure(
      lookup(emulator(), {}, { env: { ...place(), ...keys() }, config }),
      ModelArtsConfigError,
    );
    expect(notObject.message).toMatch(/stack config huaweicloud:assumeRole\[0\] must be an object/);
    expect(emulator().requests).toHaveLength(0);
  });
});

describe("ECS instance keys (metadata)", () => {
  it("when opted in, lists with the instance's temporary keys from the metadata service", async () => {
    const env = { ...place(), HW_ECS_METADATA: "true", HW_ECS_METADATA_URL: emulator().settings.metadataUrl };
    const { result, lines } = await logged(env);
    expect(result.ids).toHaveLength(13);
    const [issued] = emulator().issuedKeys();
    expect(issued!.issuedFor).toBe("ecs-instance");
    expect(
      emulator()
        .listRequests()
        .every((r) => r.accessKey === issued!.accessKey),
    ).toBe(true);
    expect(lines.join("\n")).not.toMatch(/emulator-security-token/);
  });

  it("takes the emulator's base URL as HW_ECS_METADATA_URL, asking the well-known path there", async () => {
    const env = { ...place(), HW_ECS_METADATA: "true", HW_ECS_METADATA_URL: emulator().url };
    const { result } = await logged(env);
    expect(result.ids).toHaveLength(13);
    expect(emulator().issuedKeys()[0]!.issuedFor).toBe("ecs-instance");
    // A path given is asked as it is, and the message names the whole URL it asked.
    const wrong = `${emulator().url}/latest/meta`;
    const error = await failure(
      lookup(
        emulator(),
        {},
        { env: { ...env, HW_ECS_METADATA_URL: wrong }, temporaryKeys: new TemporaryKeyCache() },
      ),
      ModelArtsNetworkError,
    );
    expect(error.message).toContain(`the metadata service at ${wrong} answered HTTP`);
  });

  it("when the metadata service does not answer, fails saying this is not an ECS instance", async () => {
    const env = {
      ...place(),
      HW_ECS_METADATA: "true",
      HW_ECS_METADATA_URL: "http://127.0.0.1:9/openstack/latest/securitykey",
    };
    const error = await failure(
      lookup(emulator(), {}, { env, temporaryKeys: new TemporaryKeyCache() }),
      ModelArtsNetworkError,
    );
    expect(error.message).toMatch(
      /No ECS instance keys: .* This machine is not an ECS instance, or its instance has no agency attached/,
    );
  });

  it("without the opt-in, a lookup with no credentials fails at once and never connects to 169.254.169.254", async () => {
    const connect = Socket.prototype.connect;
    const targets: string[] = [];
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      const options = args[0] as { host?: string } | number;
      targets.push(typeof options === "object" ? String(options.host) : String(args[1]));
      return (connect as (...a: unknown[]) => Socket).apply(this, args);
    } as typeof connect;
    try {
      const error = await failure(lookup(emulator(), {}, { env: place() }), ModelArtsConfigError);
      expect(error.message).toMatch(
        /^No credentials found\..*ECS instance keys \(off unless huaweicloud:ecsMetadata, HW_ECS_METADATA is true\)/,
      );
    } finally {
      Socket.prototype.connect = connect;
    }
    expect(targets.filter((t) => t.includes("169.254"))).toEqual([]);
    expect(emulator().requests).toHaveLength(0);
  });
});
