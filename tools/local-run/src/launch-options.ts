/** How many API instances and workers `npm start` runs: one each, or more with `npm run start:scaled`. */
export interface LaunchOptions {
  readonly apiInstances: number;
  readonly workerInstances: number;
}

const MAX_INSTANCES = 16;
const FLAGS = { '--api': 'apiInstances', '--workers': 'workerInstances' } as const;

/**
 * Reads `--api N` and `--workers M` (1 to 16 each). Anything else is refused with a message naming it, so a
 * mistyped flag never starts a different topology than the one asked for.
 */
export function parseLaunchOptions(args: readonly string[]): LaunchOptions {
  const options: { apiInstances: number; workerInstances: number } = { apiInstances: 1, workerInstances: 1 };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    if (!(flag in FLAGS)) throw new Error(`unknown option ${flag} (expected --api N and/or --workers M)`);
    const count = Number(value);
    if (value === undefined || !Number.isInteger(count) || count < 1 || count > MAX_INSTANCES) {
      throw new Error(`${flag} needs a whole number from 1 to ${MAX_INSTANCES}, got ${value ?? 'nothing'}`);
    }
    options[FLAGS[flag as keyof typeof FLAGS]] = count;
  }
  return options;
}
