"""Runs the program as a Pulumi Automation API inline program, which needs only the `pulumi` CLI
and no Python language host:

    python inline.py up|preview|refresh|destroy [STACK]

It works in this folder (its Pulumi.yaml and stack config, `dev` by default), creating the stack if
needed, and prints JSON on stdout: the outputs after `up`, the change summary after the others.
"""

import json
import os
import sys

from pulumi import automation as auto

from tensorboard_urls import program

HERE = os.path.dirname(os.path.abspath(__file__))


def main(operation: str, stack_name: str) -> dict:
    """Runs one operation on the stack and returns what to print."""
    stack = auto.create_or_select_stack(
        stack_name=stack_name,
        project_name="python-tensorboard-urls",
        program=program,
        opts=auto.LocalWorkspaceOptions(work_dir=HERE),
    )
    quiet = {"on_output": lambda _line: None}
    if operation == "up":
        result = stack.up(**quiet)
        return {name: output.value for name, output in result.outputs.items()}
    if operation == "preview":
        return stack.preview(**quiet).change_summary
    if operation == "refresh":
        return stack.refresh(**quiet).summary.resource_changes or {}
    if operation == "destroy":
        return stack.destroy(**quiet).summary.resource_changes or {}
    raise SystemExit(f"unknown operation {operation!r}: use up, preview, refresh or destroy")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: python inline.py up|preview|refresh|destroy [STACK]")
    print(json.dumps(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "dev")))
