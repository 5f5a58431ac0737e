// Starts dynalite on a free loopback port, prints the port, and exits when its parent JVM closes
// stdin (so a test run that dies leaves no server behind).
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  console.log('dynalite-port ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
