// The child process of MongoEmulatorProcess: starts the engine, reports its URI, stops with its parent.
// Its one optional argument is the engine's data folder.
import { MongoEmulator } from '@tenantpay/mongo-emulator';

MongoEmulator.start({ dataDir: process.argv[2] }).then(
  (emulator) => {
    process.send?.({ uri: emulator.uri });
    process.once('disconnect', () => void emulator.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
