package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/pulumi-modelarts/pulumi-modelarts/sdk/go/modelarts"
)

// program looks up the running TensorBoard jobs of the team in stack config `team` (default
// "vision") with the generated Go SDK: the invoke, its Output form, and a lookup kept in state.
func program(ctx *pulumi.Context) error {
	team := "vision"
	if value, ok := ctx.GetConfig(ctx.Project() + ":team"); ok {
		team = value
	}
	pattern := "^" + team + "-"

	// The plain invoke: its result is known while the program runs. Statuses are typed constants:
	// a misspelt one does not compile.
	running, err := modelarts.GetVisualizationJobs(ctx, &modelarts.GetVisualizationJobsArgs{
		Statuses:  []modelarts.JobStatus{modelarts.JobStatusRunning},
		NameRegex: pulumi.StringRef(pattern),
	})
	if err != nil {
		return err
	}

	// The Output form: takes Inputs, and gives Outputs to feed other resources.
	newest := modelarts.GetVisualizationJobsOutput(ctx, modelarts.GetVisualizationJobsOutputArgs{
		NameRegex: pulumi.String(pattern),
		SortBy:    pulumi.String("create_time"),
		Order:     pulumi.String("desc"),
		Limit:     pulumi.Int(1),
	})

	// Kept in the stack's state: `pulumi refresh` shows jobs that stopped or appeared.
	tracked, err := modelarts.NewVisualizationJobsLookup(ctx, "tracked", &modelarts.VisualizationJobsLookupArgs{
		Status:    modelarts.JobStatusRunning,
		NameRegex: pulumi.String(pattern),
	})
	if err != nil {
		return err
	}

	ctx.Export("jobNames", pulumi.ToStringArray(running.Names))
	ctx.Export("serviceUrls", pulumi.ToStringArray(running.ServiceUrls))
	ctx.Export("newestJob", newest.Names().Index(pulumi.Int(0)))
	ctx.Export("trackedIds", tracked.Ids)
	return nil
}
