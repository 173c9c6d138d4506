import { JobStatus, jobStatusName, parseJobStatus } from "../../../provider/wire/status";

describe("job statuses", () => {
  it("names every documented code and tolerates codes the doc does not list", () => {
    expect(jobStatusName(8)).toBe("RUNNING");
    expect(jobStatusName(0)).toBe("UNKNOWN");
    expect(jobStatusName(21)).toBe("CHECK_FAILED");
    expect(jobStatusName(22)).toBe("STATUS_22");
    expect(Object.keys(JobStatus)).toHaveLength(22);
  });

  it("parses names in any case, with or without JOBSTAT_, and codes as numbers or strings", () => {
    for (const input of ["RUNNING", "running", "JOBSTAT_RUNNING", "jobstat_running", 8, "8", " 8 "]) {
      expect(parseJobStatus(input)).toBe(8);
    }
    for (const input of ["RUN", 22, -1, 1.5, "", null, {}, "toString"])
      expect(parseJobStatus(input)).toBeUndefined();
  });
});
