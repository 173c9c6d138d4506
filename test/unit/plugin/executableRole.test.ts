/**
 * What the one executable becomes, from how it was started: the names and arguments a user, the
 * Pulumi engine, Terraform and the macOS launcher give it.
 */
import { roleOf, type Start } from "../../../plugin/executableRole";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../../terraform/handshake";

const plugin = (args: string[], env: NodeJS.ProcessEnv = {}): Start => ({
  env,
  args,
  paths: ["/home/u/.pulumi/plugins/resource-modelarts-v0.1.0/pulumi-resource-modelarts", ""],
});
const role = (start: Start) => roleOf(start, "0.1.0");

describe("the executable's role", () => {
  it("is the Pulumi plugin when the engine passes its address, after any flags", () => {
    expect(role(plugin(["127.0.0.1:40123"]))).toEqual({ kind: "pulumi", address: "127.0.0.1:40123" });
    expect(role(plugin(["-v=9", "--logtostderr", "--tracing", "http://t", "localhost:1"]))).toEqual({
      kind: "pulumi",
      address: "localhost:1",
    });
    expect(role(plugin(["[::1]:40123"]))).toMatchObject({ kind: "pulumi" });
  });

  it("says what it is, exit 2, for anything that is not an address; --help on stdout, --version", () => {
    for (const stray of [[], ["emulator"], ["jobs", "--status", "running"], ["8787"]]) {
      expect(role(plugin(stray))).toMatchObject({ kind: "usage", asked: false });
    }
    expect(role(plugin(["--help"]))).toMatchObject({ kind: "usage", asked: true });
    expect(role(plugin(["--version"]))).toEqual({ kind: "version" });
  });

  it("is the command line under the name pulumi-modelarts, also behind the macOS launcher", () => {
    expect(role({ env: {}, args: ["emulator"], paths: ["/usr/local/bin/pulumi-modelarts", ""] })).toEqual({
      kind: "commandLine",
    });
    expect(role({ env: {}, args: ["jobs"], paths: ["C:\\\\tools\\\\PULUMI-MODELARTS.EXE", ""] })).toEqual({
      kind: "commandLine",
    });
    const launcher = { MODELARTS_EXECUTABLE: "pulumi-modelarts" };
    expect(
      role({ env: launcher, args: ["emulator"], paths: ["/x/runtime/node", "/x/runtime/provider.js"] }),
    ).toEqual({
      kind: "commandLine",
    });
  });

  it("is Terraform's provider with Terraform's cookie; by hand under Terraform's name, Terraform's usage", () => {
    const cookie = { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE };
    expect(role({ ...plugin([]), env: cookie })).toEqual({ kind: "terraform" });
    const byHand = role({
      env: {},
      args: ["127.0.0.1:1"],
      paths: ["/m/terraform-provider-modelarts_v0.1.0", ""],
    });
    expect(byHand).toMatchObject({
      kind: "usage",
      asked: false,
      text: expect.stringContaining("Terraform and OpenTofu"),
    });
  });
});
