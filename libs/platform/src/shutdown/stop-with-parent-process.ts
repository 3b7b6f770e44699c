/**
 * For an application started with an IPC channel by a supervisor (`npm start`): when the channel closes
 * because the supervisor went away, even killed outright, the application shuts down as on SIGTERM, so it is
 * never left running as an orphan. Without a channel (docker, systemd, a shell) this does nothing.
 */
export function stopWithParentProcess(): void {
  if (process.send === undefined) return;
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
