#!/usr/bin/env node
'use strict';
// The CLI runs the compiled code: `npm install` builds it (prepare), `npm run build` rebuilds it.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('vanthu: not built yet — run `npm run build` (npm install does it for you)');
  process.exit(2);
}
require(cli).main();
