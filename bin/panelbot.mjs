#!/usr/bin/env node
// The `panelbot` command: runs the TypeScript sources through tsx, so `npx panelbot …`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
