#!/usr/bin/env node
// Entry of the `pulau` command: TypeScript sources run through tsx, so no build step stands between a clone and a run.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
