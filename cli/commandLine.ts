/**
 * `pulumi-modelarts`, the package's command line: `jobs` and `emulator`. Exit status 0 on success,
 * 1 on a lookup or emulator error (our message, never a stack trace), 2 on a usage error. Run by the
 * npm bin (cli/main.ts) and by the release's executable under the name `pulumi-modelarts`.
 */
import { version } from "pulumi-modelarts/package.json";
import { ModelArtsError } from "../provider/support/errors";
import { escapeControls } from "../provider/support/redact";
import { emulatorCommand } from "./emulatorCommand";
import { type CommandIo, jobsCommand } from "./jobsCommand";
import { MAIN_USAGE } from "./usage";
import { UsageError } from "./usageError";

const COMMANDS: Record<string, (argv: readonly string[], io: CommandIo) => Promise<number>> = {
  jobs: jobsCommand,
  emulator: emulatorCommand,
};

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "--version" || command === "-v" || rest.includes("--version")) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(`${MAIN_USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (run === undefined) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
      // What the user typed is echoed: escaped, so that it cannot move the cursor or forge a line.
      io.stderr.write(
        `pulumi-modelarts: ${escapeControls((error as Error).message)}\nRun pulumi-modelarts --help for the usage.\n`,
      );
      return 2;
    }
    const message = ModelArtsError.isInstance(error)
      ? error.messageOn("cli")
      : `unexpected error: ${String(error)}`;
    io.stderr.write(`pulumi-modelarts: ${message}\n`);
    return 1;
  }
}

/**
 * Runs the command line as a process: `process.argv`, the exit status set when the command ends. A
 * reader that stops early (`pulumi-modelarts jobs | head -1`) closes the pipe: that ends the command
 * quietly, as for any Unix tool, rather than with an EPIPE stack trace. Any other failure to write
 * the output (a full disk: `> /dev/full`) is one line and exit status 1: thrown, it printed the
 * bundle's minified source line, about 100 KB.
 */
export function runCommandLine(argv: readonly string[]): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`pulumi-modelarts: could not write the output (${error.code ?? error.message})\n`);
    process.exit(1);
  });
  main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
