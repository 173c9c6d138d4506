// Command sdkgen writes the Go and Python SDKs of the modelarts provider from its package schema,
// with Pulumi's own code generators (github.com/pulumi/pulumi/pkg/v3/codegen/go and .../python).
// The CLI's `pulumi package gen-sdk` would need language hosts that these machines do not have.
//
//	go run . ../plugin/schema.json ../sdk     (or: npm run plugin:sdk)
//
// It writes ../sdk/go/modelarts/ and ../sdk/python/, replacing what was there. The generated files
// are committed, never edited by hand; test/e2e/sdkRegeneration.test.ts checks that regenerating changes nothing.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noReferences is the schema loader (and reference loader, for the Python generator): the
// modelarts schema refers to no other package.
type noReferences struct{}

func (noReferences) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it should refer to none", name)
}

func (noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it should refer to none", d.Name)
}

func (noReferences) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it should refer to none", name)
}

func (noReferences) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it should refer to none", d.Name)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <sdk folder>")
		os.Exit(2)
	}
	if err := generate(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}

func generate(schemaPath, sdkDir string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// Each generator binds its own package: Go's renames the enums' members in the bound package
	// (JobStatusRunning), which Python's would otherwise print as JOB_STATUS_RUNNING.
	goPkg, err := bind(spec)
	if err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage("sdkgen", goPkg, nil)
	if err != nil {
		return err
	}
	// The Go generator names files relative to the Go root of the SDK: sdk/go/<package>/...
	if err := replace(filepath.Join(sdkDir, "go"), spec.Name, goFiles); err != nil {
		return err
	}
	pyPkg, err := bind(spec)
	if err != nil {
		return err
	}
	pyFiles, err := pygen.GeneratePackage("sdkgen", pyPkg, nil, noReferences{})
	if err != nil {
		return err
	}
	// A stub module, as pulumi-aws keeps in sdk/python: it keeps the Python SDK's files out of the
	// Go module of sdk/ (go's zip of a module leaves out every folder holding a go.mod).
	pyFiles["go.mod"] = []byte(pythonStubModule)
	return replace(filepath.Join(sdkDir, "python"), ".", pyFiles)
}

// bind checks the schema and binds it to a package for one generator.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return pkg, nil
}

// pythonStubModule is sdk/python/go.mod.
const pythonStubModule = "module fake_python_module // Exclude this directory from the Go module of sdk/: it holds the Python SDK\n\ngo 1.26\n"

// replace empties root/sub, then writes the files (named relative to root) under root.
func replace(root, sub string, files map[string][]byte) error {
	if err := os.RemoveAll(filepath.Join(root, sub)); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d files under %s\n", len(files), root)
	return nil
}
