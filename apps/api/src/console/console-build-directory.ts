import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `vite build` writes the console (apps/console/vite.config.mts): dist/apps/console of the workspace, found
 * as the nearest folder above `from` holding a package.json. A fixed number of levels up cannot serve both the
 * sources (apps/api/src/console) and the build (dist/apps/api/src/console, one level deeper), nor the image.
 */
export function consoleBuildDirectory(from: string = __dirname): string {
  for (let directory = from; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'package.json')))
      return path.join(directory, 'dist', 'apps', 'console');
    if (path.dirname(directory) === directory) throw new Error(`No package.json above ${from}`);
  }
}
