/**
 * `npm run demo`: the whole thing, offline. Starts the emulator with its demonstration data, runs
 * the tensorboard-urls example with the real Pulumi engine (a file backend in a temporary folder),
 * prints the looked-up service URLs, stops one job in the emulator and runs `up --refresh` to show
 * the change, then destroys the stack and stops the emulator.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { demoJobs, type RunningEmulator, startEmulator } from "../emulator";
import { createExampleStack, type ExampleStack, findPulumiCli, HOW_TO_GET_PULUMI } from "./exampleStack";

const TEAM = "vision";
/** The job the demo stops between the two runs. */
const STOPPED_JOB = { id: 1003, name: "vision-vit-b16-tb" };

let currentStep = "starting";

async function step<T>(title: string, action: () => Promise<T>): Promise<T> {
  currentStep = title;
  process.stdout.write(`\n==> ${title}\n`);
  const started = performance.now();
  const result = await action();
  process.stdout.write(`    done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

function printTable(outputs: OutputMap): void {
  const names = (outputs.jobNames?.value ?? []) as string[];
  const urls = (outputs.serviceUrls?.value ?? []) as string[];
  const width = Math.max(8, ...names.map((n) => n.length));
  process.stdout.write(`    ${"job".padEnd(width)}  service URL\n`);
  names.forEach((name, i) => {
    process.stdout.write(`    ${name.padEnd(width)}  ${urls[i]}\n`);
  });
  process.stdout.write(
    `    dashboard: ${outputs.reachable?.value} of ${names.length} links answered HTTP 200\n`,
  );
}

async function main(): Promise<void> {
  const cli = findPulumiCli();
  if (cli === undefined) {
    process.stderr.write(`${HOW_TO_GET_PULUMI}\n`);
    process.exit(2);
  }
  process.stdout.write(`Using the Pulumi CLI at ${cli}\n`);
  let emulator: RunningEmulator | undefined;
  let example: ExampleStack | undefined;
  try {
    emulator = await step("Starting the ModelArts emulator with the demonstration data", () =>
      startEmulator({ jobs: demoJobs() }),
    );
    process.stdout.write(`    ${emulator.url}, ${emulator.jobs().length} visualization jobs\n`);
    const running = emulator;
    example = await step(
      "Creating the stack of examples/tensorboard-urls (file backend, temporary folder)",
      () => createExampleStack("tensorboard-urls", running, { team: TEAM }),
    );
    const { stack, workDir } = example;
    await stack.setConfig("modelarts-tensorboard-urls:dashboardPath", {
      value: join(workDir, `${TEAM}-tensorboards.html`),
    });

    const first = await step(`pulumi up: look up the running ${TEAM} jobs and write their dashboard`, () =>
      stack.up(),
    );
    process.stdout.write(`    ${JSON.stringify(first.summary.resourceChanges)}\n`);
    printTable(first.outputs);

    await step(`Stopping ${STOPPED_JOB.name} (job ${STOPPED_JOB.id}) in the emulator`, async () =>
      running.updateJob(STOPPED_JOB.id, { status: 10 }),
    );
    const second = await step("pulumi up --refresh: the lookup sees the change, the dashboard follows", () =>
      stack.up({ refresh: true }),
    );
    process.stdout.write(`    ${JSON.stringify(second.summary.resourceChanges)}\n`);
    printTable(second.outputs);

    // The destroy step deletes the dashboard with the stack: keep a copy to open afterwards.
    const kept = join(tmpdir(), "pulumi-modelarts-demo", `${TEAM}-tensorboards.html`);
    mkdirSync(dirname(kept), { recursive: true });
    copyFileSync(String(second.outputs.dashboardPath?.value), kept);
    await step("pulumi destroy", () => stack.destroy());
    await step("Removing the stack", () => stack.workspace.removeStack(stack.name));
    process.stdout.write(
      `\nThe demo finished: every step succeeded. The dashboard of the last update is kept at ${kept}\n`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nThe demo failed at the step "${currentStep}":\n${message}\n`);
    process.exitCode = 1;
  } finally {
    example?.cleanup();
    await emulator?.close();
  }
}

main();
