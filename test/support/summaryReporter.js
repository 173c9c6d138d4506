/**
 * Ends a Jest run with one plain line, `jest: N passed, N failed, N skipped`, the closing-line form
 * CI reads to tell a run that tested something from one that ran no test.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
