#!/usr/bin/env node
'use strict';
// The `callscript` command: runs the compiled CLI and turns anything unexpected into one line and exit 2.

const debug = process.argv.includes('--debug');

function fail(error) {
  const message = String((error && error.message) || error).split('\n')[0];
  process.stderr.write(`callscript: internal error: ${message}\n`);
  if (debug && error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

// A reader that goes away (`callscript check . | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode || 0);
  else fail(error);
});

try {
  const { main } = require('../../out/server/src/cli/main.js');
  main(process.argv).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}
