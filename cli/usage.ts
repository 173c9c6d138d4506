/** What `pulumi-modelarts --help` and each command's `--help` print. */
import { entryOptionsHelp } from "./jobsOptions";

/** `pulumi-modelarts --help`. */
export const MAIN_USAGE = `Usage: pulumi-modelarts <command> [options]

Look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight), or run a local
emulator of the API.

Commands:
  jobs       list visualization jobs with the lookup a Pulumi program uses (settings from the environment)
  emulator   start a local ModelArts API and print the settings that point a program or stack at it

Options:
  --help     show this help (or a command's: pulumi-modelarts jobs --help)
  --version  print the package version

Exit status: 0 success, 1 a lookup or emulator error (its message, no stack trace), 2 a usage error.`;

/** `pulumi-modelarts jobs --help`: the lookup's options come from the description. */
export function jobsUsage(): string {
  return `Usage: pulumi-modelarts jobs [options]

Runs the same lookup as getVisualizationJobs, with settings from the environment (HW_REGION_NAME,
HW_ACCESS_KEY, HW_SECRET_KEY, HW_PROJECT_ID, HW_MODELARTS_ENDPOINT, ...; see docs/installation-configuration.md).

Options:
${entryOptionsHelp()}
  --output F          table (default) or json
  --help              show this help

Progress goes to stderr when a listing takes more than a second; the result goes to stdout.`;
}

/** `pulumi-modelarts emulator --help`. */
export const EMULATOR_USAGE = `Usage: pulumi-modelarts emulator [options]

Starts a local ModelArts API (the list call, the details call, IAM project discovery, a page per
job) and prints the environment variables and the \`pulumi config set\` commands that point a
program or a stack at it, and where its control API is. Ctrl-C stops it.

Options:
  --port P       the port (default 8787; 0 for any free port)
  --host H       the address to listen on (default 127.0.0.1; any other is warned about)
  --jobs N|FILE  N generated jobs, or the jobs of a JSON file (a list of {jobId, jobName, status, ...}),
                 instead of the demonstration set
  --latency MS   added before every API answer (default 0; at most 2147483647)
  --key K        the secret key, which is also the control API's key (default: random for each run;
                 the lines printed name it)
  --help         show this help`;
