/**
 * The provider as one CommonJS script, which is what a single executable application runs: inside
 * the executable, `require` reaches Node's built-in modules only, so every dependency is bundled.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { NODE_VERSION } from "./platforms";

/**
 * Packages the bundle must not hold. @pulumi/pulumi's program runtime loads both at start (for
 * closure serialization), and a provider uses neither: the entry point imports only
 * `@pulumi/pulumi/provider`, and this list keeps it that way.
 */
const UNWANTED = ["node_modules/typescript/", "node_modules/@npmcli/arborist/"];

/** A bundle written to disk. */
export interface Bundle {
  readonly path: string;
  readonly sha256: string;
}

/** Bundles `plugin/main.ts` of the repository at `repo` into `outFile`. */
export function bundleProvider(repo: string, outFile: string): Bundle {
  const result = buildSync({
    entryPoints: [join(repo, "plugin", "main.ts")],
    outfile: outFile,
    absWorkingDir: repo,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${NODE_VERSION.split(".")[0]}`,
    // Smaller and faster to parse at each start; names are kept so that errors still read.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    define: { MODELARTS_STANDALONE: "true" },
    metafile: true,
    logLevel: "error",
    // Module paths are recorded as the repository sees them (node_modules/...), not where a linked
    // node_modules really lives: otherwise the bundle, and every archive, would name the build's folders.
    preserveSymlinks: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const unwanted = inputs.filter((input) => UNWANTED.some((name) => input.includes(name)));
  if (unwanted.length > 0) {
    throw new Error(`the provider bundle must not hold ${unwanted.slice(0, 3).join(", ")}`);
  }
  const sha256 = createHash("sha256").update(readFileSync(outFile)).digest("hex");
  return { path: outFile, sha256 };
}
