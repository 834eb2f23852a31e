#!/usr/bin/env node
// The `sightline` command. Plain JavaScript so that an old Node can still print a useful message.
const [major] = process.versions.node.split('.').map(Number)
if (major < 24) {
  process.stderr.write(
    `Sightline needs Node.js 24 or later; this is Node.js ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm run sightline -- <command>), which uses the Node 24 the project installs,\n' +
      'or put node_modules/.bin first on your PATH.\n',
  )
  process.exit(2)
}
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
