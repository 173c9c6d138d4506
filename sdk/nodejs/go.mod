module fake_nodejs_module // Exclude this directory from the Go module of sdk/: it holds the TypeScript SDK

go 1.26
