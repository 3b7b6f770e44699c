/**
 * Polls `done` until it holds; fails naming `what` (and `context()`, e.g. a child process's output). A poll
 * that throws (Redis reconnecting in a fault test) counts as not done yet.
 */
export async function eventually(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  context: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await done()) return;
    } catch {
      // Not answerable right now: ask again.
    }
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
