#!/usr/bin/env node
// Runs one TypeScript file (a benchmark, a script) through tsx.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts FILE.ts [args…]');
  process.exit(2);
}
await import(pathToFileURL(path.resolve(file)).href);
