package main

// Runs the program as a Go Automation API inline program against the emulator whose settings are in
// the environment (HW_*), with the plugin in MODELARTS_PLUGIN_DIR (else the installed or downloaded
// one) and the backend in PULUMI_BACKEND_URL (test/e2e/goProgram.test.ts sets them). Credentials
// come from provider config in one test, from the environment in the other.

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

var settingNames = []string{
	"HW_MODELARTS_ENDPOINT", "HW_AUTH_URL", "HW_REGION_NAME", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY",
}

func stack(t *testing.T, ctx context.Context, name string) auto.Stack {
	t.Helper()
	project := workspace.Project{
		Name:    "go-tensorboard-urls",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
	}
	// A plugin folder (a build of this repository) wins; without one the engine takes the installed
	// plugin, or downloads the one the SDK names (its pluginDownloadURL), as for any provider.
	if dir := os.Getenv("MODELARTS_PLUGIN_DIR"); dir != "" {
		project.Plugins = &workspace.Plugins{Providers: []workspace.PluginOptions{{Name: "modelarts", Path: dir}}}
	}
	s, err := auto.UpsertStackInlineSource(ctx, name, "go-tensorboard-urls", program,
		auto.Project(project), auto.WorkDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func upAndCheck(t *testing.T, ctx context.Context, s auto.Stack) {
	t.Helper()
	up, err := s.Up(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := up.Outputs["jobNames"].Value
	want := []interface{}{"vision-resnet50-tb", "vision-vit-b16-tb", "vision-dino-tb"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("jobNames = %v, want %v", names, want)
	}
	if got := up.Outputs["newestJob"].Value; got != "vision-dino-tb" {
		t.Fatalf("newestJob = %v, want vision-dino-tb", got)
	}
	if got := up.Outputs["trackedIds"].Value; !reflect.DeepEqual(got, []interface{}{1001.0, 1003.0, 1007.0}) {
		t.Fatalf("trackedIds = %v", got)
	}
	if _, err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Destroy(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestCredentialsFromProviderConfig(t *testing.T) {
	ctx := context.Background()
	settings := map[string]string{}
	for _, name := range settingNames {
		settings[name] = os.Getenv(name)
		t.Setenv(name, "") // the CLI, and so the plugin, sees none of them
		os.Unsetenv(name)
	}
	s := stack(t, ctx, "config")
	config := auto.ConfigMap{
		"modelarts:region":    {Value: settings["HW_REGION_NAME"]},
		"modelarts:projectId": {Value: settings["HW_PROJECT_ID"]},
		"modelarts:accessKey": {Value: settings["HW_ACCESS_KEY"], Secret: true},
		"modelarts:secretKey": {Value: settings["HW_SECRET_KEY"], Secret: true},
		"modelarts:endpoint":  {Value: settings["HW_MODELARTS_ENDPOINT"]},
	}
	if err := s.SetAllConfig(ctx, config); err != nil {
		t.Fatal(err)
	}
	upAndCheck(t, ctx, s)
}

func TestCredentialsFromTheEnvironment(t *testing.T) {
	ctx := context.Background()
	upAndCheck(t, ctx, stack(t, ctx, "env"))
}
