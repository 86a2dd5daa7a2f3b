#!/usr/bin/env node
// Start-up as `panelbot` does it: tsx registered, then the TypeScript sources (see startup-entry.ts).
import { register } from 'tsx/esm/api';

register();
await import('./startup-entry.ts');
