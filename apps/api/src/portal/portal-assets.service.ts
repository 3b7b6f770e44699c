import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PortalAsset {
  readonly body: string;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Next to this file in the sources and in dist/ alike: `npm run build` copies the folder, tsc does not. */
const ASSETS_DIRECTORY = path.join(__dirname, 'assets');

/**
 * The portal's static files, read once at boot: a missing file fails the start instead of a page load, and
 * only the files found here can ever be served (a name is a key in this map, never a path on disk).
 */
@Injectable()
export class PortalAssetsService {
  private readonly assets = new Map<string, PortalAsset>();

  constructor() {
    for (const name of readdirSync(ASSETS_DIRECTORY)) {
      const contentType = CONTENT_TYPES[path.extname(name)];
      if (contentType === undefined) continue;
      this.assets.set(name, { body: readFileSync(path.join(ASSETS_DIRECTORY, name), 'utf8'), contentType });
    }
    if (!this.assets.has('accept-invitation.html'))
      throw new Error(`portal pages missing from ${ASSETS_DIRECTORY}`);
  }

  find(name: string): PortalAsset | undefined {
    return this.assets.get(name);
  }
}
