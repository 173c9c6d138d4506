"""The running TensorBoard jobs of one team, their service URLs, the newest job, and a lookup kept
in the stack's state: the same program as examples/yaml-tensorboard-urls, in Python."""

import pulumi
import pulumi_modelarts as modelarts


def program() -> None:
    """Declares the lookups and exports what they found."""
    team = pulumi.Config().get("team") or "vision"
    pattern = f"^{team}-"

    # The plain form: a lookup the program can use at once (it runs during previews too).
    running = modelarts.get_visualization_jobs(status=modelarts.JobStatus.RUNNING, name_regex=pattern)
    # The Output form: waits for its inputs, like any resource property.
    newest = modelarts.get_visualization_job_output(
        name_regex=pulumi.Output.from_input(pattern), sort_by="create_time", order="desc", limit=1
    )
    # A lookup kept in state: `pulumi refresh` shows when its jobs changed.
    tracked = modelarts.VisualizationJobsLookup("tracked", status=modelarts.JobStatus.RUNNING, name_regex=pattern)

    pulumi.export("jobNames", running.names)
    pulumi.export("serviceUrls", running.service_urls)
    pulumi.export("newestJob", newest.job_name)
    pulumi.export("trackedIds", tracked.ids)
