// Preloaded into the Prism process (`node --require`). The parent keeps an IPC channel open to
// it; when the parent dies for any reason, even SIGKILL, the channel closes and Prism exits, so a
// crashed test runner never leaves a mock listening.
if (process.connected) {
  process.on('disconnect', () => process.exit(0));
}
