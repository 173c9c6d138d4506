/** The figures the benchmarks quote: median, min and max of several runs. */
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted.at(-1),
    runs: sorted.length,
  };
}

module.exports = { stats };
