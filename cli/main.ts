#!/usr/bin/env node
/** The npm bin `pulumi-modelarts`: the command line of cli/commandLine.ts. */
import { runCommandLine } from "./commandLine";

runCommandLine(process.argv.slice(2));
