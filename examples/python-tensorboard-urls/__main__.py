"""The Pulumi program, as `pulumi up` runs it where the Python language host is installed."""

from tensorboard_urls import program

program()
