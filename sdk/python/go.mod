module fake_python_module // Exclude this directory from the Go module of sdk/: it holds the Python SDK

go 1.26
