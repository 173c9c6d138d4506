/**
 * Runs `pulumi up` of the single-job example with a job name that matches nothing, in a process of
 * its own: an inline program's failure also surfaces as an unhandled rejection in the process that
 * hosts it, which Jest would count against the suite. Prints the error the engine reported.
 */
const { createExampleStack } = require("../../dist/demo/exampleStack");
const { demoJobs, startEmulator } = require("../../dist/emulator");

async function main() {
  process.on("unhandledRejection", () => {}); // reported through the engine's error below
  const emulator = await startEmulator({ jobs: demoJobs() });
  const example = await createExampleStack("single-job", emulator, { jobName: "no-such-job" });
  try {
    await example.stack.up();
    process.stdout.write("UNEXPECTED SUCCESS\n");
  } catch (error) {
    process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await example.stack.destroy().catch(() => {});
    example.cleanup();
    await emulator.close();
  }
}

main();
